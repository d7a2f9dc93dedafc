// Buttons as the design system draws them.
import type { ReactNode } from "react";
import { classNames } from "./class-names.ts";

export function Button(props: {
  children: ReactNode;
  type?: "submit" | "button";
  appearance?: "primary-action" | "secondary-action" | "subtle";
  name?: string;
  value?: string;
  "aria-label"?: string;
  /** The id of a text that says more, such as why the action is not possible now. */
  describedBy?: string;
  /**
   * Drawn as unavailable but still focusable and pressable, so keyboard and screen-reader users meet it
   * and hear why (`describedBy`); the server refuses the action.
   */
  unavailable?: boolean;
  lang?: string;
  onClick?: () => void;
}) {
  const appearance = props.appearance ?? "primary-action";
  return (
    <button
      type={props.type ?? "submit"}
      className={classNames(
        `utrecht-button utrecht-button--${appearance}`,
        props.type !== "button" && "utrecht-button--submit",
        props.unavailable && "utrecht-button--disabled",
      )}
      name={props.name}
      value={props.value}
      aria-label={props["aria-label"]}
      aria-describedby={props.describedBy}
      lang={props.lang}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
