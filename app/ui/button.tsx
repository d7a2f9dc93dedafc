// Buttons as the design system draws them.
import type { ReactNode } from "react";

export function Button(props: {
  children: ReactNode;
  type?: "submit" | "button";
  appearance?: "primary-action" | "secondary-action" | "subtle";
  name?: string;
  value?: string;
  "aria-label"?: string;
  lang?: string;
  onClick?: () => void;
}) {
  const appearance = props.appearance ?? "primary-action";
  return (
    <button
      type={props.type ?? "submit"}
      className={`utrecht-button utrecht-button--${appearance}${props.type !== "button" ? " utrecht-button--submit" : ""}`}
      name={props.name}
      value={props.value}
      aria-label={props["aria-label"]}
      lang={props.lang}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
