// The guide's Markdown format: front matter per part, a body split into blocks at blank lines, and a
// stable anchor per block written into the file as `{#anchor}` (on the heading line, or on a line of
// its own at the end of any other block). Pure: no I/O.
import matter from "gray-matter";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { z } from "zod";
import { headingClassName, PROSE_CLASSES } from "~/ui/prose-classes.ts";
import { inBothLanguages } from "../../infra/i18n/texts.server.ts";
import type { BlockKind, GuideBlock } from "./guide-block.ts";
import { PART_KINDS } from "./guide-kinds.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ANCHOR = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const GuidePartFrontMatter = z.object({
  slug: z
    .string()
    .regex(SLUG, "slug: kleine letters, cijfers en streepjes (lower-case letters, digits and hyphens)"),
  kind: z.enum(PART_KINDS),
  order: z.number().int().min(1),
  title: z.string().trim().min(3).max(160),
  summary: z.string().trim().min(3).max(400),
  related: z.array(z.string().regex(SLUG)).default([]),
});
export type GuidePartFrontMatter = z.infer<typeof GuidePartFrontMatter>;

export interface ParsedPart extends GuidePartFrontMatter {
  blocks: GuideBlock[];
}

/** A block's anchor as written in the source: `## Kop {#anker}` or a last line `{#anker}`. */
const TRAILING_ANCHOR = /(?:^|\s)\{#([a-z0-9-]+)\}\s*$/;

interface RawBlock {
  source: string;
  anchor?: string;
}

/** Splits a Markdown body into top-level blocks at blank lines. */
export function splitBlocks(body: string): RawBlock[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.replace(/^\n+|\s+$/g, ""))
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => {
      const lines = chunk.split("\n");
      const last = lines[lines.length - 1] ?? "";
      const match = TRAILING_ANCHOR.exec(last);
      if (!match) return { source: chunk };
      const rest = last.slice(0, match.index).trimEnd();
      if (rest === "") lines.pop();
      else lines[lines.length - 1] = rest;
      return { source: lines.join("\n"), anchor: match[1] };
    });
}

export function blockKindOf(source: string): BlockKind {
  if (/^#{1,6}\s/.test(source)) return "heading";
  if (/^\s*(?:[-*+]|\d+[.)])\s/.test(source)) return "list";
  if (/^>/.test(source)) return "quote";
  return "paragraph";
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });

/** The words of a block without markup, for search, snippets and word diffs. */
export function plainTextOf(source: string): string {
  const pieces: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type !== "inline") continue;
    const words = (token.children ?? [])
      .filter((child) => child.type === "text" || child.type === "code_inline")
      .map((child) => child.content)
      .join("");
    pieces.push(words);
  }
  return pieces.join(" ").replace(/\s+/g, " ").trim();
}

/** Lowercase, accent-free, hyphenated: the first words of a text as a readable anchor. */
export function slugify(text: string, maxWords = 5): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .slice(0, maxWords)
    .join("-")
    .slice(0, 48)
    .replace(/-+$/, "");
}

/** A new anchor for a block, unique among `taken`. */
export function createAnchor(options: { text: string; taken: ReadonlySet<string> }): string {
  const base = slugify(options.text) || "alinea";
  if (!options.taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!options.taken.has(candidate)) return candidate;
  }
}

/**
 * Writes an anchor into every block of a part's source that has none yet, keeping the existing ones,
 * so anchors survive edits of other paragraphs. Returns the source unchanged when all blocks have one.
 */
export function stampAnchors(source: string): string {
  const file = matter(source);
  const blocks = splitBlocks(file.content);
  const taken = new Set(blocks.flatMap((block) => (block.anchor ? [block.anchor] : [])));
  if (blocks.every((block) => block.anchor)) return source;
  const body = blocks
    .map((block) => {
      const anchor = block.anchor ?? createAnchor({ text: plainTextOf(block.source), taken });
      taken.add(anchor);
      return blockKindOf(block.source) === "heading"
        ? `${block.source} {#${anchor}}`
        : `${block.source}\n{#${anchor}}`;
    })
    .join("\n\n");
  const head = source.slice(0, source.length - file.content.length).replace(/\s*$/, "");
  return `${head}\n\n${body}\n`;
}

export class ContentError extends Error {
  override name = "ContentError";
}

/** Reads one part file; throws ContentError naming the file and the problem. */
export function parseGuidePart(options: { source: string; file: string }): ParsedPart {
  const file = matter(options.source);
  const front = GuidePartFrontMatter.safeParse(file.data);
  if (!front.success) {
    const problems = front.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${inBothLanguages(issue.message)}`,
    );
    throw new ContentError(`${options.file}: ${problems.join("; ")}`);
  }
  const seen = new Set<string>();
  const blocks = splitBlocks(file.content).map((block, index): GuideBlock => {
    if (!block.anchor) {
      throw new ContentError(
        `${options.file}: blok ${index + 1} heeft geen anker; draai npm run content:anchors ` +
          `(block ${index + 1} has no anchor; run npm run content:anchors)`,
      );
    }
    if (!ANCHOR.test(block.anchor) || seen.has(block.anchor)) {
      throw new ContentError(
        `${options.file}: anker '${block.anchor}' is ongeldig of dubbel (invalid or used twice)`,
      );
    }
    seen.add(block.anchor);
    return {
      anchor: block.anchor,
      kind: blockKindOf(block.source),
      markdown: block.source,
      text: plainTextOf(block.source),
    };
  });
  return { ...front.data, blocks };
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "code",
    "br",
  ],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
};

/**
 * Renders one block to safe HTML with the design system's classes. `gids:<slug>` links point into the
 * version being read (`partHref`), so an old version links to its own parts.
 */
export function renderBlock(options: {
  markdown: string;
  partHref: (slug: string) => string;
  /** Pushes headings down, e.g. 1 turns h2 into h3 where the part's title is itself an h2. */
  headingShift?: number;
}): string {
  const shift = options.headingShift ?? 0;
  const raw = markdown.render(options.markdown).replace(/href="gids:([a-z0-9-]+)"/g, (_, slug: string) => {
    return `href="${options.partHref(slug)}"`;
  });
  return sanitizeHtml(raw, {
    ...SANITIZE,
    allowedSchemesByTag: {},
    transformTags: Object.fromEntries(
      Object.entries(PROSE_CLASSES).map(([tag, className]) => [
        tag,
        (tagName: string, attribs: sanitizeHtml.Attributes) => {
          const level = /^h([2-4])$/.exec(tagName)?.[1];
          if (!level || shift === 0) return { tagName, attribs: { ...attribs, class: className } };
          const shifted = Math.min(6, Number(level) + shift);
          return {
            tagName: `h${shifted}`,
            attribs: { ...attribs, class: headingClassName(shifted) },
          };
        },
      ]),
    ),
    allowedAttributes: { ...SANITIZE.allowedAttributes, "*": ["class"] },
    allowedClasses: { "*": Object.values(PROSE_CLASSES).flatMap((value) => value.split(" ")) },
  }).trim();
}
