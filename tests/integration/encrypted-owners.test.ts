// Encrypted private records are bound to their owner: a Dilemma-wijzer record, a draft kept across a
// login and kris-kras access needs no longer decrypt once someone with write access to the database moves
// them to another account. Values written before the owner was bound (format v1, in the databases that
// are out there) stay readable, and the next save or `vakmanschap key rotate` writes them in the new format.
import { createCipheriv, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring, generateKey, keyIdOf, parseKey } from "../../app/infra/encryption.server.ts";
import { hashSecret } from "../../app/infra/secrets.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  deliberationPendingDrafts,
  deliberations,
} from "../../app/modules/deliberation/deliberation.schema.ts";
import {
  getOwnDeliberation,
  reencryptDeliberations,
  saveDeliberation,
} from "../../app/modules/deliberation/deliberations.server.ts";
import {
  keepPendingDraft,
  reencryptPendingDrafts,
  takePendingDraft,
} from "../../app/modules/deliberation/pending-drafts.server.ts";
import { kriskrasSignups } from "../../app/modules/kriskras/kriskras.schema.ts";
import { getOwnSignup, reencryptAccessNeeds } from "../../app/modules/kriskras/signups.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import { createKriskrasChoices, createKriskrasRound, createKriskrasSignups } from "./kriskras-factory.ts";

const key = parseKey(generateKey()) as Buffer;
const keyring = createKeyring({ current: key, source: "ENCRYPTION_KEY" });

/** A value as the previous version wrote it: format v1, the bare context as authenticated data. */
function writtenTheOldWay(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return ["v1", keyIdOf(key), iv.toString("base64url"), body.toString("base64url")].join(":");
}

describe.each(databaseKinds)("encrypted records and their owners on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let owner: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    owner = await upsertUser({ db: database.db, email: "eigenaar@example.nl" });
    other = await upsertUser({ db: database.db, email: "indringer@example.nl" });
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  /** A Dilemma-wijzer record as the previous version stored it. */
  async function oldRecord(ownerId: string, situation: string): Promise<string> {
    const id = crypto.randomUUID();
    const content = JSON.stringify({ situation });
    await database.db
      .insert(deliberations)
      .values({ id, ownerId, content: writtenTheOldWay(content, `deliberations:${id}`) });
    return id;
  }

  async function storedContent(id: string): Promise<string> {
    const [row] = await database.db.select().from(deliberations).where(eq(deliberations.id, id));
    return row?.content ?? "";
  }

  it("reads a record written the old way, and binds it to its owner at the next save", async () => {
    const { db } = database;
    const id = await oldRecord(owner.id, "Een oud verslag");
    const read = await getOwnDeliberation({ db, keyring, id, ownerId: owner.id });
    expect(read.content.situation).toBe("Een oud verslag");

    const saved = await saveDeliberation({
      db,
      keyring,
      id,
      ownerId: owner.id,
      revision: read.revision,
      patch: { situation: "Een oud verslag, bijgewerkt" },
    });
    expect(saved.saved).toBe(true);
    expect(await storedContent(id)).toMatch(/^v2:/);
    const again = await getOwnDeliberation({ db, keyring, id, ownerId: owner.id });
    expect(again.content.situation).toBe("Een oud verslag, bijgewerkt");
  });

  it("no longer decrypts a record moved to another account in the database", async () => {
    const { db } = database;
    const id = await oldRecord(owner.id, "Van mij");
    await reencryptDeliberations({ db, keyring });
    expect(await storedContent(id)).toMatch(/^v2:/);

    await db.update(deliberations).set({ ownerId: other.id }).where(eq(deliberations.id, id));
    await expect(getOwnDeliberation({ db, keyring, id, ownerId: other.id })).rejects.toMatchObject({
      code: "unavailable",
    });
    // Moved back, it reads again: nothing was lost, only refused.
    await db.update(deliberations).set({ ownerId: owner.id }).where(eq(deliberations.id, id));
    expect((await getOwnDeliberation({ db, keyring, id, ownerId: owner.id })).content.situation).toBe(
      "Van mij",
    );
  });

  it("key rotate writes old-format records, drafts and access needs again, also with an unchanged key", async () => {
    const { db } = database;
    const recordId = await oldRecord(owner.id, "Te roteren");
    const draftId = crypto.randomUUID();
    const token = "t".repeat(43);
    await db.insert(deliberationPendingDrafts).values({
      id: draftId,
      tokenHash: hashSecret(token),
      deliberationId: recordId,
      step: 2,
      revision: 0,
      content: writtenTheOldWay(JSON.stringify({ situation: "getypt" }), `pending-drafts:${draftId}`),
      expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    });
    const round = await createKriskrasRound(db);
    const [signupId = ""] = await createKriskrasSignups(db, {
      roundId: round.id,
      slotIds: round.slotIds,
      count: 1,
      answers: () => ["ja", "ja"],
      organisations: await createKriskrasChoices(db),
    });
    const [signup] = await db.select().from(kriskrasSignups).where(eq(kriskrasSignups.id, signupId));
    const signer = { id: signup?.userId ?? "" };
    await db
      .update(kriskrasSignups)
      .set({ accessNeeds: writtenTheOldWay("een rolstoeltoegankelijke zaal", `kriskras-needs:${signupId}`) })
      .where(eq(kriskrasSignups.id, signupId));
    expect((await getOwnSignup({ db, keyring, roundId: round.id, userId: signer.id }))?.accessNeeds).toBe(
      "een rolstoeltoegankelijke zaal",
    );

    expect(await reencryptDeliberations({ db, keyring })).toBeGreaterThanOrEqual(1);
    expect(await reencryptPendingDrafts({ db, keyring })).toBe(1);
    expect(await reencryptAccessNeeds({ db, keyring })).toBe(1);
    expect(await reencryptAccessNeeds({ db, keyring })).toBe(0);
    expect(await storedContent(recordId)).toMatch(/^v2:/);
    const [needs] = await db.select().from(kriskrasSignups).where(eq(kriskrasSignups.id, signupId));
    expect(needs?.accessNeeds).toMatch(/^v2:/);
    expect((await getOwnSignup({ db, keyring, roundId: round.id, userId: signer.id }))?.accessNeeds).toBe(
      "een rolstoeltoegankelijke zaal",
    );

    // Moved to another person, the access needs no longer decrypt.
    await db.update(kriskrasSignups).set({ userId: other.id }).where(eq(kriskrasSignups.id, signupId));
    await expect(getOwnSignup({ db, keyring, roundId: round.id, userId: other.id })).rejects.toMatchObject({
      code: "unavailable",
    });

    // The rotated draft is still given back to its record's owner.
    const draft = await takePendingDraft({ db, keyring, token, deliberationId: recordId });
    expect(draft?.patch).toEqual({ situation: "getypt" });
  });

  it("no longer decrypts a draft moved to another record", async () => {
    const { db } = database;
    const mine = await oldRecord(owner.id, "Mijn verslag");
    const theirs = await oldRecord(other.id, "Ander verslag");
    const token = await keepPendingDraft({
      db,
      keyring,
      deliberationId: mine,
      step: 3,
      revision: 0,
      patch: { optionA: "geheim" },
    });
    await db
      .update(deliberationPendingDrafts)
      .set({ deliberationId: theirs })
      .where(eq(deliberationPendingDrafts.deliberationId, mine));
    await expect(takePendingDraft({ db, keyring, token, deliberationId: theirs })).rejects.toMatchObject({
      code: "unavailable",
    });
  });
});
