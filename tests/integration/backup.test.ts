// Logical backups: what the embedded database and a PostgreSQL server hold comes back row for row, on
// the same kind of database and from the embedded one onto a server; bad files and filled databases are
// refused without a change.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restoreBackup, writeBackup } from "../../app/infra/backup.server.ts";
import type { Database, Db } from "../../app/infra/db.server.ts";
import { jobs, rateLimits } from "../../app/infra/jobs.schema.ts";
import {
  apiTokens,
  auditLog,
  loginTokens,
  sessions,
  userIdentities,
  users,
} from "../../app/modules/accounts/accounts.schema.ts";
import { requireCurrentVersion } from "../../app/modules/guide/guide.server.ts";
import { searchSite } from "../../app/modules/search/site-search.server.ts";
import * as schema from "../../db/schema.ts";
import {
  createTestDatabase,
  type DatabaseKind,
  databaseKinds,
  openSeededDatabase,
  type TestDatabase,
} from "./databases.ts";

const SEEDED_TABLES = [
  "guide_versions",
  "guide_parts",
  "guide_blocks",
  "users",
  "user_identities",
  "sessions",
  "login_tokens",
  "api_tokens",
  "audit_log",
  "jobs",
  "rate_limits",
];

/** One of everything an operator would want back, with awkward values: microseconds, nulls, quotes, nesting. */
async function addAccountsAndJobs(db: Db) {
  const [person] = await db
    .insert(users)
    .values({
      email: "zoe@example.nl",
      name: 'Zoë ’t Hooft "de" redacteur',
      organisation: "Ministerie van Voorbeelden",
      roles: ["redacteur", "beheerder"],
      lastLoginAt: null,
    })
    .returning({ id: users.id });
  const userId = person?.id ?? "";
  await db.insert(users).values({ email: "ambtenaar@example.nl" });
  await db.insert(userIdentities).values({ userId, issuer: "https://login.example.nl", subject: "abc-123" });
  await db
    .insert(sessions)
    .values({ idHash: "c2Vzc2lvbg", userId, expiresAt: sql`now() + interval '12 hours'` });
  await db.insert(loginTokens).values({
    tokenHash: "bG9naW4",
    email: "zoe@example.nl",
    expiresAt: sql`now() + interval '15 minutes'`,
    returnTo: "/gids?x=1&y=2",
  });
  await db.insert(apiTokens).values({ userId, name: "rapportage", tokenHash: "YXBp", revokedAt: sql`now()` });
  await db.insert(auditLog).values([
    { actorId: userId, actorEmail: "zoe@example.nl", action: "role.grant", target: "ambtenaar@example.nl" },
    { action: "backup.test", details: { nested: { list: [1, "twee", null, true] }, quote: 'a"b\\c' } },
  ]);
  await db.insert(jobs).values({ kind: "mail", payload: { to: ["zoe@example.nl"], subject: "Welkom" } });
  await db.insert(rateLimits).values({ key: "login:ip:127.0.0.1", windowStart: sql`now()`, count: 3 });
}

const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable =>
  is(value, PgTable),
);

/** Every table's rows as sorted JSON text, generated columns left out (PostgreSQL recomputes them). */
async function contentsOf(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const contents: Record<string, string[]> = {};
    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = config.columns
        .filter((column) => !column.generated)
        .map((column) => `"${column.name}"`)
        .join(", ");
      const result = await tx.execute(
        sql.raw(`select to_jsonb(t)::text as row from (select ${columns} from "${config.name}") t`),
      );
      contents[config.name] = (result as unknown as { rows: { row: string }[] }).rows
        .map((row) => row.row)
        .sort();
    }
    return contents;
  });
}

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "vm-backup-"));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

