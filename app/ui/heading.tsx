// NL Design System headings and paragraphs (candidate components, Rijkshuisstijl theme).
import type { ReactNode } from "react";
import { classNames } from "./class-names.ts";
import { headingClassName } from "./prose-classes.ts";

type Level = 1 | 2 | 3 | 4;

export function Heading(props: {
  level: Level;
  children: ReactNode;
  id?: string;
  className?: string;
  lang?: string;
}) {
  const Tag = `h${props.level}` as const;
  const className = classNames(headingClassName(props.level), props.className);
  return (
    <Tag id={props.id} className={className} lang={props.lang}>
      {props.children}
    </Tag>
  );
}

export function Paragraph(props: {
  children: ReactNode;
  lead?: boolean;
  className?: string;
  lang?: string;
  /** `status` for a line that changes while the reader is on the page and should be announced. */
  role?: "status";
  "aria-live"?: "off" | "polite";
  id?: string;
}) {
  const className = classNames("nl-paragraph", props.lead && "nl-paragraph--lead", props.className);
  return (
    <p className={className} lang={props.lang} role={props.role} aria-live={props["aria-live"]} id={props.id}>
      {props.children}
    </p>
  );
}
