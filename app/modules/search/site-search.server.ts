// The site search: a question in everyday Dutch against the guide's paragraphs and parts, the dilemma
// cards, the conversation templates and the visible Meedenken contributions, in one SQL statement on
// either database. The application plans the terms (search-plan.ts: stop words out, synonyms, compound
// parts, typo corrections, a prefix for the last word); PostgreSQL's `dutch` configuration stems and
// matches. Ranking, best first:
// - a document that holds every searched word (or a synonym) before one that holds some;
// - coverage: the share of the query's meaning a document holds, each term weighed by how rare it is
//   among the documents (a word every paragraph has says little), and counted less in a long document
//   (as BM25 does), so a document with more of the meaning beats one with less;
// - the same share counted in the title alone;
// - ts_rank_cd, which rewards the terms standing close together.
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { requireCurrentVersion, requireVersion } from "../guide/guide.server.ts";
import { searchDocuments } from "./search.schema.ts";
import { suggestCorrections } from "./search-corrections.ts";
import { documentsFor, getDocumentsStamp, keepDocuments } from "./search-documents.server.ts";
import {
  addressOf,
  DOCUMENT_KINDS,
  type DocumentKind,
  SEARCH_FILTERS,
  type SearchFilter,
} from "./search-filters.ts";
import { buildSearchPlan, type SearchPlan } from "./search-plan.ts";
import {
  lexiconFrom,
  normaliseSearchInput,
  type SearchLexicon,
  tokenizeSearchInput,
} from "./search-words.ts";
import { loadSynonyms } from "./synonyms.server.ts";

export interface SearchHit {
  kind: DocumentKind;
  /** The part's, card's or template's slug, or the contribution's id. */
  slug: string;
  /** A paragraph's anchor in its part; '' for the other kinds. */
  anchor: string;
  /** The part's title for a paragraph or part, else the document's own. */
  title: string;
  /** HTML-escaped text with `<mark>` around matched words. */
  snippetHtml: string;
  /** Whether every searched word (or its synonym) is in it. */
  complete: boolean;
}

export interface SearchResult {
  query: string;
  plan: SearchPlan | null;
  hits: SearchHit[];
  /** How many hits each kind has before `kinds` and `limit` apply. */
  counts: Record<DocumentKind, number>;
  /** Corrected queries that find more than what was typed. */
  suggestions: string[];
}

// Private-use characters as highlight markers: they cannot occur in the texts, so the snippet can be
// escaped first and marked up after.
const START = "\uE000";
const STOP = "\uE001";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
/** How much the title and closeness count beside coverage, which is between 0 and 1. */
const TITLE_WEIGHT = 0.3;
const CLOSENESS_WEIGHT = 0.2;
/** What a match through a synonym, compound or correction counts for, beside the typed word's 1. */
const EXPANDED_WEIGHT = 0.7;
/**
 * One result per part (its best paragraph, or the part itself) and per card: the first few results
 * are then as many places to look, and one long part that mentions every word does not push all else
 * away. The part's page holds the rest. With two per part, set 1's top-3 was 92.5 % and set 2's
 * 88.6 %; with one, 95.3 % and 90.0 %, and set 3's stayed at 91.9 % (docs/benchmarks.md).
 */
const PER_GROUP = 1;
/**
 * A long document holds more words by chance: a match counts less in it, as in BM25 (k1 1.2, b 0.75,
 * each term counted once), scaled so a document of average length counts fully.
 */
const lengthNorm = sql.raw(
  "((1 + 1.2) / (1 + 1.2 * (0.25 + 0.75 * length(d.vector) / nullif(w.average_length, 0))))",
);
const GROUP = sql.raw(`case when kind in ('part', 'paragraph') then 'guide' else kind end`);

const lexicons = new Map<string, Promise<SearchLexicon>>();

/** The words of the published documents with their stems and compounds; memoised per stamp. */
function lexiconOf(db: Db, stamp: string): Promise<SearchLexicon> {
  let lexicon = lexicons.get(stamp);
  if (!lexicon) {
    lexicon = (async () => {
      const rows = await queryRows<{ title: string; body: string }>(
        db,
        sql`select title, body from ${searchDocuments} where stamp = ${stamp}`,
      );
      const words = new Set<string>();
      for (const row of rows) {
        for (const word of `${row.title} ${row.body}`
          .toLowerCase()
          .normalize("NFC")
          .split(/[^\p{L}\p{N}]+/u)) {
          if (word.length >= 3 && word.length <= 40) words.add(word);
        }
      }
      return lexiconFrom(await stemsOf(db, [...words]));
    })();
    lexicon.catch(() => lexicons.delete(stamp));
    if (lexicons.size > 8) lexicons.clear();
    lexicons.set(stamp, lexicon);
  }
  return lexicon;
}

