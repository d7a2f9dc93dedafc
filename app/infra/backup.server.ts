// Logical backups: every table of the application as JSON Lines, in an order that respects foreign keys,
// so a backup of the embedded database restores into a PostgreSQL server and the other way round.
// The tables and columns come from the Drizzle schema (db/schema.ts), so a new table is included
// without a change here.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { is, type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import * as schema from "../../db/schema.ts";
import { type Db, MIGRATIONS_FOLDER } from "./db.server.ts";
import { AppError } from "./errors.ts";
import { openNewPrivateFile, partialNameFor } from "./private-files.server.ts";

export const BACKUP_FORMAT = "vakmanschap-backup";
export const BACKUP_VERSION = 1;

// Rows per FETCH while writing and per INSERT while restoring; an INSERT also stops at INSERT_BYTES of JSON.
const FETCH_ROWS = 500;
const INSERT_ROWS = 500;
const INSERT_BYTES = 4 * 1024 * 1024;
// 64-bit integers and decimals go into the file as strings: JSON numbers lose precision beyond 2^53.
const TEXT_TYPES = /^(bigint|bigserial|int8|serial8|numeric|decimal)\b/i;
// Columns that may own a sequence (serial types and identity columns); checked after a restore.
const INTEGER_TYPES = /^(smallint|integer|bigint|smallserial|serial|bigserial|int[248]?|serial[248])\b/i;

const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  /** Tags of the migrations applied to the database the backup was made from, in order. */
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().min(0) }),
  ),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

const BackupLine = z.object({ table: z.string(), row: z.record(z.string(), z.unknown()) });

export interface BackupSummary {
  migrations: string[];
  tables: { name: string; rows: number }[];
  rows: number;
}

interface BackupTable {
  /** The table's name, with its schema when it has one other than public. */
  name: string;
  /** The quoted (and qualified) identifier, for SQL text. */
  identifier: string;
  /** Stored columns by their database names; generated columns are left out (PostgreSQL computes them). */
  columns: string[];
  textColumns: Set<string>;
  primaryKey: string[];
  sequenceCandidates: string[];
  /** An identity column GENERATED ALWAYS takes explicit values only with OVERRIDING SYSTEM VALUE. */
  overridesIdentity: boolean;
  parents: string[];
}

/** The application's tables, parents before the tables whose foreign keys point at them. */
export function listBackupTables(): BackupTable[] {
  const byName = new Map<string, BackupTable>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const name =
      config.schema && config.schema !== "public" ? `${config.schema}.${config.name}` : config.name;
    const stored = config.columns.filter((column) => !column.generated);
    const primaryKey = config.primaryKeys[0]?.columns.map((column) => column.name) ?? [];
    byName.set(name, {
      name,
      identifier: config.schema
        ? `${quoteIdentifier(config.schema)}.${quoteIdentifier(config.name)}`
        : quoteIdentifier(config.name),
      columns: stored.map((column) => column.name),
      textColumns: new Set(stored.filter((c) => TEXT_TYPES.test(c.getSQLType())).map((c) => c.name)),
      primaryKey: primaryKey.length > 0 ? primaryKey : stored.filter((c) => c.primary).map((c) => c.name),
      sequenceCandidates: stored.filter(ownsSequencePossibly).map((column) => column.name),
      overridesIdentity: stored.some((column) => column.generatedIdentity?.type === "always"),
      parents: config.foreignKeys.map((foreignKey) => {
        const parent = getTableConfig(foreignKey.reference().foreignTable);
        return parent.schema && parent.schema !== "public" ? `${parent.schema}.${parent.name}` : parent.name;
      }),
    });
  }
  return orderByForeignKeys(byName);
}

function ownsSequencePossibly(column: PgColumn): boolean {
  return column.generatedIdentity !== undefined || INTEGER_TYPES.test(column.getSQLType());
}

