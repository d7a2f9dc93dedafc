// Links with the design system's class; internal addresses go through React Router.
import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";

export function Link(props: {
  to: string;
  children: ReactNode;
  external?: boolean;
  className?: string;
  "aria-current"?: "page";
  /** Only to say more than the visible words, and then starting with them (voice control says those). */
  "aria-label"?: string;
  lang?: string;
}) {
  const className = ["nl-link", props.className].filter(Boolean).join(" ");
  if (props.external) {
    return (
      <a
        className={className}
        href={props.to}
        rel="noopener"
        lang={props.lang}
        aria-label={props["aria-label"]}
      >
        {props.children}
      </a>
    );
  }
  return (
    <RouterLink
      className={className}
      to={props.to}
      aria-current={props["aria-current"]}
      aria-label={props["aria-label"]}
      lang={props.lang}
    >
      {props.children}
    </RouterLink>
  );
}

/** A list of links (the design system's link list), e.g. "related" or "ways in". */
export function LinkList(props: { children: ReactNode; className?: string }) {
  const className = ["utrecht-link-list utrecht-link-list--html-ul", props.className]
    .filter(Boolean)
    .join(" ");
  return <ul className={className}>{props.children}</ul>;
}

export function LinkListItem(props: { children: ReactNode }) {
  return <li className="utrecht-link-list__item">{props.children}</li>;
}
