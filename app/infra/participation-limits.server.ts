// The limiter for the busiest requests (joining and answering in a live conversation), chosen by the
// database: with the embedded database there is exactly one app process, so counting in its memory
// is as shared as counting in the database and saves a write per answer on the one thread PGlite
// shares with everything else; with a PostgreSQL server there may be several processes, so the counts
// stay in the database, where every process sees the same numbers.
import type { Database } from "./db.server.ts";
import { createLocalRateLimiter } from "./local-rate-limit.ts";
import { hitRateLimit, type RateLimitResult } from "./rate-limit.server.ts";

export interface RateLimiter {
  hit(options: { key: string; limit: number; windowSeconds: number }): Promise<RateLimitResult>;
}

export function createParticipationLimiter(database: Database): RateLimiter {
  if (database.kind === "pglite") {
    const local = createLocalRateLimiter();
    return { hit: async (options) => local.hit(options) };
  }
  return { hit: (options) => hitRateLimit({ db: database.db, ...options }) };
}
