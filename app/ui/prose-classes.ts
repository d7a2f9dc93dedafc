// The design system's classes for text that is rendered to an HTML string rather than through the
// React wrappers (the guide's Markdown), so both kinds of text look the same.

export function headingClassName(level: number): string {
  return `nl-heading nl-heading--level-${level}`;
}

/** The class of each HTML element a rendered text may contain. */
export const PROSE_CLASSES: Readonly<Record<string, string>> = {
  h2: headingClassName(2),
  h3: headingClassName(3),
  h4: headingClassName(4),
  h5: headingClassName(5),
  h6: headingClassName(6),
  p: "nl-paragraph",
  ul: "utrecht-unordered-list",
  ol: "utrecht-ordered-list",
  li: "utrecht-unordered-list__item",
  a: "nl-link",
  blockquote: "utrecht-blockquote",
  code: "utrecht-code",
};
