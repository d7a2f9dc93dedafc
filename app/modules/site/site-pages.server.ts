// The site's own pages (accessibility and privacy statements), kept as Markdown per language.
import fs from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { AppError } from "../../infra/errors.ts";
import type { Language } from "../../infra/i18n/i18n.ts";
import { message } from "../../infra/i18n/translate.ts";
import { renderBlock } from "../guide/guide-markdown.ts";

export const SITE_PAGES = ["toegankelijkheid", "privacy"] as const;
export type SitePageName = (typeof SITE_PAGES)[number];

export async function readSitePage(options: {
  contentDir: string;
  name: SitePageName;
  language: Language;
}): Promise<{ title: string; html: string; language: Language }> {
  const file = path.join(options.contentDir, "paginas", `${options.name}.${options.language}.md`);
  const source = await fs.readFile(file, "utf8").catch(() => {
    throw new AppError("not_found", message("problems.site.pageMissing", { name: options.name }));
  });
  const parsed = matter(source);
  const title = typeof parsed.data.title === "string" ? parsed.data.title : options.name;
  return {
    title,
    html: renderBlock({ markdown: parsed.content, partHref: (slug) => `/gids/${slug}` }),
    language: options.language,
  };
}
