// Text for screen readers only: what a sighted reader gets from the layout (which row a button is in),
// or a live region that announces changes.
import type { ReactNode } from "react";

export function VisuallyHidden(props: {
  children: ReactNode;
  as?: "span" | "p" | "div";
  role?: "status";
  /** The language of content in it that is not the page's (a Dutch title on an English page). */
  lang?: string;
}) {
  const Tag = props.as ?? "span";
  return (
    <Tag className="rhc-visually-hidden" role={props.role} lang={props.lang}>
      {props.children}
    </Tag>
  );
}
