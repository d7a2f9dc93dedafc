// Fixed-window rate limits counted in this process's memory: a hit is a map lookup instead of a
// database write. Only right where one process serves everything, which is the embedded database's
// case (participation-limits.server.ts chooses).
import type { RateLimitResult } from "./rate-limit.server.ts";

export interface LocalRateLimiter {
  /** Counts one hit on `key`; refused hits count too, as in the database-backed limits. */
  hit(options: { key: string; limit: number; windowSeconds: number }): RateLimitResult;
  /** How many keys are being counted (for tests and metrics). */
  readonly size: number;
}

interface Window {
  startMs: number;
  endMs: number;
  count: number;
}

/** Past this many keys, finished windows are swept before a new key is added. */
const SWEEP_AT = 10_000;

export function createLocalRateLimiter(options: { now?: () => number } = {}): LocalRateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();
  let sweepAt = SWEEP_AT;

  function sweep(at: number) {
    for (const [key, window] of windows) if (window.endMs <= at) windows.delete(key);
    // Many live keys (a large spread of addresses): sweep again only after as many new ones.
    sweepAt = Math.max(SWEEP_AT, windows.size * 2);
  }

  return {
    hit({ key, limit, windowSeconds }) {
      if (!Number.isInteger(limit) || limit < 1) throw new Error("rate limit must be a positive integer");
      if (!Number.isInteger(windowSeconds) || windowSeconds < 1)
        throw new Error("rate limit window must be whole seconds");
      const at = now();
      let window = windows.get(key);
      if (!window || window.endMs <= at) {
        if (!window && windows.size >= sweepAt) sweep(at);
        window = { startMs: at, endMs: at + windowSeconds * 1000, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const allowed = window.count <= limit;
      return {
        allowed,
        remaining: Math.max(0, limit - window.count),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((window.endMs - at) / 1000)),
      };
    },
    get size() {
      return windows.size;
    },
  };
}
