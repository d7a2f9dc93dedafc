// Drafts kept across a login on each database: what a person typed after their session expired comes
// back once, only to the same record, only within two hours, and is stored only in encrypted form.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackup } from "../../app/infra/backup.server.ts";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { translatorFor } from "../../app/infra/i18n/texts.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { deliberationPendingDrafts } from "../../app/modules/deliberation/deliberation.schema.ts";
import {
  createDeliberation,
  deleteDeliberation,
} from "../../app/modules/deliberation/deliberations.server.ts";
import {
  keepPendingDraft,
  PENDING_DRAFTS_PER_RECORD,
  prunePendingDrafts,
  reencryptPendingDrafts,
  takePendingDraft,
} from "../../app/modules/deliberation/pending-drafts.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import { filesContaining } from "./files-containing.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const key = randomBytes(32);
const keyring = createKeyring({ current: key, source: "ENCRYPTION_KEY" });

describe.each(databaseKinds)("drafts kept across a login on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let ownerId: string;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    ownerId = (await upsertUser({ db: database.db, email: "concept@example.nl" })).id;
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  const newRecord = async () => (await createDeliberation({ quotas, db: database.db, keyring, ownerId })).id;
  const draftsOf = (deliberationId: string) =>
    database.db
      .select()
      .from(deliberationPendingDrafts)
      .where(eq(deliberationPendingDrafts.deliberationId, deliberationId));

  it("gives back what was typed, once, after the person logged in again", async () => {
    const { db } = database;
    const deliberationId = await newRecord();
    const patch = {
      situation: "Mijn leidinggevende vraagt me iets aan te passen",
      stakeholders: "ik, burger",
    };
    const token = await keepPendingDraft({ db, keyring, deliberationId, step: 2, revision: 3, patch });
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(await takePendingDraft({ db, keyring, token, deliberationId })).toEqual({
      step: 2,
      revision: 3,
      patch,
    });
    expect(await takePendingDraft({ db, keyring, token, deliberationId })).toBeUndefined();
    expect(await draftsOf(deliberationId)).toEqual([]);
  });

  it("gives nothing for another record's address, and keeps the draft for its own", async () => {
    const { db } = database;
    const own = await newRecord();
    const other = await newRecord();
    const token = await keepPendingDraft({
      db,
      keyring,
      deliberationId: own,
      step: 1,
      revision: 1,
      patch: { situation: "x" },
    });
    expect(await takePendingDraft({ db, keyring, token, deliberationId: other })).toBeUndefined();
    expect(await takePendingDraft({ db, keyring, token, deliberationId: "geen-id" })).toBeUndefined();
    expect(await takePendingDraft({ db, keyring, token: "onzin", deliberationId: own })).toBeUndefined();
    expect(await takePendingDraft({ db, keyring, token, deliberationId: own })).toMatchObject({
      patch: { situation: "x" },
    });
  });

  it("gives nothing after two hours, and the hourly clean-up removes what expired", async () => {
    const { db } = database;
    const deliberationId = await newRecord();
    const expired = await keepPendingDraft({
      db,
      keyring,
      deliberationId,
      step: 3,
      revision: 1,
      patch: { options: "te laat" },
    });
    const live = await keepPendingDraft({
      db,
      keyring,
      deliberationId,
      step: 3,
      revision: 1,
      patch: { options: "op tijd" },
    });
    const [row] = await draftsOf(deliberationId);
    expect(row && row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(7_190_000);
    expect(row && row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(7_210_000);
    await db.execute(
      sql`update deliberation_pending_drafts set expires_at = now() - interval '1 second'
          where deliberation_id = ${deliberationId} and created_at = (
            select min(created_at) from deliberation_pending_drafts where deliberation_id = ${deliberationId})`,
    );
    expect(await takePendingDraft({ db, keyring, token: expired, deliberationId })).toBeUndefined();
    expect(await prunePendingDrafts({ db })).toBe(1);
    expect(await draftsOf(deliberationId)).toHaveLength(1);
    expect(await takePendingDraft({ db, keyring, token: live, deliberationId })).toMatchObject({
      patch: { options: "op tijd" },
    });
  });

  it("stores what was typed only in encrypted form: not in a backup, not in the data folder", async () => {
    const { db } = database;
    const deliberationId = await newRecord();
    const marker = `MARKERING-${randomUUID()}`;
    await keepPendingDraft({
      db,
      keyring,
      deliberationId,
      step: 1,
      revision: 1,
      patch: { situation: marker },
    });
    const dump = path.join(os.tmpdir(), `vm-dump-${randomUUID()}.jsonl`);
    try {
      await writeBackup({ db, out: dump });
      const backup = fs.readFileSync(dump, "utf8");
      expect(backup).toContain("deliberation_pending_drafts");
      expect(backup).toContain(deliberationId);
      expect(backup).not.toContain(marker);
    } finally {
      fs.rmSync(dump, { force: true });
    }
    if (kind === "pglite" && test.dataDir) {
      // Written through to disk: a checkpoint, then the files themselves.
      await db.execute("checkpoint");
      expect(filesContaining(test.dataDir, Buffer.from(marker))).toEqual([]);
    }
  });

  it("refuses more than 64 kB with a message that tells the person what to do", async () => {
    const { db } = database;
    const deliberationId = await newRecord();
    const keep = (text: string) =>
      keepPendingDraft({ db, keyring, deliberationId, step: 5, revision: 1, patch: { alternatives: text } });
    const refused = await keep("x".repeat(65_536)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "too_large" });
    expect(translatorFor("nl")((refused as Error).message)).toMatch(/te lang.*64 kB.*Kopieer je tekst/);
    // Counted in bytes: 22,000 three-byte characters are 66 kB.
    await expect(keep("€".repeat(22_000))).rejects.toMatchObject({ code: "too_large" });
    const token = await keep("x".repeat(60_000));
    expect((await takePendingDraft({ db, keyring, token, deliberationId }))?.patch.alternatives).toHaveLength(
      60_000,
    );
  });

  it("keeps at most twenty drafts per record, dropping the oldest, and leaves other records alone", async () => {
    const { db } = database;
    const deliberationId = await newRecord();
    const neighbour = await newRecord();
    const neighbourToken = await keepPendingDraft({
      db,
      keyring,
      deliberationId: neighbour,
      step: 1,
      revision: 1,
      patch: { situation: "buur" },
    });
    const tokens: string[] = [];
    for (let n = 0; n <= PENDING_DRAFTS_PER_RECORD; n++) {
      tokens.push(
        await keepPendingDraft({
          db,
          keyring,
          deliberationId,
          step: 1,
          revision: 1,
          patch: { situation: `${n}` },
        }),
      );
    }
    expect(PENDING_DRAFTS_PER_RECORD).toBe(20);
    expect(await draftsOf(deliberationId)).toHaveLength(PENDING_DRAFTS_PER_RECORD);
    expect(await takePendingDraft({ db, keyring, token: tokens[0] ?? "", deliberationId })).toBeUndefined();
    expect(await takePendingDraft({ db, keyring, token: tokens[1] ?? "", deliberationId })).toMatchObject({
      patch: { situation: "1" },
    });
    expect(await takePendingDraft({ db, keyring, token: tokens.at(-1) ?? "", deliberationId })).toMatchObject(
      {
        patch: { situation: `${PENDING_DRAFTS_PER_RECORD}` },
      },
    );
    expect(
      await takePendingDraft({ db, keyring, token: neighbourToken, deliberationId: neighbour }),
    ).toMatchObject({ patch: { situation: "buur" } });
  });

  it("refuses an address that is no record id and a step outside 1 to 7, storing nothing", async () => {
    const { db } = database;
    const deliberationId = await newRecord();
    const keep = (input: { deliberationId?: string; step?: number; revision?: number }) =>
      keepPendingDraft({ db, keyring, deliberationId, step: 1, revision: 1, patch: {}, ...input });
    for (const input of [
      { deliberationId: "1" },
      { deliberationId: `${deliberationId}' or 1=1` },
      { step: 0 },
      { step: 8 },
      { step: 1.5 },
      { step: Number.NaN },
      { revision: -1 },
    ]) {
      await expect(keep(input)).rejects.toMatchObject({ code: "invalid" });
    }
    await expect(
      keepPendingDraft({
        db,
        keyring,
        deliberationId,
        step: 1,
        revision: 1,
        patch: ["geen", "object"] as unknown as Record<string, unknown>,
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await draftsOf(deliberationId)).toEqual([]);
  });

  it("stores nothing for an address that is no record, without telling the caller", async () => {
    const { db } = database;
    const unknown = randomUUID();
    const token = await keepPendingDraft({
      db,
      keyring,
      deliberationId: unknown,
      step: 1,
      revision: 1,
      patch: { situation: "x" },
    });
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(await draftsOf(unknown)).toEqual([]);
    expect(await takePendingDraft({ db, keyring, token, deliberationId: unknown })).toBeUndefined();
  });

  it("goes with its record when the record is deleted", async () => {
    const { db } = database;
    const deliberationId = await newRecord();
    await keepPendingDraft({ db, keyring, deliberationId, step: 1, revision: 1, patch: { situation: "x" } });
    await deleteDeliberation({ db, id: deliberationId, ownerId });
    expect(await draftsOf(deliberationId)).toEqual([]);
  });

  it("keeps a draft it cannot read until the key is back, and moves drafts to a new key", async () => {
    const { db } = database;
    const deliberationId = await newRecord();
    const token = await keepPendingDraft({
      db,
      keyring,
      deliberationId,
      step: 6,
      revision: 2,
      patch: { choice: "A" },
    });
    const newKey = randomBytes(32);
    const withoutOld = createKeyring({ current: newKey, source: "ENCRYPTION_KEY" });
    await expect(takePendingDraft({ db, keyring: withoutOld, token, deliberationId })).rejects.toMatchObject({
      code: "unavailable",
    });
    expect(await draftsOf(deliberationId)).toHaveLength(1);
    const rotating = createKeyring({ current: newKey, old: [key], source: "ENCRYPTION_KEY" });
    expect(await reencryptPendingDrafts({ db, keyring: rotating })).toBeGreaterThanOrEqual(1);
    expect(await reencryptPendingDrafts({ db, keyring: rotating })).toBe(0);
    expect(await takePendingDraft({ db, keyring: withoutOld, token, deliberationId })).toEqual({
      step: 6,
      revision: 2,
      patch: { choice: "A" },
    });
  });
});
