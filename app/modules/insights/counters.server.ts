// The two counters behind the insights, kept in memory and added to the database once a minute (and at
// shutdown): page views per page and hour, and searches that found nothing per text and day. Nothing
// about the reader is kept: no cookie, no address, no account. To count people rather than searches,
// a search is counted once per text, reader and day; for that the process holds keyed hashes of the
// reader's address in memory for the day, under a random key that is never written anywhere, and
// forgets them when the day ends.
import { createHmac, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { utcToAmsterdam } from "../../infra/amsterdam-time.ts";
import type { Db } from "../../infra/db.server.ts";

export interface InsightCounters {
  /** Counts a view of each page named (space-separated, as routes give them: `viewHeaders`). */
  view(pages: string): void;
  /** Counts a search that found nothing, once per text, reader and day. */
  searchMiss(query: string, reader: string): void;
  /** Adds what was counted to the database. */
  flush(): Promise<void>;
  /** Stops the minute timer and flushes. */
  stop(): Promise<void>;
}

/** The longest search text kept; longer ones are not counted (nobody types those twice alike). */
export const MISS_QUERY_MAX_LENGTH = 100;
/** Counts held in memory at most (while the database cannot take them, say). */
const MAX_PENDING = 50_000;
/** Readers remembered per day, to count people; past it, new searches that day are not counted. */
const MAX_SEEN = 200_000;
/** A page name: letters, digits, dashes and slashes. */
const PAGE = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/**
 * The text as counted, or null when it is not counted: empty, too long, or looking like something
 * personal (an e-mail address, a number of four digits or more: a BSN, a phone or case number).
 */
export function missQueryOf(query: string): string | null {
  const text = query.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  if (!text || text.length > MISS_QUERY_MAX_LENGTH) return null;
  if (text.includes("@") || /\d{4,}/.test(text.replace(/[\s.-]/g, ""))) return null;
  return text;
}

export function createInsightCounters(options: {
  db: Db;
  logger: Logger;
  flushEveryMs?: number;
  now?: () => Date;
}): InsightCounters {
  const now = options.now ?? (() => new Date());
  const views = new Map<string, number>();
  const misses = new Map<string, number>();
  const key = randomBytes(32);
  let seen = new Set<string>();
  let seenDay = "";
  let flushing: Promise<void> = Promise.resolve();

  const add = (map: Map<string, number>, name: string, count: number) => {
    if (map.size >= MAX_PENDING && !map.has(name)) return;
    map.set(name, (map.get(name) ?? 0) + count);
  };

  const write = async () => {
    if (views.size === 0 && misses.size === 0) return;
    const viewRows = [...views].map(([name, count]) => {
      const [page, hour] = name.split("\n");
      return { page, hour, views: count };
    });
    const missRows = [...misses].map(([name, count]) => {
      const [query, day] = name.split("\n");
      return { query, day, searchers: count };
    });
    views.clear();
    misses.clear();
    try {
      if (viewRows.length > 0) {
        await options.db.execute(sql`
          insert into insight_page_views (page, hour, views)
          select page, hour, views from jsonb_to_recordset(${JSON.stringify(viewRows)}::jsonb)
            as counted(page text, hour timestamptz, views integer)
          on conflict (page, hour) do update set views = insight_page_views.views + excluded.views`);
      }
      if (missRows.length > 0) {
        await options.db.execute(sql`
          insert into insight_search_misses (query, day, searchers)
          select query, day, searchers from jsonb_to_recordset(${JSON.stringify(missRows)}::jsonb)
            as counted(query text, day date, searchers integer)
          on conflict (query, day) do update set searchers = insight_search_misses.searchers + excluded.searchers`);
      }
    } catch (error) {
      // Kept for the next minute: a database that is away for a while loses no counts (up to MAX_PENDING).
      for (const row of viewRows) add(views, `${row.page}\n${row.hour}`, row.views);
      for (const row of missRows) add(misses, `${row.query}\n${row.day}`, row.searchers);
      options.logger.warn({ err: error }, "insight counters not written; kept for the next try");
    }
  };

  const flush = () => {
    flushing = flushing.then(write);
    return flushing;
  };
  const timer = setInterval(() => void flush(), options.flushEveryMs ?? 60_000);
  timer.unref();

  return {
    view(pages) {
      const hour = new Date(Math.floor(now().getTime() / 3_600_000) * 3_600_000).toISOString();
      for (const page of pages.split(" ")) if (PAGE.test(page)) add(views, `${page}\n${hour}`, 1);
    },
    searchMiss(query, reader) {
      const text = missQueryOf(query);
      if (text === null) return;
      const day = utcToAmsterdam(now()).date;
      if (day !== seenDay) {
        seen = new Set();
        seenDay = day;
      }
      const mark = createHmac("sha256", key).update(`${reader}\n${text}`).digest("base64url");
      if (seen.has(mark) || seen.size >= MAX_SEEN) return;
      seen.add(mark);
      add(misses, `${text}\n${day}`, 1);
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
