// Ending sessions, on each database: a person logs out everywhere, and a role taken away ends the
// person's sessions, while a role given keeps them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { auditLog, sessions } from "../../app/modules/accounts/accounts.schema.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createSession, logOutEverywhere, readSession } from "../../app/modules/accounts/sessions.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";

const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" });

describe.each(databaseKinds)("ending sessions on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  const sessionsOf = async (userId: string) =>
    (await database.db.select().from(sessions).where(eq(sessions.userId, userId))).length;

  it("logging out everywhere ends every session of the person, and no one else's", async () => {
    const { db } = database;
    const person = await upsertUser({ db, email: "overal@example.nl" });
    const other = await upsertUser({ db, email: "ander@example.nl" });
    const laptop = await createSession({ db, userId: person.id, config });
    await createSession({ db, userId: person.id, config });
    await createSession({ db, userId: other.id, config });
    expect(await logOutEverywhere({ db, user: person })).toBe(2);
    expect(await sessionsOf(person.id)).toBe(0);
    expect(await sessionsOf(other.id)).toBe(1);
    expect(await readSession({ db, secret: laptop.secret, config })).toBeUndefined();
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "account.logged-out-everywhere"));
    expect(entry).toMatchObject({ actorEmail: "overal@example.nl", target: "overal@example.nl" });
    expect(entry?.details).toEqual({ sessions: 2 });
  });

  it("a login replaces the session this browser had", async () => {
    const { db } = database;
    const person = await upsertUser({ db, email: "opnieuw@example.nl" });
    const first = await createSession({ db, userId: person.id, config });
    const second = await createSession({ db, userId: person.id, config, replaces: first.secret });
    expect(await readSession({ db, secret: first.secret, config })).toBeUndefined();
    expect((await readSession({ db, secret: second.secret, config }))?.id).toBe(person.id);
  });

  it("a role taken away ends the person's sessions; a role given keeps them", async () => {
    const { db } = database;
    const person = await upsertUser({ db, email: "rollen@example.nl" });
    await setUserRoles({ db, userId: person.id, roles: ["redacteur"], actor: null });
    await createSession({ db, userId: person.id, config });
    await setUserRoles({ db, userId: person.id, roles: ["redacteur", "gespreksleider"], actor: null });
    expect(await sessionsOf(person.id)).toBe(1);
    await setUserRoles({ db, userId: person.id, roles: ["gespreksleider"], actor: null });
    expect(await sessionsOf(person.id)).toBe(0);
    const entries = await db.select().from(auditLog).where(eq(auditLog.target, "rollen@example.nl"));
    expect(entries.map((entry) => entry.details)).toContainEqual({
      roles: ["gespreksleider"],
      endedSessions: 1,
    });
  });
});
