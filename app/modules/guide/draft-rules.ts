// What an editor's change to a draft becomes before it is stored: a paragraph's kind and plain text
// derived exactly as the import derives them, a fresh anchor for a new paragraph, a slug for a new part,
// and the label of the next version. Pure: no I/O.
import { isStorable } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import type { GuideBlock } from "./guide-block.ts";
import { blockKindOf, createAnchor, plainTextOf, slugify, splitBlocks } from "./guide-markdown.ts";

/** Line endings as the import reads them, and no blank lines or spaces around the paragraph. */
export function normaliseBlockMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, "\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
}

/**
 * A problem with a paragraph's Markdown, as a message of the locale files, or nothing when it can be stored: it must be one
 * block (a blank line would split it into two paragraphs on the next export), carry no anchor of its
 * own, and link only to parts that exist in the draft.
 */
export function blockMarkdownProblem(options: {
  markdown: string;
  partSlugs: ReadonlySet<string>;
}): string | undefined {
  const markdown = normaliseBlockMarkdown(options.markdown);
  if (markdown.trim() === "") return message("problems.guide.paragraphEmpty");
  if (markdown.length > 10_000) return message("problems.guide.paragraphTooLong");
  if (!isStorable(markdown)) return message("problems.guide.paragraphUnstorable");
  const blocks = splitBlocks(markdown);
  if (blocks.length !== 1) return message("problems.guide.paragraphBlankLine");
  if (blocks[0]?.anchor) return message("problems.guide.paragraphAnchor");
  if (plainTextOf(markdown) === "") return message("problems.guide.paragraphNoText");
  for (const match of markdown.matchAll(/\]\(gids:([^)\s]*)\)/g)) {
    if (!options.partSlugs.has(match[1] ?? ""))
      return message("problems.guide.linkUnknownPart", { slug: match[1] ?? "" });
  }
  return undefined;
}

/** A block as stored: kind and plain text follow from the Markdown, the same way the import does it. */
export function blockFromMarkdown(options: { anchor: string; markdown: string }): GuideBlock {
  const markdown = normaliseBlockMarkdown(options.markdown);
  return { anchor: options.anchor, kind: blockKindOf(markdown), markdown, text: plainTextOf(markdown) };
}

/**
 * The anchor of a new paragraph: made from its first words like the anchors in the content files, and
 * different from every anchor the part has in any stored version (`taken`), so a comment on a
 * paragraph removed since an earlier version never lands on a new one.
 */
export function anchorForNewBlock(options: { markdown: string; taken: ReadonlySet<string> }): string {
  return createAnchor({ text: plainTextOf(normaliseBlockMarkdown(options.markdown)), taken: options.taken });
}

/** The slug of a new part: its title's words, made unique among the draft's parts. */
export function slugForPart(options: { title: string; taken: ReadonlySet<string> }): string {
  const base = slugify(options.title, 6) || "deel";
  if (!options.taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!options.taken.has(candidate)) return candidate;
  }
}

/**
 * The label of the next version: the previous label with its number replaced ("weergave 1" becomes
 * "weergave 2"), or the previous label with the new number added when it names no number.
 */
export function nextVersionLabel(options: { label: string; from: number; to: number }): string {
  const pattern = new RegExp(`(^|[^0-9])${options.from}(?![0-9])`);
  if (pattern.test(options.label)) return options.label.replace(pattern, `$1${options.to}`);
  return `${options.label} (versie ${options.to})`;
}

/** Moves the item at `index` one place up or down; the same array when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, direction: "up" | "down"): T[] {
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  moved.splice(target, 0, item as T);
  return moved;
}
