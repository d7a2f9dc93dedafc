// Writes a version back into the files of `content/gids/`: one `<slug>.md` per part (front matter,
// then every block with its anchor as `npm run content:anchors` writes it) and `_versie.md` with the
// label, the edition and the changelog. Exporting the shipped version gives the shipped files byte for
// byte, so a version can be reviewed, changed and imported as Markdown. Pure: no I/O.
import type { GuideBlock } from "./guide-block.ts";
import type { PartKind } from "./guide-kinds.ts";

export interface ExportedPart {
  slug: string;
  kind: PartKind;
  title: string;
  summary: string;
  related: string[];
  blocks: GuideBlock[];
}

/** Words YAML would read as something other than text. */
const YAML_WORDS = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

/**
 * A one-line YAML value: plain where YAML reads it back as the same text, double-quoted otherwise
 * (JSON's escapes are valid in YAML's double quotes).
 */
export function yamlValue(value: string, options: { quote?: boolean } = {}): string {
  const plain =
    !options.quote &&
    value !== "" &&
    value === value.trim() &&
    ![...value].some((char) => char === '"' || char.charCodeAt(0) < 0x20) &&
    !/^[-?:,[\]{}#&*!|>'%@`]/.test(value) &&
    !/: |:$| #/.test(value) &&
    !YAML_WORDS.test(value) &&
    !/^[-+.]?\d/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** One block as it stands in a part file: a heading carries its anchor on its line, others below. */
export function formatBlock(block: Pick<GuideBlock, "anchor" | "kind" | "markdown">): string {
  return block.kind === "heading"
    ? `${block.markdown} {#${block.anchor}}`
    : `${block.markdown}\n{#${block.anchor}}`;
}

/** A part's file; `order` is its place in the version, from 1. */
export function formatPartFile(part: ExportedPart, order: number): string {
  const front = [
    "---",
    `slug: ${part.slug}`,
    `kind: ${part.kind}`,
    `order: ${order}`,
    `title: ${yamlValue(part.title)}`,
    `summary: ${yamlValue(part.summary)}`,
    `related: [${part.related.join(", ")}]`,
    "---",
  ].join("\n");
  const body = part.blocks.map(formatBlock).join("\n\n");
  return body === "" ? `${front}\n` : `${front}\n\n${body}\n`;
}

/** `_versie.md`: the label (always quoted), the edition, and the changelog as the body. */
export function formatVersionFile(version: { label: string; edition: string; changelog: string }): string {
  const front = [
    "---",
    `label: ${yamlValue(version.label, { quote: true })}`,
    `edition: ${yamlValue(version.edition)}`,
    "---",
  ].join("\n");
  const changelog = version.changelog.trim();
  return changelog === "" ? `${front}\n` : `${front}\n\n${changelog}\n`;
}

/** Every file of a version by name, `_versie.md` first. */
export function exportVersionFiles(version: {
  label: string;
  edition: string;
  changelog: string;
  parts: ExportedPart[];
}): Map<string, string> {
  const files = new Map<string, string>([["_versie.md", formatVersionFile(version)]]);
  version.parts.forEach((part, index) => {
    files.set(`${part.slug}.md`, formatPartFile(part, index + 1));
  });
  return files;
}

/**
 * Every file of a version in one Markdown file to read or send round: each file after a comment with
 * its name, in the order of the folder (`_versie.md` first, then the parts in their order).
 */
export function versionAsOneFile(files: Map<string, string>): string {
  return [...files].map(([name, text]) => `<!-- bestand: ${name} -->\n\n${text}`).join("\n");
}
