import { describe, expect, it } from "vitest";
import { createLocalRateLimiter } from "./local-rate-limit.ts";

function clock(start = 1_000_000) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe("local rate limits", () => {
  it("allows the limit-th hit and refuses the next with the seconds left in the window", () => {
    const time = clock();
    const limiter = createLocalRateLimiter(time);
    const results = [1, 2, 3, 4].map(() => limiter.hit({ key: "a", limit: 3, windowSeconds: 60 }));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]?.retryAfterSeconds).toBe(60);
    time.advance(59_500);
    expect(limiter.hit({ key: "a", limit: 3, windowSeconds: 60 }).retryAfterSeconds).toBe(1);
  });

  it("starts a new window once the old one has passed, and counts keys apart", () => {
    const time = clock();
    const limiter = createLocalRateLimiter(time);
    limiter.hit({ key: "a", limit: 1, windowSeconds: 10 });
    expect(limiter.hit({ key: "a", limit: 1, windowSeconds: 10 }).allowed).toBe(false);
    expect(limiter.hit({ key: "b", limit: 1, windowSeconds: 10 }).allowed).toBe(true);
    time.advance(10_000);
    expect(limiter.hit({ key: "a", limit: 1, windowSeconds: 10 })).toEqual({
      allowed: true,
      remaining: 0,
      retryAfterSeconds: 0,
    });
  });

  it("forgets finished windows instead of growing without end", () => {
    const time = clock();
    const limiter = createLocalRateLimiter(time);
    for (let key = 0; key < 10_000; key++) limiter.hit({ key: `old:${key}`, limit: 5, windowSeconds: 60 });
    expect(limiter.size).toBe(10_000);
    time.advance(60_000);
    limiter.hit({ key: "new", limit: 5, windowSeconds: 60 });
    expect(limiter.size).toBe(1);
  });

  it("refuses a nonsensical limit", () => {
    const limiter = createLocalRateLimiter();
    expect(() => limiter.hit({ key: "a", limit: 0, windowSeconds: 60 })).toThrow();
    expect(() => limiter.hit({ key: "a", limit: 1, windowSeconds: 0.5 })).toThrow();
  });
});
