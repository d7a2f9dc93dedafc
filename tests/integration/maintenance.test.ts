import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { jobs, rateLimits } from "../../app/infra/jobs.schema.ts";
import { enqueueJob } from "../../app/infra/jobs.server.ts";
import { loginTokens, sessions, ssoLogins } from "../../app/modules/accounts/accounts.schema.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createLoginLink } from "../../app/modules/accounts/login-links.server.ts";
import { createSession } from "../../app/modules/accounts/sessions.server.ts";
import { runMaintenance } from "../../server/maintenance.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

describe.each(databaseKinds)("the hourly clean-up on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  const config = parseConfig({});

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it("removes what can no longer be used and keeps what can", async () => {
    const { db } = database;
    const user = await upsertUser({ db, email: "opruimen@example.nl" });
    await createSession({ db, userId: user.id, config });
    await createSession({ db, userId: user.id, config });
    await db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where id_hash in (select id_hash from sessions limit 1)`,
    );
    await createLoginLink({ db, config, origin: "http://x", email: user.email });
    await createLoginLink({ db, config, origin: "http://x", email: user.email });
    await db.execute(
      sql`update login_tokens set expires_at = now() - interval '1 minute' where token_hash in (select token_hash from login_tokens limit 1)`,
    );
    await db.insert(rateLimits).values([
      { key: "oud", windowStart: new Date(Date.now() - 2 * 86_400_000), count: 3 },
      { key: "nieuw", windowStart: new Date(), count: 1 },
    ]);
    const ssoLogin = { state: "s", nonce: "n", codeVerifier: "v", returnTo: "/" };
    await db.insert(ssoLogins).values([
      { ...ssoLogin, idHash: "verlopen", expiresAt: new Date(Date.now() - 60_000) },
      { ...ssoLogin, idHash: "loopt", expiresAt: new Date(Date.now() + 60_000) },
    ]);
    const old = await enqueueJob({ db, kind: "mail", payload: {} });
    await enqueueJob({ db, kind: "mail", payload: {} });
    await db.execute(sql`update jobs set done_at = now() - interval '8 days' where id = ${old}`);

    await runMaintenance({ database, config });

    expect(await db.select().from(sessions)).toHaveLength(1);
    expect(await db.select().from(loginTokens)).toHaveLength(1);
    expect((await db.select().from(ssoLogins)).map((row) => row.idHash)).toEqual(["loopt"]);
    expect((await db.select().from(rateLimits)).map((row) => row.key)).toEqual(["nieuw"]);
    expect((await db.select().from(jobs)).map((row) => row.id)).not.toContain(old);
    // The mail that is still to go, and one request to work the insights out again.
    expect((await db.select().from(jobs)).map((row) => row.kind).sort()).toEqual([
      "insights-refresh",
      "mail",
    ]);
    await runMaintenance({ database, config });
    expect((await db.select().from(jobs)).filter((row) => row.kind === "insights-refresh")).toHaveLength(1);
  });
});
