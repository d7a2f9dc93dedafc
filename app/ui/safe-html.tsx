// The one place where prepared HTML enters the page. Only pass HTML made by the project's own
// renderers (renderBlock sanitises Markdown output; search snippets are escaped before <mark> is added).
import { classNames } from "./class-names.ts";

export function SafeHtml(props: {
  html: string;
  /** `p` makes it a paragraph as the design system draws it. */
  as?: "div" | "p";
  className?: string;
  lang?: string;
  id?: string;
}) {
  const Tag = props.as ?? "div";
  const inner = { __html: props.html };
  return (
    <Tag
      id={props.id}
      className={Tag === "p" ? classNames("nl-paragraph", props.className) : props.className}
      lang={props.lang}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the input is sanitised or escaped by its producer (see above)
      dangerouslySetInnerHTML={inner}
    />
  );
}
