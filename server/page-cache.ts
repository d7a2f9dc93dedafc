// A cache of rendered pages for content that never changes (published guide versions). A route opts in
// with the `X-Page-Cache` header; the entry keeps the exact bytes, a gzip copy and an ETag, so a hit
// costs about as much as serving a file. Invalidation travels to every process by NOTIFY.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { Database } from "../app/infra/db.server.ts";
import {
  PAGE_CACHE_CHANNEL,
  type PageCacheControl,
  type ViewCounting,
} from "../app/infra/services.server.ts";
import { forgetTag } from "../app/infra/tag-memo.ts";

export const PAGE_CACHE_HEADER = "x-page-cache";

export interface CachedPage {
  tag: string;
  /** What a view of the page counts as in the insights (the route's `X-Page-View`), if anything. */
  view?: string;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer;
  etag: string;
  /** The page's headers with its ETag and Vary, as name, value, name, value. */
  flatHeaders: string[];
  /** Their names in lower case: a response header of the same name gives way to the page's. */
  headerNames: Set<string>;
}

export interface PageCache extends PageCacheControl {
  /** The key of a request at the site's root (so its `url` is the whole address). */
  keyOf(req: Pick<IncomingMessage, "url" | "headers">): string;
  get(key: string): CachedPage | undefined;
  store(
    key: string,
    page: { tag: string; headers: [string, string][]; body: Buffer; view?: string },
  ): CachedPage;
  /**
   * Sends a cached page in one write (the cheapest way Node has to send headers). `headers` is the
   * whole list, name, value, …, the page's own included (`headersOf`); by default the page's alone.
   * The list is extended with the body's encoding and length.
   */
  send(req: IncomingMessage, res: ServerResponse, page: CachedPage, headers?: string[]): void;
  /** Starts listening for invalidations from other processes. */
  subscribe(database: Database): Promise<void>;
  stats(): { entries: number; hits: number; misses: number };
  clearLocal(tag?: string): void;
}

/** Crawlers and link previews are not readers: their visits are not counted. */
const NOT_A_READER = /bot|crawl|spider|slurp|preview|monitor|curl|wget|headless/i;

/**
 * Counts a view of a page in the insights: a GET (not a HEAD) by what looks like a person's browser.
 * Both ways a page is answered call it: the page cache's and React Router's.
 */
export function countView(req: IncomingMessage, view: string, counters: Pick<ViewCounting, "view">): void {
  if (req.method !== "GET" || NOT_A_READER.test(req.headers["user-agent"] ?? "bot")) return;
  counters.view(view);
}

/** A page's headers after other headers (name, value, …), less those the page sets itself: the page's own win. */
export function headersOf(page: CachedPage, others: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < others.length; index += 2) {
    const name = others[index] as string;
    if (!page.headerNames.has(name.toLowerCase())) kept.push(name, others[index + 1] as string);
  }
  return [...kept, ...page.flatHeaders];
}

export function createPageCache(options: {
  maxEntries: number;
  notify?: (payload: string) => Promise<void>;
}): PageCache {
  const entries = new Map<string, CachedPage>();
  let hits = 0;
  let misses = 0;
  let notify = options.notify;

  const clearLocal = (tag?: string) => {
    // What pages read and keep per process under the same tag goes with them (app/infra/tag-memo.ts).
    forgetTag(tag);
    if (!tag || tag === "*") return entries.clear();
    for (const [key, page] of entries) if (page.tag === tag) entries.delete(key);
  };

  return {
    keyOf(req) {
      // The interface language is the one request property a cached page depends on.
      const language = /(?:^|;\s*)taal=en(?:;|$)/.test(req.headers.cookie ?? "") ? "en" : "nl";
      return `${language} ${req.url}`;
    },
    get(key) {
      const page = entries.get(key);
      if (page) {
        hits++;
        // Least recently used goes first: re-inserting moves the key to the end.
        entries.delete(key);
        entries.set(key, page);
      } else {
        misses++;
      }
      return page;
    },
    store(key, page) {
      const etag = `"${createHash("sha256").update(page.body).digest("base64url").slice(0, 27)}"`;
      const cached: CachedPage = {
        ...page,
        gzip: gzipSync(page.body),
        etag,
        flatHeaders: [...page.headers.flat(), "ETag", etag, "Vary", "Accept-Encoding, Cookie"],
        headerNames: new Set([...page.headers.map(([name]) => name.toLowerCase()), "etag", "vary"]),
      };
      if (options.maxEntries > 0) {
        entries.set(key, cached);
        while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return cached;
    },
    send(req, res, page, headers = [...page.flatHeaders]) {
      if (req.headers["if-none-match"] === page.etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const body = gzip ? page.gzip : page.body;
      if (gzip) headers.push("Content-Encoding", "gzip");
      headers.push("Content-Length", String(body.length));
      res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
    },
    async subscribe(database) {
      notify = (payload) => database.notify(PAGE_CACHE_CHANNEL, payload);
      await database.listen(PAGE_CACHE_CHANNEL, (payload) => clearLocal(payload));
    },
    async invalidate(tag) {
      clearLocal(tag);
      await notify?.(tag);
    },
    stats: () => ({ entries: entries.size, hits, misses }),
    clearLocal,
  };
}
