// Records of the Dilemma-wijzer on each database: private to their owner, encrypted at rest (a marker
// written into a record is nowhere in a backup of the database nor, on PGlite, in the data folder),
// safe against two tabs, shareable read-only with a revocable link, deleted for good.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackup } from "../../app/infra/backup.server.ts";
import type { Database } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  createDeliberation,
  createShareLink,
  deleteDeliberation,
  getOwnDeliberation,
  listOwnDeliberations,
  listShareLinks,
  readSharedDeliberation,
  reencryptDeliberations,
  revokeShareLink,
  saveDeliberation,
} from "../../app/modules/deliberation/deliberations.server.ts";
import { deleteMyAccount, exportMyData } from "../../app/personal-data.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import { filesContaining } from "./files-containing.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const key = randomBytes(32);
const keyring = createKeyring({ current: key, source: "ENCRYPTION_KEY" });

describe.each(databaseKinds)("records of the Dilemma-wijzer on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let owner: { id: string; email: string };
  let other: { id: string; email: string };

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    owner = await upsertUser({ db: database.db, email: "eigenaar@example.nl" });
    other = await upsertUser({ db: database.db, email: "collega@example.nl" });
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it("keeps what the person wrote only in encrypted form: not in a backup, not in the data folder", async () => {
    const { db } = database;
    const marker = `MARKERING-${randomUUID()}`;
    const record = await createDeliberation({
      quotas,
      db,
      keyring,
      ownerId: owner.id,
      content: { situation: `Mijn situatie ${marker}`, because: marker },
    });
    expect(
      (await getOwnDeliberation({ db, keyring, id: record.id, ownerId: owner.id })).content.situation,
    ).toContain(marker);
    const dump = path.join(os.tmpdir(), `vm-dump-${randomUUID()}.jsonl`);
    try {
      await writeBackup({ db, out: dump });
      const backup = fs.readFileSync(dump, "utf8");
      expect(backup).toContain(record.id);
      expect(backup).not.toContain(marker);
    } finally {
      fs.rmSync(dump, { force: true });
    }
    if (kind === "pglite" && test.dataDir) {
      // Written through to disk: a checkpoint, then the files themselves.
      await db.execute("checkpoint");
      expect(filesContaining(test.dataDir, Buffer.from(marker))).toEqual([]);
      // The scan itself works: what is stored in plain text (an e-mail address) is found.
      expect(filesContaining(test.dataDir, Buffer.from(owner.email)).length).toBeGreaterThan(0);
    }
  });

  it("answers 'not found' to anyone but the owner, and for an address that is no record", async () => {
    const { db } = database;
    const record = await createDeliberation({
      quotas,
      db,
      keyring,
      ownerId: owner.id,
      content: { situation: "privé" },
    });
    await expect(getOwnDeliberation({ db, keyring, id: record.id, ownerId: other.id })).rejects.toMatchObject(
      {
        code: "not_found",
      },
    );
    await expect(getOwnDeliberation({ db, keyring, id: "1", ownerId: owner.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteDeliberation({ db, id: record.id, ownerId: other.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listOwnDeliberations({ db, keyring, ownerId: other.id })).map((r) => r.id)).not.toContain(
      record.id,
    );
  });

  it("refuses a save based on an older revision and returns the current text to merge", async () => {
    const { db } = database;
    const record = await createDeliberation({ quotas, db, keyring, ownerId: owner.id });
    const first = await saveDeliberation({
      db,
      keyring,
      id: record.id,
      ownerId: owner.id,
      revision: record.revision,
      patch: { optionA: "Ik zeg het", optionB: "Ik zwijg" },
    });
    expect(first).toMatchObject({ saved: true, deliberation: { revision: record.revision + 1 } });
    // A second tab, still at the old revision.
    const stale = await saveDeliberation({
      db,
      keyring,
      id: record.id,
      ownerId: owner.id,
      revision: record.revision,
      patch: { optionA: "Iets anders" },
    });
    expect(stale).toMatchObject({ saved: false, current: { content: { optionA: "Ik zeg het" } } });
    // The same text again from the old revision (a submit right after an autosave) is no conflict,
    // and a save that changes nothing writes nothing.
    const same = await saveDeliberation({
      db,
      keyring,
      id: record.id,
      ownerId: owner.id,
      revision: record.revision,
      patch: { optionA: "Ik zeg het" },
    });
    expect(same).toMatchObject({ saved: true, deliberation: { revision: record.revision + 1 } });
    const [listed] = (await listOwnDeliberations({ db, keyring, ownerId: owner.id })).filter(
      (r) => r.id === record.id,
    );
    expect(listed?.title).toBe("Ik zeg het of Ik zwijg");
    await expect(
      saveDeliberation({
        db,
        keyring,
        id: record.id,
        ownerId: owner.id,
        revision: 2,
        patch: { choice: "x".repeat(1001) },
      }),
    ).rejects.toThrow(/problems\.deliberation\.tooLong/);
  });

  it("shares a record read-only through a link until the owner revokes it", async () => {
    const { db } = database;
    const record = await createDeliberation({
      quotas,
      db,
      keyring,
      ownerId: owner.id,
      content: { choice: "Ik kies A" },
    });
    const link = await createShareLink({ db, id: record.id, ownerId: owner.id, origin: "https://v.example" });
    const token = link.url.split("/").pop() ?? "";
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect((await readSharedDeliberation({ db, keyring, token })).content.choice).toBe("Ik kies A");
    await expect(
      createShareLink({ db, id: record.id, ownerId: other.id, origin: "x" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(revokeShareLink({ db, shareId: link.id, ownerId: other.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await listShareLinks({ db, id: record.id, ownerId: owner.id })).toHaveLength(1);
    await revokeShareLink({ db, shareId: link.id, ownerId: owner.id });
    await expect(readSharedDeliberation({ db, keyring, token })).rejects.toMatchObject({ code: "not_found" });
    expect(await listShareLinks({ db, id: record.id, ownerId: owner.id })).toEqual([]);
  });

  it("deletes a record at once and for good, with its links", async () => {
    const { db } = database;
    const record = await createDeliberation({ quotas, db, keyring, ownerId: owner.id });
    const link = await createShareLink({ db, id: record.id, ownerId: owner.id, origin: "x" });
    await deleteDeliberation({ db, id: record.id, ownerId: owner.id });
    await expect(getOwnDeliberation({ db, keyring, id: record.id, ownerId: owner.id })).rejects.toMatchObject(
      {
        code: "not_found",
      },
    );
    await expect(
      readSharedDeliberation({ db, keyring, token: link.url.split("/").pop() ?? "" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("writes every record again with a new key, which then reads them without the old one", async () => {
    const { db } = database;
    const record = await createDeliberation({
      quotas,
      db,
      keyring,
      ownerId: owner.id,
      content: { moment: "vandaag" },
    });
    const newKey = randomBytes(32);
    const rotating = createKeyring({ current: newKey, old: [key], source: "ENCRYPTION_KEY" });
    expect(await reencryptDeliberations({ db, keyring: rotating })).toBeGreaterThan(0);
    expect(await reencryptDeliberations({ db, keyring: rotating })).toBe(0);
    const onlyNew = createKeyring({ current: newKey, source: "ENCRYPTION_KEY" });
    expect(
      (await getOwnDeliberation({ db, keyring: onlyNew, id: record.id, ownerId: owner.id })).content.moment,
    ).toBe("vandaag");
    await expect(getOwnDeliberation({ db, keyring, id: record.id, ownerId: owner.id })).rejects.toMatchObject(
      {
        code: "unavailable",
      },
    );
  });

  it("belongs to the owner's data: readable in the download, gone with the account", async () => {
    const { db } = database;
    const leaver = await upsertUser({ db, email: "vertrek@example.nl" });
    const record = await createDeliberation({
      quotas,
      db,
      keyring,
      ownerId: leaver.id,
      content: { situation: "mijn tekst" },
    });
    const exported = (await exportMyData({ db, keyring, userId: leaver.id, email: leaver.email })) as {
      deliberations: { id: string; situation: string }[];
    };
    expect(exported.deliberations).toEqual([
      expect.objectContaining({ id: record.id, situation: "mijn tekst" }),
    ]);
    await deleteMyAccount({ db, keyring, userId: leaver.id, email: leaver.email });
    expect(await listOwnDeliberations({ db, keyring, ownerId: leaver.id })).toEqual([]);
  });
});
