// Text for screen readers only: what a sighted reader gets from the layout (which row a button is in),
// or a live region that announces changes.
import type { ReactNode } from "react";

export function VisuallyHidden(props: { children: ReactNode; as?: "span" | "p" | "div"; role?: "status" }) {
  const Tag = props.as ?? "span";
  return (
    <Tag className="rhc-visually-hidden" role={props.role}>
      {props.children}
    </Tag>
  );
}
