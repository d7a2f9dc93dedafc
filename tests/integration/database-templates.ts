// Ready-made databases for the suite. Making a PGlite database means an initdb (about 3 s), migrating
// and seeding another 2 to 4 s, and the suite makes dozens; copying a folder that already holds a
// migrated or seeded database takes a tenth of that. On a PostgreSQL server a new database is made from
// a template database. Vitest's global setup makes them once per run and removes them afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../app/infra/db.server.ts";
import { seedDilemmas } from "../../app/modules/dilemmas/dilemmas.server.ts";
import { seedGuide } from "../../app/modules/guide/guide-import.server.ts";
import { seedKriskrasOptions } from "../../app/modules/kriskras/kriskras-lists.server.ts";

export const CONTENT_DIR = path.resolve("content");

/** How far a new test database is made: empty, with the schema, or with the shipped content too. */
export type DatabaseStart = "empty" | "migrated" | "seeded";

export interface DatabaseTemplates {
  /** PGlite data folders to copy. */
  pglite: Record<"migrated" | "seeded", string>;
  /** Template databases on the PostgreSQL server, when the suite runs on one. */
  postgres: Record<"migrated" | "seeded", string> | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

type Db = Awaited<ReturnType<typeof openDatabase>>;

async function seed(database: Db): Promise<void> {
  await seedGuide({ db: database.db, contentDir: CONTENT_DIR });
  await seedDilemmas({ db: database.db, contentDir: CONTENT_DIR });
  await seedKriskrasOptions({ db: database.db });
}

/** A PGlite folder, migrated; seeded too when `from` (the migrated one) is given, copied first. */
async function pgliteTemplate(from?: string): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vm-template-${from ? "seeded" : "migrated"}-`));
  if (from) fs.cpSync(from, dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  if (from) await seed(database);
  else await database.migrate();
  await database.close();
  return dataDir;
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A database on the server, migrated; seeded too when `from` (the migrated one) is given. */
async function postgresTemplate(serverUrl: string, name: string, from?: string): Promise<string> {
  await adminQuery(serverUrl, `create database ${name}${from ? ` template ${from}` : ""}`);
  const database = await openDatabase({
    databaseUrl: withDatabase(serverUrl, name),
    dataDir: "unused",
    poolSize: 2,
  });
  if (from) await seed(database);
  else await database.migrate();
  // A template may have no connections while a database is made from it.
  await database.close();
  return name;
}

/**
 * The seeded templates start as copies of the migrated ones, so each database kind is migrated once;
 * the PostgreSQL server does its share in its own processes while PGlite works in this one.
 */
export async function makeTemplates(serverUrl: string | undefined): Promise<DatabaseTemplates> {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const pglite = (async () => {
    const migrated = await pgliteTemplate();
    return { migrated, seeded: await pgliteTemplate(migrated) };
  })();
  const postgres = serverUrl
    ? (async () => {
        const migrated = await postgresTemplate(serverUrl, `vm_template_${run}_migrated`);
        const seeded = await postgresTemplate(serverUrl, `vm_template_${run}_seeded`, migrated);
        return { migrated, seeded };
      })()
    : null;
  const [pgliteTemplates, postgresTemplates] = await Promise.all([pglite, postgres]);
  return { pglite: pgliteTemplates, postgres: postgresTemplates };
}

export async function removeTemplates(
  templates: DatabaseTemplates,
  serverUrl: string | undefined,
): Promise<void> {
  for (const dataDir of Object.values(templates.pglite)) fs.rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl && templates.postgres) {
    for (const name of Object.values(templates.postgres)) {
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    }
  }
}
