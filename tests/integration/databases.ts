// Opens a fresh database of each kind the suite runs on: always PGlite (in a temporary folder), and a
// PostgreSQL server when TEST_DATABASE_URL is set (a new database per suite, dropped afterwards).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../app/infra/db.server.ts";
import type { DatabaseStart } from "./database-templates.ts";

export type DatabaseKind = "pglite" | "postgres";

export { CONTENT_DIR } from "./database-templates.ts";

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

/**
 * A new database of `kind`, empty or, with `start`, already migrated or seeded: copied from the run's
 * templates (database-templates.ts).
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  start: DatabaseStart = "empty",
): Promise<TestDatabase> {
  const templates = inject("databaseTemplates");
  if (kind === "pglite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-test-"));
    if (start !== "empty") fs.cpSync(templates.pglite[start], dataDir, { recursive: true });
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
  const template = start === "empty" ? null : templates.postgres?.[start];
  if (template === undefined)
    throw new Error("the suite made no PostgreSQL templates: TEST_DATABASE_URL is not set");
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
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
  return openStarted(kind, "migrated");
}

/** A migrated database with the shipped guide content, dilemma cards and kris-kras lists, ready for a suite. */
export async function openSeededDatabase(
  kind: DatabaseKind,
): Promise<{ test: TestDatabase; database: Database }> {
  return openStarted(kind, "seeded");
}

async function openStarted(
  kind: DatabaseKind,
  start: "migrated" | "seeded",
): Promise<{ test: TestDatabase; database: Database }> {
  const test = await createTestDatabase(kind, start);
  const database = await test.openAnother();
  // Already done in the template; this checks it is, as the app does when it starts.
  await database.migrate();
  return { test, database };
}