/**
 * Stems already asked of the database. The `dutch` configuration is part of the database's version
 * and never changes under a running process, so a word's stem can be kept; at most STEMS_KEPT words.
 */
const knownStems = new Map<string, string | null>();
const STEMS_KEPT = 50_000;

/** Each word's stem in the `dutch` configuration; null for its stop words. */
async function stemsOf(db: Db, words: readonly string[]): Promise<Map<string, string | null>> {
  const unknown = [...new Set(words)].filter((word) => !knownStems.has(word));
  if (unknown.length > 0) {
    const rows = await queryRows<{ word: string; stem: string[] | null }>(
      db,
      sql`select w as word, ts_lexize('dutch_stem', w) as stem from unnest(${sql.param(unknown)}::text[]) as w`,
    );
    if (knownStems.size + rows.length > STEMS_KEPT) knownStems.clear();
    for (const row of rows) {
      knownStems.set(row.word, row.stem && row.stem.length > 0 ? (row.stem[0] ?? null) : null);
    }
  }
  return new Map(words.map((word) => [word, knownStems.get(word) ?? null]));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function highlightSnippet(headline: string): string {
  return escapeHtml(headline).replaceAll(START, "<mark>").replaceAll(STOP, "</mark>");
}

const emptyCounts = (): Record<DocumentKind, number> =>
  Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, 0])) as Record<DocumentKind, number>;

export async function searchSite(options: {
  db: Db;
  versionId: string;
  query: string;
  /** Only these kinds; all when absent. */
  kinds?: readonly DocumentKind[];
  limit?: number;
}): Promise<SearchResult> {
  const { db, versionId } = options;
  const query = normaliseSearchInput(options.query);
  const stamp = await getDocumentsStamp({ db, versionId });
  await keepDocuments({ db, versionId, stamp });
  const [lexicon, stems] = await Promise.all([lexiconOf(db, stamp), stemsOf(db, tokenizeSearchInput(query))]);
  const { synonyms } = loadSynonyms();
  const plan = buildSearchPlan({ input: query, lexicon, synonyms, stems });
  if (!plan) return { query, plan, hits: [], counts: emptyCounts(), suggestions: [] };

  // Each query is parsed and stemmed once, in `q`, and read from there: written out in the statement,
  // `to_tsquery` would run again for every document and every place it stands.
  const parsed = [
    ...plan.terms.flatMap((term, index) => [
      sql`to_tsquery('dutch', ${term.tsquery}) as ${sql.raw(`t${index}`)}`,
      sql`to_tsquery('dutch', ${term.exactTsquery}) as ${sql.raw(`e${index}`)}`,
    ]),
    sql`to_tsquery('dutch', ${plan.anyTsquery}) as any_term`,
    sql`to_tsquery('dutch', ${plan.typedTsquery}) as every_term`,
  ];
  const terms = plan.terms.map((_, index) => sql.raw(`q.t${index}`));
  const exact = plan.terms.map((_, index) => sql.raw(`q.e${index}`));
  const any = sql.raw("q.any_term");
  const typed = sql.raw("q.every_term");
  // A term's weight: how rare it is among the documents (0 when none has it).
  const weights = terms.map(
    (term, index) => sql`case when count(*) filter (where vector @@ ${term}) > 0
      then ln(1 + count(*)::float8 / count(*) filter (where vector @@ ${term})) else 0 end as ${sql.raw(`w${index}`)}`,
  );
  const total = sql.join(
    terms.map((_, index) => sql.raw(`w.w${index}`)),
    sql` + `,
  );
  // A match of the word itself counts fully, one through a synonym or a correction a little less.
  const share = (vector: ReturnType<typeof sql>) =>
    sql`(${sql.join(
      terms.map(
        (term, index) => sql`case when ${vector} @@ ${exact[index]} then ${sql.raw(`w.w${index}`)}
          when ${vector} @@ ${term} then ${EXPANDED_WEIGHT} * ${sql.raw(`w.w${index}`)} else 0 end`,
      ),
      sql` + `,
    )}) / nullif(${total}, 0)`;
  const kinds = options.kinds?.length ? options.kinds : DOCUMENT_KINDS;
  const limit = options.limit ?? 30;

  const rows = await queryRows<{
    kind: DocumentKind;
    slug: string;
    anchor: string;
    title: string;
    headline: string;
    complete: boolean;
    counts: Partial<Record<DocumentKind, number>> | null;
  }>(
    db,
    sql`
    with q as materialized (select ${sql.join(parsed, sql`, `)}),
    docs as materialized (${documentsFor(stamp)}),
    w as materialized (select ${sql.join(weights, sql`, `)}, avg(length(vector))::float8 as average_length from docs, q),
    matching as materialized (
      select docs.*, ts_filter(vector, '{a}') as title_vector from docs, q where vector @@ ${any}
    ),
    ranked as (
      select d.kind, d.slug, d.anchor, d.title, d.body, d.place, d.vector @@ ${typed} as complete,
        coalesce(${share(sql`d.vector`)}, 0) * ${lengthNorm}
          + ${TITLE_WEIGHT} * coalesce(${share(sql`d.title_vector`)}, 0)
          + ${CLOSENESS_WEIGHT} * ts_rank_cd(d.vector, ${any}, 32) as score
      from matching d, w, q
    ),
    counted as (select json_object_agg(kind, n) as counts from (select kind, count(*) as n from ranked group by kind) c),
    chosen as (
      select *, row_number() over (partition by ${GROUP}, slug order by complete desc, score desc, place, anchor) as in_group
      from ranked where kind = any(${sql.param([...kinds])}::text[])
    ),
    shown as (
      select * from chosen where in_group <= ${PER_GROUP} order by complete desc, score desc, place, anchor
      limit ${limit}
    )
    select kind, slug, anchor, title, complete, (select counts from counted) as counts,
      ts_headline('dutch', body, ${any}, ${HEADLINE_OPTIONS}) as headline
    from shown, q order by complete desc, score desc, place, anchor`,
  );

  const counts = { ...emptyCounts(), ...(rows[0]?.counts ?? {}) };
  const hits = rows.map(
    (row): SearchHit => ({
      kind: row.kind,
      slug: row.slug,
      anchor: row.anchor,
      title: row.title,
      snippetHtml: highlightSnippet(row.headline),
      complete: row.complete,
    }),
  );
  const suggestions = await betterSpellings({ db, stamp, query, lexicon, stems, plan });
  return { query, plan, hits, counts, suggestions };
}