describe.each(databaseKinds)("backup and restore on %s", (kind) => {
  let source: { test: TestDatabase; database: Database };
  let sourceContents: Record<string, string[]>;
  const backupFile = path.join(temporary, `${kind}.jsonl`);
  const opened: { test: TestDatabase; database: Database }[] = [];

  /** A new, migrated, empty database of the given kind, closed and dropped after the suite. */
  async function emptyDatabase(ofKind: DatabaseKind = kind): Promise<Database> {
    const test = await createTestDatabase(ofKind);
    const database = await test.openAnother();
    await database.migrate();
    opened.push({ test, database });
    return database;
  }

  function rewriteBackup(name: string, change: (lines: string[]) => string[]): string {
    const file = path.join(temporary, `${kind}-${name}.jsonl`);
    const lines = fs.readFileSync(backupFile, "utf8").trimEnd().split("\n");
    fs.writeFileSync(file, `${change(lines).join("\n")}\n`);
    return file;
  }

  beforeAll(async () => {
    source = await openSeededDatabase(kind);
    await addAccountsAndJobs(source.database.db);
    sourceContents = await contentsOf(source.database.db);
    await writeBackup({ db: source.database.db, out: backupFile });
  });
  afterAll(async () => {
    for (const { test, database } of [source, ...opened]) {
      await database.close();
      await test.drop();
    }
  });

  it("writes a header, then the rows parents first, without generated columns", () => {
    const [first = "", ...rest] = fs.readFileSync(backupFile, "utf8").trimEnd().split("\n");
    const header = JSON.parse(first);
    expect(header).toMatchObject({ format: "vakmanschap-backup", version: 1 });
    expect(header.migrations).toContain("0000_guide");
    const order: string[] = header.tables.map((table: { name: string }) => table.name);
    expect(order.indexOf("guide_versions")).toBeLessThan(order.indexOf("guide_parts"));
    expect(order.indexOf("guide_parts")).toBeLessThan(order.indexOf("guide_blocks"));
    expect(order.indexOf("users")).toBeLessThan(order.indexOf("sessions"));
    const rows = rest.map((line) => JSON.parse(line));
    const block = rows.find((line) => line.table === "guide_blocks");
    expect(block.row).toHaveProperty("text");
    expect(block.row).not.toHaveProperty("search_vector");
    const job = rows.find((line) => line.table === "jobs");
    expect(job.row.id).toBe("1");
    expect(job.row.payload).toEqual({ to: ["zoe@example.nl"], subject: "Welkom" });
    expect(job.row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
  });

  it("restores every row of every table into an empty database", async () => {
    for (const table of SEEDED_TABLES) expect(sourceContents[table]?.length, table).toBeGreaterThan(0);
    const target = await emptyDatabase();
    const summary = await restoreBackup({ db: target.db, in: backupFile });
    expect(summary.rows).toBe(Object.values(sourceContents).flat().length);
    expect(await contentsOf(target.db)).toEqual(sourceContents);
  });

  it("gives new rows fresh ids after a restore", async () => {
    const target = await emptyDatabase();
    await restoreBackup({ db: target.db, in: backupFile });
    const [entry] = await target.db.insert(auditLog).values({ action: "after.restore" }).returning();
    const [job] = await target.db.insert(jobs).values({ kind: "mail" }).returning();
    expect(entry?.id).toBe(3);
    expect(job?.id).toBe(2);
  });

  it("refuses a database that already holds data, and replaces its contents only when asked", async () => {
    const target = await emptyDatabase();
    await target.db.insert(jobs).values({ kind: "left-over" });
    await expect(restoreBackup({ db: target.db, in: backupFile })).rejects.toThrow(/bevat al gegevens/);
    expect((await contentsOf(target.db)).jobs).toHaveLength(1);
    await restoreBackup({ db: target.db, in: backupFile, replace: true });
    expect(await contentsOf(target.db)).toEqual(sourceContents);
  });

  it("refuses a file that is not a backup, and one from a newer version", async () => {
    const target = await emptyDatabase();
    const foreign = path.join(temporary, `${kind}-foreign.txt`);
    fs.writeFileSync(foreign, "id,name\n1,Zoë\n");
    await expect(restoreBackup({ db: target.db, in: foreign })).rejects.toThrow(
      /geen back-up van Vakmanschap/,
    );
    const otherFormat = rewriteBackup("other", ([, ...rows]) => [
      JSON.stringify({ format: "pg_dump" }),
      ...rows,
    ]);
    await expect(restoreBackup({ db: target.db, in: otherFormat })).rejects.toThrow(/geen back-up/);
    const newer = rewriteBackup("newer", ([header = "", ...rows]) => {
      const parsed = JSON.parse(header);
      return [JSON.stringify({ ...parsed, migrations: [...parsed.migrations, "9999_future"] }), ...rows];
    });
    await expect(restoreBackup({ db: target.db, in: newer })).rejects.toThrow(/nieuwere versie.*9999_future/);
    expect(Object.values(await contentsOf(target.db)).flat()).toEqual([]);
  });

  it("brings the stored values of a backup from an older version up to date", async () => {
    // A backup made before guide statuses were stored in Dutch (migration 0013), so without the
    // migrations after it either.
    const target = await emptyDatabase();
    const older = rewriteBackup("older", ([header = "", ...rows]) => {
      const parsed = JSON.parse(header);
      const migrations = parsed.migrations.slice(0, parsed.migrations.indexOf("0013_guide_status_dutch"));
      const english = { concept: "draft", gepubliceerd: "published" } as Record<string, string>;
      return [
        JSON.stringify({ ...parsed, migrations }),
        ...rows.map((line) => {
          if (!line) return line;
          const parsedLine = JSON.parse(line);
          if (parsedLine.table !== "guide_versions") return line;
          return JSON.stringify({
            ...parsedLine,
            row: { ...parsedLine.row, status: english[parsedLine.row.status] ?? parsedLine.row.status },
          });
        }),
      ];
    });
    expect(fs.readFileSync(older, "utf8")).toContain('"status":"published"');
    await restoreBackup({ db: target.db, in: older });
    expect(await contentsOf(target.db)).toEqual(sourceContents);
  });

  it("restores nothing from an incomplete backup", async () => {
    const target = await emptyDatabase();
    const truncated = rewriteBackup("truncated", (lines) => lines.slice(0, -1));
    await expect(restoreBackup({ db: target.db, in: truncated })).rejects.toThrow(/onvolledig/);
    expect(Object.values(await contentsOf(target.db)).flat()).toEqual([]);
  });

  it("writes the same backup to a stream as to a file", async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    await writeBackup({ db: source.database.db, out: stream });
    const fromStream = Buffer.concat(chunks).toString("utf8").split("\n").slice(1);
    expect(fromStream).toEqual(fs.readFileSync(backupFile, "utf8").split("\n").slice(1));
  });

  if (kind === "postgres") {
    it("moves the embedded database onto a PostgreSQL server, where search still works", async () => {
      const embedded = await openSeededDatabase("pglite");
      opened.push(embedded);
      await addAccountsAndJobs(embedded.database.db);
      const file = path.join(temporary, "from-pglite.jsonl");
      await writeBackup({ db: embedded.database.db, out: file });
      const server = await emptyDatabase("postgres");
      await restoreBackup({ db: server.db, in: file });
      expect(await contentsOf(server.db)).toEqual(await contentsOf(embedded.database.db));
      const version = await requireCurrentVersion({ db: server.db });
      const result = await searchSite({ db: server.db, versionId: version.id, query: "luisteren" });
      expect(result.hits.length).toBeGreaterThan(0);
      const [entry] = await server.db.insert(auditLog).values({ action: "after.move" }).returning();
      expect(entry?.id).toBe(3);
    });
  }
});