// Kahn's algorithm, alphabetical among tables that are ready, so the order is stable between runs.
// A table referring to itself is fine as long as its rows come parent-first, which this order cannot
// promise; no table of the application does so today.
function orderByForeignKeys(byName: Map<string, BackupTable>): BackupTable[] {
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  while (placed.size < byName.size) {
    const ready = [...byName.values()]
      .filter((table) => !placed.has(table.name))
      .filter((table) => table.parents.every((parent) => parent === table.name || placed.has(parent)))
      .sort((a, b) => a.name.localeCompare(b.name));
    const next = ready[0];
    if (!next) {
      const left = [...byName.keys()].filter((name) => !placed.has(name));
      throw new Error(`foreign keys form a cycle between ${left.join(", ")}; a backup cannot order them`);
    }
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

type Executor = Pick<Db, "execute">;

// Both drivers (node-postgres and PGlite) answer a raw query with `{ rows }`; Drizzle's generic type
// for the pair does not say so.
async function queryRows<Row>(db: Executor, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

interface JournalEntry {
  tag: string;
  when: number;
}

function readJournal(): JournalEntry[] {
  const file = path.join(MIGRATIONS_FOLDER, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as { entries: JournalEntry[] };
  return journal.entries;
}

export interface SchemaState {
  /** Tags of the applied migrations this version knows, in order. */
  applied: string[];
  /** Tags of migrations this version has and the database has not applied yet. */
  pending: string[];
  /** Applied migrations this version does not know: the database was upgraded by a newer version. */
  unknown: number;
}

/** Which of this version's migrations the database has applied (Drizzle records each by its journal time). */
export async function getSchemaState(options: { db: Executor }): Promise<SchemaState> {
  const journal = readJournal();
  const [registry] = await queryRows<{ present: boolean }>(
    options.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  const recorded = registry?.present
    ? await queryRows<{ created_at: string }>(
        options.db,
        sql`select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at`,
      )
    : [];
  const times = new Set(recorded.map((row) => row.created_at));
  const known = new Set(journal.map((entry) => String(entry.when)));
  return {
    applied: journal.filter((entry) => times.has(String(entry.when))).map((entry) => entry.tag),
    pending: journal.filter((entry) => !times.has(String(entry.when))).map((entry) => entry.tag),
    unknown: [...times].filter((time) => !known.has(time)).length,
  };
}

/** Throws unless the database's tables are exactly those of this version: the schema is what we read and write. */
async function requireCurrentSchema(db: Executor): Promise<string[]> {
  const state = await getSchemaState({ db });
  if (state.unknown > 0) {
    throw new AppError(
      "conflict",
      "De database is bijgewerkt door een nieuwere versie van Vakmanschap dan deze. Gebruik die versie. " +
        "(The database was migrated by a newer version of Vakmanschap.)",
    );
  }
  if (state.applied.length === 0) {
    throw new AppError(
      "conflict",
      "De database heeft nog geen tabellen van Vakmanschap; voer eerst de migraties uit (migrate). " +
        "(The database has not been migrated.)",
    );
  }
  if (state.pending.length > 0) {
    throw new AppError(
      "conflict",
      `De database loopt achter op deze versie (nog uit te voeren: ${state.pending.join(", ")}); voer eerst ` +
        "de migraties uit (migrate). (The database has pending migrations.)",
    );
  }
  return state.applied;
}

/**
 * Writes a backup of every table as JSON Lines: a header line, then one `{ table, row }` line per row.
 * Reads one consistent snapshot. To a path it writes an owner-only file (0600) under an unpredictable
 * name beside it first, and renames it into place when complete, so a failed backup never leaves a file
 * that looks complete and nothing is written through a link someone placed. An existing file at `out`
 * is refused unless `overwrite`.
 */
export async function writeBackup(options: {
  db: Db;
  out: Writable | string;
  overwrite?: boolean;
}): Promise<BackupSummary> {
  const tables = listBackupTables();
  if (typeof options.out === "string" && !fs.existsSync(path.dirname(options.out))) {
    throw new AppError(
      "not_found",
      `De map ${path.dirname(options.out)} bestaat niet; er is geen back-up geschreven. (No such folder.)`,
    );
  }
  if (typeof options.out === "string" && !options.overwrite && existsAsName(options.out)) {
    throw existingBackup(options.out);
  }
  return options.db.transaction(
    async (tx) => {
      // Timestamps are written with this offset; UTC keeps files comparable between machines.
      await tx.execute(sql`set local time zone 'UTC'`);
      const migrations = await requireCurrentSchema(tx);
      const counted: BackupHeader["tables"] = [];
      for (const table of tables) {
        const [count] = await queryRows<{ rows: number }>(
          tx,
          sql.raw(`select count(*)::int as rows from ${table.identifier}`),
        );
        counted.push({ name: table.name, columns: table.columns, rows: count?.rows ?? 0 });
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        migrations,
        tables: counted,
      };

      async function* lines(): AsyncGenerator<string> {
        yield `${JSON.stringify(header)}\n`;
        for (const table of tables) {
          const select = table.columns
            .map((column) =>
              table.textColumns.has(column)
                ? `${quoteIdentifier(column)}::text as ${quoteIdentifier(column)}`
                : quoteIdentifier(column),
            )
            .join(", ");
          const order =
            table.primaryKey.length > 0
              ? ` order by ${table.primaryKey.map(quoteIdentifier).join(", ")}`
              : "";
          // to_jsonb renders every type the way JSON can carry it: timestamps as ISO 8601, jsonb as
          // itself, arrays as arrays. A cursor keeps memory flat for large tables.
          await tx.execute(
            sql.raw(
              `declare vakmanschap_backup no scroll cursor for select to_jsonb(t) as row from (select ${select} from ${table.identifier}${order}) t`,
            ),
          );
          for (;;) {
            const rows = await queryRows<{ row: Record<string, unknown> }>(
              tx,
              sql.raw(`fetch forward ${FETCH_ROWS} from vakmanschap_backup`),
            );
            if (rows.length === 0) break;
            yield rows.map(({ row }) => `${JSON.stringify({ table: table.name, row })}\n`).join("");
          }
          await tx.execute(sql.raw("close vakmanschap_backup"));
        }
      }

      if (typeof options.out === "string") {
        const partial = partialNameFor(options.out);
        try {
          const fd = openNewPrivateFile(partial);
          await pipeline(lines(), fs.createWriteStream(partial, { fd }));
          moveIntoPlace(partial, options.out, options.overwrite ?? false);
        } catch (error) {
          fs.rmSync(partial, { force: true });
          throw error;
        }
      } else {
        await pipeline(lines(), options.out, { end: false });
      }
      return {
        migrations,
        tables: counted.map(({ name, rows }) => ({ name, rows })),
        rows: counted.reduce((sum, table) => sum + table.rows, 0),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Whether anything has this name, a dangling link included (which `existsSync` would deny). */
function existsAsName(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

function existingBackup(file: string): AppError {
  return new AppError(
    "conflict",
    `Het bestand ${file} bestaat al; er is geen back-up geschreven. Kies een andere naam, of vervang het ` +
      "met --overwrite. (The file exists; choose another name or pass --overwrite.)",
  );
}

// A hard link puts the file in place only if the name is free, in one step (rename would replace
// whatever is there). Where the file system has no hard links, a check just before the rename has to do.
function moveIntoPlace(partial: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    fs.renameSync(partial, target);
    return;
  }
  try {
    fs.linkSync(partial, target);
    fs.rmSync(partial);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw existingBackup(target);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    if (existsAsName(target)) throw existingBackup(target);
    fs.renameSync(partial, target);
  }
}

/**
 * Restores a backup in one transaction: all of it or nothing. Refuses a file that is not a backup, one
 * from a newer schema, an incomplete one, and a database that already holds data unless `replace`,
 * which empties every table first. Afterwards sequences continue after the restored ids.
 */
export async function restoreBackup(options: {
  db: Db;
  in: Readable | string;
  replace?: boolean;
}): Promise<BackupSummary> {
  const input = typeof options.in === "string" ? openBackupFile(options.in) : options.in;
  const reader = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const lines = reader[Symbol.asyncIterator]();
  try {
    const first = await lines.next();
    const header = parseHeader(first.done ? "" : first.value);
    const current = new Map(listBackupTables().map((table) => [table.name, table]));
    for (const table of header.tables) {
      if (!current.has(table.name)) {
        throw new AppError(
          "invalid",
          `De back-up bevat de tabel ${table.name}, die deze versie van Vakmanschap niet kent. ` +
            `(The backup holds a table this version does not know: ${table.name}.)`,
        );
      }
    }
    return await options.db.transaction(async (tx) => {
      await requireCurrentSchema(tx);
      const targets = [...current.values()];
      if (options.replace) {
        await tx.execute(sql.raw(`truncate table ${targets.map((table) => table.identifier).join(", ")}`));
      } else {
        await requireEmpty(tx, targets);
      }

      const expected = new Map(header.tables.map((table) => [table.name, table]));
      const seen = new Map<string, number>();
      let batch: { table: BackupTable; columns: string[]; rows: string[]; bytes: number } | undefined;
      const flush = async () => {
        if (!batch || batch.rows.length === 0) return;
        await insertRows(tx, batch.table, batch.columns, batch.rows);
        batch.rows = [];
        batch.bytes = 0;
      };

      let lineNumber = 1;
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        lineNumber++;
        if (next.value.trim() === "") continue;
        const line = parseLine(next.value, lineNumber);
        const described = expected.get(line.table);
        const table = current.get(line.table);
        if (!described || !table) {
          throw new AppError(
            "invalid",
            `Regel ${lineNumber} van de back-up hoort bij een tabel die niet in de kop staat: ${line.table}. ` +
              "(A row belongs to a table missing from the header.)",
          );
        }
        if (batch?.table !== table) {
          await flush();
          // Columns added since the backup was made take their defaults; those dropped since are left out.
          const columns = table.columns.filter((column) => described.columns.includes(column));
          batch = { table, columns, rows: [], bytes: 0 };
        }
        const json = JSON.stringify(line.row);
        batch.rows.push(json);
        batch.bytes += json.length;
        seen.set(line.table, (seen.get(line.table) ?? 0) + 1);
        if (batch.rows.length >= INSERT_ROWS || batch.bytes >= INSERT_BYTES) await flush();
      }
      await flush();

      for (const table of header.tables) {
        const found = seen.get(table.name) ?? 0;
        if (found !== table.rows) {
          throw new AppError(
            "invalid",
            `De back-up is onvolledig: tabel ${table.name} heeft ${found} van de ${table.rows} rijen; er is ` +
              `niets hersteld. (The backup is incomplete: ${table.name} has ${found} of ${table.rows} rows.)`,
          );
        }
      }
      for (const table of targets) await resetSequences(tx, table);
      await upgradeRestoredValues(tx, header.migrations);
      return {
        migrations: header.migrations,
        tables: header.tables.map(({ name, rows }) => ({ name, rows })),
        rows: header.tables.reduce((sum, table) => sum + table.rows, 0),
      };
    });
  } finally {
    reader.close();
    input.destroy();
  }
}

/**
 * A backup from an older schema holds values as they were stored then. The schema is current already,
 * so of each migration the backup had not applied only the data statements (`UPDATE …`, which change
 * stored values such as a renamed status) run again, in order, on the restored rows.
 */
async function upgradeRestoredValues(tx: Db, applied: string[]): Promise<void> {
  for (const entry of readJournal()) {
    if (applied.includes(entry.tag)) continue;
    const file = fs.readFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), "utf8");
    for (const statement of file.split("--> statement-breakpoint")) {
      const code = statement.replace(/^\s*--.*$/gm, "").trim();
      if (/^update\s/i.test(code)) await tx.execute(sql.raw(code));
    }
  }
}

/** Reads and checks a backup file's header without touching a database. */
export async function readBackupHeader(options: { in: string }): Promise<BackupHeader> {
  const input = openBackupFile(options.in);
  const reader = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of reader) return parseHeader(line);
    return parseHeader("");
  } finally {
    reader.close();
    input.destroy();
  }
}

function openBackupFile(file: string): Readable {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new AppError("not_found", `Het bestand ${file} bestaat niet. (No such backup file.)`);
  }
  return fs.createReadStream(file, { encoding: "utf8" });
}

function parseHeader(line: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = undefined;
  }
  const format = (value as { format?: unknown } | undefined)?.format;
  if (format !== BACKUP_FORMAT) {
    throw new AppError(
      "invalid",
      "Dit bestand is geen back-up van Vakmanschap; er is niets hersteld. (This file is not a Vakmanschap backup.)",
    );
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === "number" && version > BACKUP_VERSION) {
    throw new AppError(
      "invalid",
      `Deze back-up heeft formaat ${version}; deze versie van Vakmanschap kent alleen formaat ${BACKUP_VERSION}. ` +
        "Werk Vakmanschap eerst bij. (The backup format is newer than this version understands.)",
    );
  }
  const parsed = BackupHeader.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      "invalid",
      "De kop van de back-up is beschadigd; er is niets hersteld. (The backup's header is malformed.)",
    );
  }
  const known = readJournal().map((entry) => entry.tag);
  const newer = parsed.data.migrations.filter((tag, index) => known[index] !== tag);
  if (newer.length > 0) {
    throw new AppError(
      "invalid",
      `De back-up komt uit een nieuwere versie van Vakmanschap (onbekende migraties: ${newer.join(", ")}). ` +
        "Werk Vakmanschap eerst bij. (The backup comes from a newer schema; upgrade first.)",
    );
  }
  return parsed.data;
}

