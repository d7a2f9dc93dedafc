// A message box; `role` makes screen readers announce errors, info stays quiet.
import type { ReactNode } from "react";

export function Alert(props: {
  type: "info" | "ok" | "warning" | "error";
  children: ReactNode;
  lang?: string;
}) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${props.type}`}
      role={props.type === "error" ? "alert" : undefined}
      lang={props.lang}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{props.children}</div>
      </div>
    </div>
  );
}

export function StatusBadge(props: { children: ReactNode }) {
  return <span className="utrecht-badge-status">{props.children}</span>;
}
