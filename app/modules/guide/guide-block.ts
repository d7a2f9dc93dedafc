// The unit the guide is stored, compared and searched in. Shared by the import, the reader and the diff.

export type BlockKind = "heading" | "paragraph" | "list" | "quote";

/** One top-level block of a guide part; the anchor is stable across versions. */
export interface GuideBlock {
  anchor: string;
  kind: BlockKind;
  markdown: string;
  /** Plain text without markup: what is compared and searched. */
  text: string;
}
