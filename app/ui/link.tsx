// Links with the design system's class; internal addresses go through React Router.
import type { MouseEvent, ReactNode } from "react";
import { Link as RouterLink } from "react-router";
import { classNames } from "./class-names.ts";

export function Link(props: {
  to: string;
  children: ReactNode;
  external?: boolean;
  /** A file to save (the server answers it); the browser fetches it, not the router. */
  download?: boolean;
  /** The browser follows it itself: a place on this page (`#anchor`) or a full reload of the page. */
  reloadDocument?: boolean;
  className?: string;
  "aria-current"?: "page" | "step";
  /** Only to say more than the visible words, and then starting with them (voice control says those). */
  "aria-label"?: string;
  lang?: string;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
}) {
  const className = classNames("nl-link", props.className);
  if (props.external || props.download || props.reloadDocument) {
    return (
      <a
        className={className}
        href={props.to}
        rel={props.external ? "noopener" : undefined}
        download={props.download || undefined}
        lang={props.lang}
        aria-current={props["aria-current"]}
        aria-label={props["aria-label"]}
        onClick={props.onClick}
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
      onClick={props.onClick}
    >
      {props.children}
    </RouterLink>
  );
}

/** A list of links (the design system's link list), e.g. "related" or "ways in". */
export function LinkList(props: { children: ReactNode; className?: string; lang?: string }) {
  return (
    <ul
      className={classNames("utrecht-link-list utrecht-link-list--html-ul", props.className)}
      lang={props.lang}
    >
      {props.children}
    </ul>
  );
}

export function LinkListItem(props: { children: ReactNode }) {
  return <li className="utrecht-link-list__item">{props.children}</li>;
}
