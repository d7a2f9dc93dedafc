// The audit log tells the truth after an account is deleted: the address goes, but every row the
// person acted in or was the subject of keeps one stable label, so "who gave whom which role" can still
// be followed. Making and revoking API tokens is in the log too.
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { auditLog } from "../../app/modules/accounts/accounts.schema.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken, revokeApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { recordAudit } from "../../app/modules/accounts/audit.server.ts";
import { ACCOUNT_SOURCES, deletePersonalData } from "../../app/modules/accounts/personal-data.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";

const quotas = parseConfig({}).quotas;

describe.each(databaseKinds)("the audit trail on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it("keeps who gave whom a role after the giver deleted their account, without their address", async () => {
    const { db } = database;
    const giver = await upsertUser({ db, email: "gever@example.nl" });
    const colleague = await upsertUser({ db, email: "collega@example.nl" });
    const accomplice = await upsertUser({ db, email: "handlanger@example.nl" });
    await setUserRoles({ db, userId: giver.id, roles: ["beheerder"], actor: null });
    await setUserRoles({ db, userId: colleague.id, roles: ["beheerder"], actor: null });
    await setUserRoles({
      db,
      userId: accomplice.id,
      roles: ["beheerder"],
      actor: { id: giver.id, email: giver.email, roles: ["beheerder"] },
    });
    await recordAudit({
      db,
      actor: null,
      action: "kriskras.organiser.added",
      target: "ronde-1",
      details: { email: giver.email },
    });

    await deletePersonalData({
      db,
      userId: giver.id,
      email: giver.email,
      sources: [ACCOUNT_SOURCES.audit, ACCOUNT_SOURCES.account],
    });

    const rows = await db.select().from(auditLog).orderBy(desc(auditLog.id));
    const label = `verwijderd account ${giver.id}`;
    const grant = rows.find((row) => row.action === "user.roles" && row.target === accomplice.email);
    expect(grant).toMatchObject({ actorId: giver.id, actorEmail: label });
    const given = rows.find((row) => row.action === "user.roles" && row.target === label);
    expect(given).toMatchObject({ actorId: null, actorEmail: "systeem" });
    expect(rows.find((row) => row.action === "kriskras.organiser.added")?.details).toEqual({ email: label });
    // The colleague's row is untouched, and the giver's address is nowhere in the log.
    expect(rows.some((row) => row.target === colleague.email)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("gever@example.nl");
  });

  it("records making and revoking an API token, by the person or by the command line", async () => {
    const { db } = database;
    const person = await upsertUser({ db, email: "koppelaar@example.nl" });
    const made = await createApiToken({ db, quotas, userId: person.id, name: "rapportage" });
    await revokeApiToken({ db, userId: person.id, tokenId: made.id });
    await createApiToken({ db, quotas, userId: person.id, name: "beheer", actor: null });

    const rows = (await db.select().from(auditLog).orderBy(auditLog.id)).filter(
      (row) => row.target === person.email,
    );
    expect(rows.map((row) => [row.action, row.actorEmail, row.details.name])).toEqual([
      ["token.created", person.email, "rapportage"],
      ["token.revoked", person.email, "rapportage"],
      ["token.created", "systeem", "beheer"],
    ]);
    expect(rows[0]?.actorId).toBe(person.id);
    expect(JSON.stringify(rows)).not.toContain(made.token);
  });
});
