// Reads the guide's Markdown files from the content folder. Its problems are for the operator who runs the
// import in a terminal, in Dutch and English at once.
import fs from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { inBothLanguages } from "../../infra/i18n/texts.server.ts";
import { ContentError, type ParsedPart, parseGuidePart } from "./guide-markdown.ts";

export const VersionFrontMatter = z.object({
  label: z.string().trim().min(3),
  edition: z.string().trim().min(3),
});

export interface GuideContent {
  label: string;
  edition: string;
  changelog: string;
  parts: ParsedPart[];
}

/** Every `<slug>.md` in `<contentDir>/gids`, plus `_versie.md` with the version's label and changelog. */
export async function readGuideContent(options: { contentDir: string }): Promise<GuideContent> {
  return readGuideFolder({ dir: path.join(options.contentDir, "gids") });
}

/** A folder in the format of `content/gids/` (also what `vakmanschap guide export` writes). */
export async function readGuideFolder(options: { dir: string }): Promise<GuideContent> {
  const { dir } = options;
  const entries = await fs.readdir(dir).catch(() => {
    throw new ContentError(
      `${dir}: deze map bestaat niet of is niet te lezen (the folder does not exist or cannot be read)`,
    );
  });
  const names = entries.filter((name) => name.endsWith(".md")).sort();
  const versionSource = await fs.readFile(path.join(dir, "_versie.md"), "utf8").catch(() => {
    throw new ContentError(`${dir}: _versie.md ontbreekt (_versie.md is missing)`);
  });
  const versionFile = matter(versionSource);
  const meta = VersionFrontMatter.safeParse(versionFile.data);
  if (!meta.success)
    throw new ContentError(`gids/_versie.md: ${inBothLanguages(meta.error.issues[0]?.message ?? "")}`);
  const parts = await Promise.all(
    names
      .filter((name) => !name.startsWith("_"))
      .map(async (name) => {
        const part = parseGuidePart({ source: await fs.readFile(path.join(dir, name), "utf8"), file: name });
        if (`${part.slug}.md` !== name)
          throw new ContentError(
            `${name}: slug '${part.slug}' hoort bij de bestandsnaam (the slug must match the file name)`,
          );
        return part;
      }),
  );
  parts.sort((a, b) => a.order - b.order);
  const slugs = new Set(parts.map((part) => part.slug));
  for (const part of parts) {
    for (const related of part.related) {
      if (!slugs.has(related))
        throw new ContentError(`${part.slug}.md: related '${related}' bestaat niet (no such part)`);
    }
    for (const block of part.blocks) {
      for (const match of block.markdown.matchAll(/\]\(gids:([a-z0-9-]+)\)/g)) {
        if (!slugs.has(match[1] ?? ""))
          throw new ContentError(
            `${part.slug}.md: link naar onbekend deel '${match[1]}' (link to an unknown part)`,
          );
      }
    }
  }
  return { ...meta.data, changelog: versionFile.content.trim(), parts };
}

export const ExampleDraftFrontMatter = z.object({
  label: z.string().trim().min(3),
  changes: z.array(
    z.union([
      z.object({ part: z.string(), replace: z.string(), text: z.string().min(1) }),
      z.object({ part: z.string(), after: z.string(), anchor: z.string(), text: z.string().min(1) }),
      z.object({ part: z.string(), remove: z.string() }),
    ]),
  ),
});
export type ExampleDraft = z.infer<typeof ExampleDraftFrontMatter> & { changelog: string };

/** The example draft: a list of changes against the shipped version, in `<contentDir>/voorbeeldconcept.md`. */
export async function readExampleDraft(options: { contentDir: string }): Promise<ExampleDraft | undefined> {
  const file = path.join(options.contentDir, "voorbeeldconcept.md");
  const source = await fs.readFile(file, "utf8").catch(() => undefined);
  if (source === undefined) return undefined;
  const parsed = matter(source);
  const front = ExampleDraftFrontMatter.safeParse(parsed.data);
  if (!front.success)
    throw new ContentError(`voorbeeldconcept.md: ${inBothLanguages(front.error.issues[0]?.message ?? "")}`);
  return { ...front.data, changelog: parsed.content.trim() };
}
