// Opens a fresh database of each kind the suite runs on: always PGlite (in a temporary folder), and a
// PostgreSQL server when TEST_DATABASE_URL is set (a new database per suite, dropped afterwards).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../app/infra/db.server.ts";
import { seedDilemmas } from "../../app/modules/dilemmas/dilemmas.server.ts";
import { seedGuide } from "../../app/modules/guide/guide-import.server.ts";
import { seedKriskrasOptions } from "../../app/modules/kriskras/kriskras-lists.server.ts";

export type DatabaseKind = "pglite" | "postgres";

export const CONTENT_DIR = path.resolve("content");

export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

export interface TestDatabase {
  kind: DatabaseKind;
  /** Opens another connection set on the same database, as a second app process would. */
  openAnother(): Promise<Database>;
  url?: string;
  dataDir?: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  return url;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-test-"));
    return {
      kind,
      dataDir,
      openAnother: () => openDatabase({ dataDir }),
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `vm_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    openAnother: () => openDatabase({ databaseUrl: url.toString(), dataDir: "unused", poolSize: 4 }),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A fresh, migrated and empty database, ready for a suite. */
export async function openMigratedDatabase(
  kind: DatabaseKind,
): Promise<{ test: TestDatabase; database: Database }> {
  const test = await createTestDatabase(kind);
  const database = await test.openAnother();
  await database.migrate();
  return { test, database };
}

/** A migrated database with the shipped guide content, dilemma cards and kris-kras lists, ready for a suite. */
export async function openSeededDatabase(
  kind: DatabaseKind,
): Promise<{ test: TestDatabase; database: Database }> {
  const opened = await openMigratedDatabase(kind);
  await seedGuide({ db: opened.database.db, contentDir: CONTENT_DIR });
  await seedDilemmas({ db: opened.database.db, contentDir: CONTENT_DIR });
  await seedKriskrasOptions({ db: opened.database.db });
  return opened;
}
