// What the server hands to every loader, action and API handler: created once per process at start,
// so no module keeps a connection or a cache of its own.
import type { Logger } from "pino";
import type { Database } from "./db.server.ts";
import type { Keyring } from "./encryption.server.ts";
import type { Config } from "./env.server.ts";
import type { RouteTexts } from "./i18n/route-texts.ts";
import type { KeyedRunner } from "./keyed-runner.server.ts";
import type { LiveHub } from "./live-hub.server.ts";
import type { RateLimiter } from "./participation-limits.server.ts";

/** The notification channel on which cached pages are invalidated across processes. */
export const PAGE_CACHE_CHANNEL = "page_cache";

export interface PageCacheControl {
  /** Drops cached pages in every process (through the database's notification channel). */
  invalidate(tag: string): Promise<void>;
}

/** The insights' counters (app/modules/insights/counters.server.ts): nothing about the reader is kept. */
export interface ViewCounting {
  /** Counts a view of each page named (space-separated). */
  view(pages: string): void;
  /** Counts a search that found nothing, once per text, reader and day. */
  searchMiss(query: string, reader: string): void;
}

export interface Services {
  config: Config;
  logger: Logger;
  database: Database;
  pageCache: PageCacheControl;
  /** Encrypts and decrypts what people write in private. */
  keyring: Keyring;
  /** Change notifications for live pages, across processes (see live-hub.server.ts). */
  liveHub: LiveHub;
  /** Limits on joining and answering in live conversations (see participation-limits.server.ts). */
  participationLimits: RateLimiter;
  /** Recomputes a consultation's analysis in the background, by its id, as votes come in. */
  consultationAnalysis: KeyedRunner;
  /** Page views and searches that found nothing, counted for the insights. */
  insightCounters: ViewCounting;
}

declare module "react-router" {
  interface AppLoadContext {
    services: Services;
    /** The client's address as the trusted-proxy setting resolves it, an IPv6 address as its /64 (for per-address limits only; clientAddressKey). */
    clientIp: string;
    /** The interface-text namespaces of the page a route pattern shows (route-texts.ts). */
    routeTexts: RouteTexts;
  }
}
