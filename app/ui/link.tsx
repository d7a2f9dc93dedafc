// Links with the design system's class; internal addresses go through React Router.
import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";

export function Link(props: {
  to: string;
  children: ReactNode;
  external?: boolean;
  className?: string;
  "aria-current"?: "page";
  lang?: string;
}) {
  const className = ["nl-link", props.className].filter(Boolean).join(" ");
  if (props.external) {
    return (
      <a className={className} href={props.to} rel="noopener" lang={props.lang}>
        {props.children}
      </a>
    );
  }
  return (
    <RouterLink className={className} to={props.to} aria-current={props["aria-current"]} lang={props.lang}>
      {props.children}
    </RouterLink>
  );
}
