// A cache of rendered pages for content that never changes (published guide versions). A route opts in
// with the `X-Page-Cache` header; the entry keeps the exact bytes, a gzip copy and an ETag, so a hit
// costs about as much as serving a file. Invalidation travels to every process by NOTIFY.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Request, Response } from "express";
import type { Database } from "../app/infra/db.server.ts";
import { PAGE_CACHE_CHANNEL, type PageCacheControl } from "../app/infra/services.server.ts";

export const PAGE_CACHE_HEADER = "x-page-cache";

export interface CachedPage {
  tag: string;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

export interface PageCache extends PageCacheControl {
  keyOf(req: Request): string;
  get(key: string): CachedPage | undefined;
  store(key: string, page: { tag: string; headers: [string, string][]; body: Buffer }): CachedPage;
  send(req: Request, res: Response, page: CachedPage): void;
  /** Starts listening for invalidations from other processes. */
  subscribe(database: Database): Promise<void>;
  stats(): { entries: number; hits: number; misses: number };
  clearLocal(tag?: string): void;
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
    if (!tag || tag === "*") return entries.clear();
    for (const [key, page] of entries) if (page.tag === tag) entries.delete(key);
  };

  return {
    keyOf(req) {
      // The interface language is the one request property a cached page depends on.
      const language = /(?:^|;\s*)taal=en(?:;|$)/.test(req.headers.cookie ?? "") ? "en" : "nl";
      return `${language} ${req.originalUrl}`;
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
      const cached: CachedPage = {
        ...page,
        gzip: gzipSync(page.body),
        etag: `"${createHash("sha256").update(page.body).digest("base64url").slice(0, 27)}"`,
      };
      if (options.maxEntries > 0) {
        entries.set(key, cached);
        while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return cached;
    },
    send(req, res, page) {
      for (const [name, value] of page.headers) res.setHeader(name, value);
      res.setHeader("ETag", page.etag);
      res.setHeader("Vary", "Accept-Encoding, Cookie");
      if (req.headers["if-none-match"] === page.etag) {
        res.status(304).end();
        return;
      }
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const body = gzip ? page.gzip : page.body;
      if (gzip) res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Content-Length", body.length);
      res.status(200).end(req.method === "HEAD" ? undefined : body);
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
