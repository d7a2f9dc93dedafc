import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { PAGE_CACHE_CHANNEL } from "../../app/infra/services.server.ts";
import { guideVersions } from "../../app/modules/guide/guide.schema.ts";
import { getCurrentVersion, listPublishedVersions } from "../../app/modules/guide/guide.server.ts";
import { createPageCache } from "../../server/page-cache.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { eventually } from "./eventually.ts";

describe.each(databaseKinds)("page cache invalidation on %s", (kind) => {
  let test: TestDatabase;
  let first: Database;
  // A second app process: on PostgreSQL a separate connection set; PGlite allows one process, so there
  // the second cache shares the connection, as two workers in one process would.
  let second: Database;

  beforeAll(async () => {
    ({ test, database: first } = await openSeededDatabase(kind));
    second = kind === "postgres" ? await test.openAnother() : first;
  });
  afterAll(async () => {
    if (second !== first) await second.close();
    await first.close();
    await test.drop();
  });

  const page = {
    tag: "guide",
    headers: [["content-type", "text/html"]] as [string, string][],
    body: Buffer.from("<p>x</p>"),
  };

  it("drops cached pages in every process when one process invalidates", async () => {
    const cacheA = createPageCache({ maxEntries: 10 });
    const cacheB = createPageCache({ maxEntries: 10 });
    await cacheA.subscribe(first);
    await cacheB.subscribe(second);
    cacheA.store("nl /gids", page);
    cacheA.store("nl /privacy", { ...page, tag: "site" });
    expect(cacheA.get("nl /gids")).toBeDefined();

    await cacheB.invalidate("guide");

    await eventually(() => cacheA.stats().entries === 1, 5000);
    expect(cacheA.get("nl /gids")).toBeUndefined();
    expect(cacheA.get("nl /privacy")).toBeDefined();
  });

  it("forgets the remembered published versions with the guide's pages, in every process", async () => {
    const cacheA = createPageCache({ maxEntries: 10 });
    await cacheA.subscribe(first);
    // The test before sent notifications that may still be on their way; one sent after them arrives
    // after them, so once it is here they have been handled.
    let arrived = () => {};
    const handled = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const stop = await first.listen(PAGE_CACHE_CHANNEL, (payload) => payload === "merkteken" && arrived());
    await second.notify(PAGE_CACHE_CHANNEL, "merkteken");
    await handled;
    await stop();
    expect((await getCurrentVersion({ db: first.db }))?.number).toBe(1);
    // Another process publishes: this one's memory still holds version 1 until the notification.
    await second.db
      .update(guideVersions)
      .set({ status: "gepubliceerd", publishedAt: new Date() })
      .where(eq(guideVersions.number, 2));
    expect((await getCurrentVersion({ db: first.db }))?.number).toBe(1);

    // What the other process (or the command line) sends after publishing; only the listener forgets.
    await second.notify(PAGE_CACHE_CHANNEL, "guide");

    await eventually(async () => (await getCurrentVersion({ db: first.db }))?.number === 2, 5000);
    expect((await listPublishedVersions({ db: first.db })).map((version) => version.number)).toEqual([2, 1]);
  });

  it("keeps at most the configured number of pages, dropping the least recently used", () => {
    const cache = createPageCache({ maxEntries: 2 });
    cache.store("a", page);
    cache.store("b", page);
    cache.get("a");
    cache.store("c", page);
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")).toBeDefined();
  });
});