/**
 * "Did you mean": a correction of the mistyped words, offered only when it finds more documents that
 * hold every word than what was typed does.
 */
async function betterSpellings(options: {
  db: Db;
  stamp: string;
  query: string;
  lexicon: SearchLexicon;
  stems: ReadonlyMap<string, string | null>;
  plan: SearchPlan;
}): Promise<string[]> {
  const { db, stamp, lexicon } = options;
  const candidates = suggestCorrections({ input: options.query, lexicon, stems: options.stems });
  if (candidates.length === 0) return [];
  const { synonyms } = loadSynonyms();
  const stems = await stemsOf(
    db,
    candidates.flatMap((candidate) => tokenizeSearchInput(candidate)),
  );
  const plans = candidates.map((candidate) =>
    buildSearchPlan({ input: candidate, lexicon, synonyms, stems, prefixLast: false }),
  );
  // How many documents hold every word, of what was typed (n0) and of each candidate, in one pass;
  // each query parsed once, in `q`. A candidate that leaves no words finds nothing.
  const everyWord = [options.plan, ...plans].flatMap((plan, index) =>
    plan ? [{ index, tsquery: plan.typedTsquery }] : [],
  );
  const [counts] = await queryRows<Record<string, number>>(
    db,
    sql`select ${sql.join(
      everyWord.map(({ index }) =>
        sql.raw(`count(*) filter (where vector @@ q.t${index})::int as n${index}`),
      ),
      sql`, `,
    )}
    from (${documentsFor(stamp)}) d,
      (select ${sql.join(
        everyWord.map(
          ({ index, tsquery }) => sql`to_tsquery('dutch', ${tsquery}) as ${sql.raw(`t${index}`)}`,
        ),
        sql`, `,
      )}) q`,
  );
  const found = (index: number) => Number(counts?.[`n${index}`] ?? 0);
  return candidates.filter((_, index) => found(index + 1) > found(0));
}

/** A search as a reader asks it: in the current version or an older published one, maybe of one kind. */
export async function searchForReader(options: {
  db: Db;
  query: string;
  /** A published version's number; the current version when absent. */
  version?: number;
  filter?: SearchFilter;
  limit?: number;
}) {
  const { db } = options;
  const current = await requireCurrentVersion({ db });
  const version =
    options.version === undefined ? current : await requireVersion({ db, number: options.version });
  if (version.status !== "gepubliceerd") {
    throw new AppError("not_found", message("problems.guide.versionUnknown", { number: version.number }));
  }
  const result = await searchSite({
    db,
    versionId: version.id,
    query: options.query,
    kinds: options.filter ? SEARCH_FILTERS[options.filter] : undefined,
    limit: options.limit,
  });
  const versionPath = version.id === current.id ? "/gids" : `/gids/versie/${version.number}`;
  return {
    ...result,
    version: { number: version.number, current: version.id === current.id },
    hits: result.hits.map((hit) => ({ ...hit, address: addressOf(hit, versionPath) })),
  };
}
