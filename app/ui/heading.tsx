// NL Design System headings and paragraphs (candidate components, Rijkshuisstijl theme).
import type { ReactNode } from "react";

type Level = 1 | 2 | 3 | 4;

export function Heading(props: {
  level: Level;
  children: ReactNode;
  id?: string;
  className?: string;
  lang?: string;
}) {
  const Tag = `h${props.level}` as const;
  const className = ["nl-heading", `nl-heading--level-${props.level}`, props.className]
    .filter(Boolean)
    .join(" ");
  return (
    <Tag id={props.id} className={className} lang={props.lang}>
      {props.children}
    </Tag>
  );
}

export function Paragraph(props: { children: ReactNode; lead?: boolean; className?: string; lang?: string }) {
  const className = ["nl-paragraph", props.lead ? "nl-paragraph--lead" : "", props.className]
    .filter(Boolean)
    .join(" ");
  return (
    <p className={className} lang={props.lang}>
      {props.children}
    </p>
  );
}
