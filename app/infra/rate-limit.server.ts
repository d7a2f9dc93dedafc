// Fixed-window rate limits kept in the database, so every process behind a load balancer counts
// against the same numbers. One atomic upsert per hit: no read-then-write race between processes.
import { lt, sql } from "drizzle-orm";
import type { Db } from "./db.server.ts";
import { AppError } from "./errors.ts";
import { message } from "./i18n/translate.ts";
import { rateLimits } from "./jobs.schema.ts";

/** Windows older than this are pruned, so no limit may use a longer window. */
const MAX_WINDOW_SECONDS = 24 * 60 * 60;
const MAX_KEY_LENGTH = 256;

export interface RateLimitResult {
  allowed: boolean;
  /** Hits left in the current window after this one. */
  remaining: number;
  /** 0 when allowed; otherwise the whole seconds until the window restarts (at least 1). */
  retryAfterSeconds: number;
}

/**
 * Counts one hit on `key` and says whether it is within `limit` hits per `windowSeconds`.
 *
 * The key is stored as it is given and is opaque to this module. Callers build it from a purpose and
 * a subject, and hash anything personal first, so the table never holds an e-mail address:
 * `login-link:email-ip:${hashSecret(`${email} ${clientIp}`)}`, `login-link:ip:${clientIp}`,
 * `api:token:${tokenHash}`.
 * Refused hits count too, so hammering on does not shorten the wait. Whether limits apply at all
 * (`config.rateLimits.enabled`) is the caller's decision.
 */
export async function hitRateLimit(options: {
  db: Db;
  key: string;
  limit: number;
  windowSeconds: number;
}): Promise<RateLimitResult> {
  const { db, key, limit, windowSeconds } = options;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw new Error(`rate limit key must be 1–${MAX_KEY_LENGTH} characters`);
  if (!Number.isInteger(limit) || limit < 1) throw new Error("rate limit must be a positive integer");
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS)
    throw new Error(`rate limit window must be 1–${MAX_WINDOW_SECONDS} whole seconds`);

  const window = sql`make_interval(secs => ${windowSeconds}::float8)`;
  // In ON CONFLICT DO UPDATE every expression sees the row as it was, so both CASEs decide on the
  // old window. PostgreSQL (and PGlite) serialise concurrent upserts of one key on its row lock.
  const expired = sql`${rateLimits.windowStart} <= now() - ${window}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
      },
    })
    .returning({
      count: rateLimits.count,
      // The database's clock decides, so processes with drifting clocks still agree.
      resetSeconds: sql<number>`extract(epoch from (${rateLimits.windowStart} + ${window} - now()))::float8`,
    });
  if (!row) throw new Error("rate limit upsert returned no row");

  const allowed = row.count <= limit;
  return {
    allowed,
    remaining: Math.max(0, limit - row.count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(Number(row.resetSeconds))),
  };
}

/** The error for a refused hit; the message says in plain words how many minutes to wait. */
export function rateLimitError(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError("rate_limited", message("problems.rateLimit.tryAgain", { count: minutes }), {
    retryAfterSeconds,
  });
}

/** Deletes windows that started more than a day ago; returns how many. Run it now and then (a job). */
export async function pruneRateLimits(options: { db: Db }): Promise<number> {
  const deleted = await options.db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, sql`now() - interval '1 day'`))
    .returning({ key: rateLimits.key });
  return deleted.length;
}
