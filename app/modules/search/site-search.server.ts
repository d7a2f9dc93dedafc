// Full-text search over a version of the guide: PostgreSQL's `dutch` configuration does the stemming;
// the application adds synonyms, typo corrections and prefix matching (the embedded database cannot
// load dictionary files), and turns ts_headline's output into safe highlighted snippets.
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { guideBlocks, guideParts } from "./guide.schema.ts";
import {
  buildSearchPlan,
  normaliseSearchInput,
  type SearchPlan,
  suggestCorrections,
} from "./search-query.ts";

export interface SearchHit {
  slug: string;
  partTitle: string;
  anchor: string;
  /** HTML-escaped text with `<mark>` around matched words. */
  snippetHtml: string;
}

export interface SearchResult {
  query: string;
  plan: SearchPlan | null;
  hits: SearchHit[];
  /** Corrected queries to try when nothing was found. */
  suggestions: string[];
}

// Private-use characters as highlight markers: they cannot occur in the guide's text, so the snippet
// can be escaped first and marked up after.
const START = "\uE000";
const STOP = "\uE001";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

const lexicons = new Map<string, Promise<Set<string>>>();

/** The distinct words of a version, for typo tolerance; memoised per version (published versions never change). */
function lexiconOf(db: Db, versionId: string): Promise<Set<string>> {
  let lexicon = lexicons.get(versionId);
  if (!lexicon) {
    lexicon = db
      .select({ text: guideBlocks.text, title: guideParts.title })
      .from(guideBlocks)
      .innerJoin(guideParts, eq(guideParts.id, guideBlocks.partId))
      .where(eq(guideParts.versionId, versionId))
      .then((rows) => {
        const words = new Set<string>();
        for (const row of rows) {
          for (const word of `${row.title} ${row.text}`.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
            if (word.length >= 3) words.add(word);
          }
        }
        return words;
      });
    lexicon.catch(() => lexicons.delete(versionId));
    if (lexicons.size > 8) lexicons.clear();
    lexicons.set(versionId, lexicon);
  }
  return lexicon;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function highlightSnippet(headline: string): string {
  return escapeHtml(headline).replaceAll(START, "<mark>").replaceAll(STOP, "</mark>");
}

export async function searchGuide(options: {
  db: Db;
  versionId: string;
  query: string;
  limit?: number;
}): Promise<SearchResult> {
  const query = normaliseSearchInput(options.query);
  const lexicon = await lexiconOf(options.db, options.versionId);
  const plan = buildSearchPlan({ input: query, lexicon });
  if (!plan) return { query, plan, hits: [], suggestions: [] };
  const tsquery = sql`to_tsquery('dutch', ${plan.tsquery})`;
  const rows = await options.db
    .select({
      slug: guideParts.slug,
      partTitle: guideParts.title,
      anchor: guideBlocks.anchor,
      headline: sql<string>`ts_headline('dutch', ${guideBlocks.text}, ${tsquery}, ${HEADLINE_OPTIONS})`,
    })
    .from(guideBlocks)
    .innerJoin(guideParts, eq(guideParts.id, guideBlocks.partId))
    .where(sql`${guideParts.versionId} = ${options.versionId} and ${guideBlocks.searchVector} @@ ${tsquery}`)
    .orderBy(
      sql`ts_rank_cd(${guideBlocks.searchVector}, ${tsquery})
        + case when to_tsvector('dutch', ${guideParts.title}) @@ ${tsquery} then 0.5 else 0 end desc`,
      asc(guideParts.position),
      asc(guideBlocks.position),
    )
    .limit(options.limit ?? 30);
  const hits = rows.map((row) => ({
    slug: row.slug,
    partTitle: row.partTitle,
    anchor: row.anchor,
    snippetHtml: highlightSnippet(row.headline),
  }));
  const suggestions = hits.length === 0 ? suggestCorrections({ input: query, lexicon }) : [];
  return { query, plan, hits, suggestions };
}
