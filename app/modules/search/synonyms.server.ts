// The synonym list as the server uses it: read once from `content/synoniemen.md` when first needed.
import fs from "node:fs";
import path from "node:path";
import { parseSynonyms, type Synonyms, synonymsFrom } from "./synonyms.ts";

export const SYNONYMS_FILE = path.resolve("content/synoniemen.md");

let loaded: { synonyms: Synonyms; problems: string[] } | undefined;

/** The list, and the words in it that were left out; an empty list when the file is missing. */
export function loadSynonyms(file = SYNONYMS_FILE): { synonyms: Synonyms; problems: string[] } {
  if (file !== SYNONYMS_FILE) return parsed(fs.readFileSync(file, "utf8"));
  loaded ??= fs.existsSync(file)
    ? parsed(fs.readFileSync(file, "utf8"))
    : { synonyms: new Map(), problems: [] };
  return loaded;
}

function parsed(markdown: string) {
  const { groups, problems } = parseSynonyms(markdown);
  return { synonyms: synonymsFrom(groups), problems };
}
