// Reads the dilemma cards that ship with the platform from `content/dilemmas/*.md` (front matter only).
import fs from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { inBothLanguages } from "../../infra/i18n/texts.server.ts";
import { message } from "../../infra/i18n/translate.ts";
import { ContentError } from "../guide/guide-markdown.ts";
import { ContentCard } from "./dilemmas.validation.ts";

/** A message for the operator who starts the platform, in both languages at once. */

export async function readDilemmaContent(options: { contentDir: string }): Promise<ContentCard[]> {
  const dir = path.join(options.contentDir, "dilemmas");
  const names = (await fs.readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const parsed = ContentCard.safeParse(matter(await fs.readFile(path.join(dir, name), "utf8")).data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ContentError(
          `dilemmas/${name}: ${issue?.path.join(".")}: ${inBothLanguages(issue?.message ?? "")}`,
        );
      }
      if (`${parsed.data.slug}.md` !== name) {
        const mismatch = message("problems.dilemmas.slugMismatch", { slug: parsed.data.slug });
        throw new ContentError(`dilemmas/${name}: ${inBothLanguages(mismatch)}`);
      }
      return parsed.data;
    }),
  );
}
