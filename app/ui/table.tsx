// The design system's table, in parts that mirror HTML. A table scrolls sideways in its own box when it
// is wider than the page; `numeric` right-aligns a column of numbers and gives them equal widths.
import type { ReactNode } from "react";
import { classNames } from "./class-names.ts";

export function Table(props: {
  children: ReactNode;
  className?: string;
  /** False when the table already sits in a `ScrollRegion`, which is its container. */
  container?: boolean;
}) {
  const table = (
    <table className={classNames("utrecht-table utrecht-table--html-table", props.className)}>
      {props.children}
    </table>
  );
  if (props.container === false) return table;
  return <div className="utrecht-table-container vm-table-scroll">{table}</div>;
}

/** What the table shows, read out by screen readers before its contents. */
export function TableCaption(props: { children: ReactNode }) {
  return <caption className="utrecht-table__caption">{props.children}</caption>;
}

export function TableHeader(props: { children: ReactNode }) {
  return <thead className="utrecht-table__header">{props.children}</thead>;
}

export function TableBody(props: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{props.children}</tbody>;
}

export function TableRow(props: { children: ReactNode; className?: string }) {
  return <tr className={classNames("utrecht-table__row", props.className)}>{props.children}</tr>;
}

/** A heading for its column (`scope="col"`) or its row (`scope="row"`); the scope is not optional. */
export function TableHeaderCell(props: {
  scope: "col" | "row";
  children: ReactNode;
  numeric?: boolean;
  className?: string;
  lang?: string;
  colSpan?: number;
}) {
  return (
    <th
      scope={props.scope}
      className={classNames(
        "utrecht-table__header-cell",
        props.numeric && "utrecht-table__header-cell--numeric-column",
        props.className,
      )}
      lang={props.lang}
      colSpan={props.colSpan}
    >
      {props.children}
    </th>
  );
}

export function TableCell(props: {
  children?: ReactNode;
  numeric?: boolean;
  className?: string;
  lang?: string;
  colSpan?: number;
}) {
  return (
    <td
      className={classNames(
        "utrecht-table__cell",
        props.numeric && "utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data",
        props.className,
      )}
      lang={props.lang}
      colSpan={props.colSpan}
    >
      {props.children}
    </td>
  );
}
