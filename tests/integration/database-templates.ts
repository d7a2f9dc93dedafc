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

async function pgliteTemplate(start: "migrated" | "seeded"): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vm-template-${start}-`));
  const database = await openDatabase({ dataDir });
  await database.migrate();
  if (start === "seeded") await seed(database);
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

async function postgresTemplate(
  serverUrl: string,
  start: "migrated" | "seeded",
  run: string,
): Promise<string> {
  const name = `vm_template_${run}_${start}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const database = await openDatabase({
    databaseUrl: withDatabase(serverUrl, name),
    dataDir: "unused",
    poolSize: 2,
  });
  await database.migrate();
  if (start === "seeded") await seed(database);
  // A template may have no connections while a database is made from it.
  await database.close();
  return name;
}

export async function makeTemplates(serverUrl: string | undefined): Promise<DatabaseTemplates> {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const [migrated, seeded] = await Promise.all([pgliteTemplate("migrated"), pgliteTemplate("seeded")]);
  return {
    pglite: { migrated, seeded },
    postgres: serverUrl
      ? {
          migrated: await postgresTemplate(serverUrl, "migrated", run),
          seeded: await postgresTemplate(serverUrl, "seeded", run),
        }
      : null,
  };
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
