// The kinds of parts in the guide, in the order the contents page shows them. Kept apart from the
// Markdown code so that pages can use it without shipping a Markdown parser to the browser.
export const PART_KINDS = ["inleiding", "gebruik", "principe", "waarden", "fundament"] as const;
export type PartKind = (typeof PART_KINDS)[number];
