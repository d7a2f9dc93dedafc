// Bulleted and numbered lists as the design system draws them.
import type { ReactNode } from "react";
import { classNames } from "./class-names.ts";

interface ListProps {
  children: ReactNode;
  className?: string;
  lang?: string;
}

export function UnorderedList(props: ListProps) {
  return (
    <ul className={classNames("utrecht-unordered-list", props.className)} lang={props.lang}>
      {props.children}
    </ul>
  );
}

export function UnorderedListItem(props: ListProps) {
  return (
    <li className={classNames("utrecht-unordered-list__item", props.className)} lang={props.lang}>
      {props.children}
    </li>
  );
}

export function OrderedList(props: ListProps) {
  return (
    <ol className={classNames("utrecht-ordered-list", props.className)} lang={props.lang}>
      {props.children}
    </ol>
  );
}

export function OrderedListItem(props: ListProps) {
  return (
    <li className={classNames("utrecht-ordered-list__item", props.className)} lang={props.lang}>
      {props.children}
    </li>
  );
}
