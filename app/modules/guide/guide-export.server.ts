// Writes one version of the guide to a folder in the format of `content/gids/` (see guide-export.ts).
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { getVersionContent, requireVersion } from "./guide.server.ts";
import { exportVersionFiles } from "./guide-export.ts";

/**
 * Writes every file of version `number` into `dir` (made when missing). Refuses a folder that already
 * holds Markdown files, so a part removed since an earlier export cannot linger beside the new ones.
 */
export async function exportGuideVersion(options: {
  db: Db;
  number: number;
  dir: string;
}): Promise<{ files: string[] }> {
  const version = await requireVersion({ db: options.db, number: options.number });
  const parts = await getVersionContent({ db: options.db, version });
  const existing = await fs.readdir(options.dir).catch(() => [] as string[]);
  if (existing.some((name) => name.endsWith(".md")))
    throw new AppError("conflict", message("problems.guide.folderNotEmpty", { dir: options.dir }));
  await fs.mkdir(options.dir, { recursive: true });
  const files = exportVersionFiles({ ...version, parts });
  for (const [name, text] of files) await fs.writeFile(path.join(options.dir, name), text);
  return { files: [...files.keys()] };
}
