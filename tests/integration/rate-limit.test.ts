import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import { rateLimits } from "../../app/infra/jobs.schema.ts";
import { hitRateLimit, pruneRateLimits, rateLimitError } from "../../app/infra/rate-limit.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";

describe.each(databaseKinds)("rate limits on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  async function countOf(key: string) {
    const [row] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    return row?.count;
  }

  async function ageWindow(key: string, interval: string) {
    await database.db
      .update(rateLimits)
      .set({ windowStart: sql`now() - ${interval}::interval` })
      .where(eq(rateLimits.key, key));
  }

  it("allows the limit-th hit and refuses the next with the time left in the window", async () => {
    const { db } = database;
    const results = [];
    for (let hit = 0; hit < 4; hit++) {
      results.push(await hitRateLimit({ db, key: "login-email:a", limit: 3, windowSeconds: 600 }));
    }
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[2]?.retryAfterSeconds).toBe(0);
    const refused = results[3]?.retryAfterSeconds ?? 0;
    expect(refused).toBeGreaterThan(590);
    expect(refused).toBeLessThanOrEqual(600);
  });

  it("says how many minutes to wait, in either language", () => {
    const error = rateLimitError(599);
    expect(error.code).toBe("rate_limited");
    expect(error.status).toBe(429);
    expect(translatorFor("nl")(error.message)).toContain("Wacht 10 minuten");
    expect(translatorFor("nl")(rateLimitError(1).message)).toContain("Wacht 1 minuut ");
    expect(translatorFor("en")(rateLimitError(1).message)).toContain("Wait 1 minute ");
  });

  it("starts a new window once the old one has passed", async () => {
    const { db } = database;
    const key = "login-ip:192.0.2.1";
    for (let hit = 0; hit < 3; hit++) await hitRateLimit({ db, key, limit: 2, windowSeconds: 60 });
    expect((await hitRateLimit({ db, key, limit: 2, windowSeconds: 60 })).allowed).toBe(false);

    await ageWindow(key, "61 seconds");
    expect(await hitRateLimit({ db, key, limit: 2, windowSeconds: 60 })).toEqual({
      allowed: true,
      remaining: 1,
      retryAfterSeconds: 0,
    });
    expect(await countOf(key)).toBe(1);
  });

  it("counts 20 hits that arrive together exactly once each", async () => {
    const key = "api-token:concurrent";
    // On PostgreSQL several processes' worth of connections hit the same row at the same moment.
    const others = kind === "postgres" ? await Promise.all([1, 2, 3].map(() => test.openAnother())) : [];
    try {
      const connections = [database, ...others];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          hitRateLimit({
            db: (connections[index % connections.length] as Database).db,
            key,
            limit: 15,
            windowSeconds: 60,
          }),
        ),
      );
      expect(await countOf(key)).toBe(20);
      expect(results.filter((result) => result.allowed)).toHaveLength(15);
      expect(results.map((result) => result.remaining).sort((a, b) => b - a)).toEqual([
        14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0,
      ]);
    } finally {
      await Promise.all(others.map((other) => other.close()));
    }
  });

  it("keeps different keys apart", async () => {
    const { db } = database;
    for (let hit = 0; hit < 2; hit++)
      await hitRateLimit({ db, key: "login-email:b", limit: 1, windowSeconds: 60 });
    expect((await hitRateLimit({ db, key: "login-email:b", limit: 1, windowSeconds: 60 })).allowed).toBe(
      false,
    );
    expect((await hitRateLimit({ db, key: "login-email:c", limit: 1, windowSeconds: 60 })).allowed).toBe(
      true,
    );
    expect(await countOf("login-email:b")).toBe(3);
    expect(await countOf("login-email:c")).toBe(1);
  });

  it("prunes windows older than a day and keeps the rest", async () => {
    const { db } = database;
    await hitRateLimit({ db, key: "old", limit: 1, windowSeconds: 60 });
    await hitRateLimit({ db, key: "recent", limit: 1, windowSeconds: 60 });
    await ageWindow("old", "25 hours");
    await ageWindow("recent", "23 hours");
    expect(await pruneRateLimits({ db })).toBe(1);
    expect(await countOf("old")).toBeUndefined();
    expect(await countOf("recent")).toBe(1);
  });

  it("refuses windows longer than the pruning keeps", async () => {
    await expect(
      hitRateLimit({ db: database.db, key: "x", limit: 1, windowSeconds: 2 * 24 * 3600 }),
    ).rejects.toThrow(/window/);
  });
});