function parseLine(text: string, lineNumber: number): z.infer<typeof BackupLine> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = BackupLine.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      "invalid",
      `Regel ${lineNumber} van de back-up is beschadigd; er is niets hersteld. (Line ${lineNumber} is malformed.)`,
    );
  }
  return parsed.data;
}

async function requireEmpty(db: Executor, tables: BackupTable[]): Promise<void> {
  const filled: string[] = [];
  for (const table of tables) {
    const [row] = await queryRows<{ filled: boolean }>(
      db,
      sql.raw(`select exists (select 1 from ${table.identifier}) as filled`),
    );
    if (row?.filled) filled.push(table.name);
  }
  if (filled.length > 0) {
    throw new AppError(
      "conflict",
      `De database bevat al gegevens (${filled.join(", ")}); er is niets hersteld. Herstel in een lege ` +
        "database, of kies ervoor alles eerst te wissen (--replace). " +
        "(The database already holds data; restore into an empty one or replace its contents.)",
    );
  }
}

// jsonb_populate_recordset turns each JSON object back into the table's row type with PostgreSQL's own
// input rules (ISO timestamps, arrays, jsonb, numbers sent as text), identically on PGlite and a server.
async function insertRows(
  db: Executor,
  table: BackupTable,
  columns: string[],
  rows: string[],
): Promise<void> {
  const list = columns.map(quoteIdentifier).join(", ");
  const overriding = table.overridesIdentity ? " overriding system value" : "";
  await db.execute(
    sql`${sql.raw(`insert into ${table.identifier} (${list})${overriding} select ${list} from jsonb_populate_recordset(null::${table.identifier}, `)}${`[${rows.join(",")}]`}::jsonb)`,
  );
}

// Restored rows carry their ids; without this the next insert would draw an id that is already taken.
async function resetSequences(db: Executor, table: BackupTable): Promise<void> {
  for (const column of table.sequenceCandidates) {
    const [owned] = await queryRows<{ sequence: string | null }>(
      db,
      sql`select pg_get_serial_sequence(${table.identifier}, ${column}) as sequence`,
    );
    if (!owned?.sequence) continue;
    await db.execute(
      sql`select setval(${owned.sequence}::regclass, coalesce(max(${sql.raw(quoteIdentifier(column))}), 0) + 1, false) ${sql.raw(`from ${table.identifier}`)}`,
    );
  }
}
