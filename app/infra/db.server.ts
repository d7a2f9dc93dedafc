// The one database: PGlite (embedded, file-backed under DATA_DIR) by default, a PostgreSQL server when
// DATABASE_URL is set. Both sit behind the same Drizzle schema, migrations and notification channel.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Logger } from "pino";
import { AppError } from "./errors.ts";
import { ensurePrivateFolder, openNewPrivateFile } from "./private-files.server.ts";

export type Db = PgDatabase<PgQueryResultHKT>;

/** The rows of a raw SQL statement, the same on both drivers (each gives `{ rows }`). */
export async function queryRows<Row>(db: Pick<Db, "execute">, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}
type Listener = (payload: string) => void;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies pending migrations under an advisory lock, so processes starting together do not collide. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query; throws AppError("unavailable") otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  /** Publishes a notification to every process on this database (PostgreSQL NOTIFY). */
  notify(channel: string, payload: string): Promise<void>;
  /** Subscribes to a channel; resolves once the subscription is active. */
  listen(channel: string, listener: Listener): Promise<() => Promise<void>>;
  /**
   * Calls `listener` each time the notification connection is back after it was lost. Notifications
   * sent in between are gone, so listeners resynchronise here. PGlite never loses it: never called.
   */
  onReconnect(listener: () => void): () => void;
  /** Pool figures for /metrics. */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

// Relative to the working directory: the server, the scripts and the tests all run from the project root.
export const MIGRATIONS_FOLDER = path.resolve("db/migrations");
// An arbitrary constant shared by every process of this application.
const MIGRATION_LOCK_KEY = 7_402_001;
const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

function assertChannel(channel: string) {
  if (!CHANNEL_PATTERN.test(channel)) throw new Error(`invalid notification channel: ${channel}`);
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  logger?: Logger;
}): Promise<Database> {
  return options.databaseUrl
    ? openPostgres({ url: options.databaseUrl, poolSize: options.poolSize ?? 10, logger: options.logger })
    : openPglite({ dataDir: options.dataDir, logger: options.logger });
}

/**
 * PGlite takes no lock on its folder and two processes writing it corrupt it, so we take our own:
 * a lock file with the owner's pid. A stale file (its process is gone) is taken over.
 */
const openInThisProcess = new Set<string>();

function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "vakmanschap.lock");
  if (openInThisProcess.has(lockPath)) {
    throw new Error(`De map ${dataDir} is al in gebruik door dit proces. (The data folder is already open.)`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openNewPrivateFile(lockPath);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      openInThisProcess.add(lockPath);
      return () => {
        openInThisProcess.delete(lockPath);
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock with our own pid is stale: left by an earlier process that had the same pid (pid 1 in a container).
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `De map ${dataDir} is al in gebruik door proces ${owner}. Met de ingebouwde database kan maar één ` +
            "proces tegelijk draaien; stop het andere proces of zet DATABASE_URL voor meerdere processen. " +
            `(The data folder is in use by process ${owner}.)`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not take the lock file ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function openPglite(options: { dataDir: string; logger?: Logger }): Promise<Database> {
  // The folder holds every table in plain form (and, by default, the key file): the owner's only.
  const warning = ensurePrivateFolder(options.dataDir);
  if (warning) options.logger?.warn(warning);
  const releaseLock = acquireDataDirLock(options.dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(path.join(options.dataDir, "pglite"));
  } catch (error) {
    releaseLock();
    throw error;
  }
  const db: Db = drizzlePglite(client);
  return {
    db,
    kind: "pglite",
    async migrate() {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      try {
        await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      }
    },
    async ping(timeoutMs = 2000) {
      await withTimeout(client.query("select 1"), timeoutMs);
    },
    async notify(channel, payload) {
      assertChannel(channel);
      await client.query("select pg_notify($1, $2)", [channel, payload]);
    },
    async listen(channel, listener) {
      assertChannel(channel);
      const unsubscribe = await client.listen(channel, listener);
      return async () => unsubscribe();
    },
    onReconnect: () => () => {},
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    async close() {
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}

async function openPostgres(options: { url: string; poolSize: number; logger?: Logger }): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: 5000,
  });
  // An idle client that loses its connection emits here; without a handler the process would crash.
  pool.on("error", (error) => options.logger?.warn({ err: error }, "database pool client error"));
  const db: Db = drizzlePg(pool);
  const listeners = new Map<string, Set<Listener>>();
  const reconnectListeners = new Set<() => void>();
  let lost = false;
  let listenClient: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;

  // LISTEN needs a dedicated connection (a pooled one would hand our subscription to other work).
  async function connectListener(): Promise<pg.Client> {
    if (listenClient) return listenClient;
    connecting ??= (async () => {
      const client = new pg.Client({ connectionString: options.url });
      client.on("notification", (message) => {
        for (const listener of listeners.get(message.channel) ?? []) listener(message.payload ?? "");
      });
      client.on("error", (error) => {
        options.logger?.warn({ err: error }, "notification connection lost; reconnecting");
        listenClient = undefined;
        connecting = undefined;
        lost = true;
        if (!closed) setTimeout(() => void resubscribe(), 1000);
      });
      await client.connect();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${channel}`);
      listenClient = client;
      if (lost) {
        lost = false;
        for (const listener of reconnectListeners) {
          try {
            listener();
          } catch (error) {
            options.logger?.error({ err: error }, "reconnect listener failed");
          }
        }
      }
      return client;
    })();
    try {
      return await connecting;
    } catch (error) {
      connecting = undefined;
      throw error;
    }
  }

  async function resubscribe() {
    try {
      await connectListener();
    } catch (error) {
      options.logger?.warn({ err: error }, "notification reconnect failed; retrying");
      if (!closed) setTimeout(() => void resubscribe(), 2000);
    }
  }

  return {
    db,
    kind: "postgres",
    async migrate() {
      const client = new pg.Client({ connectionString: options.url });
      await client.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
        await client.end();
      }
    },
    async ping(timeoutMs = 2000) {
      await withTimeout(pool.query("select 1"), timeoutMs);
    },
    async notify(channel, payload) {
      assertChannel(channel);
      await pool.query("select pg_notify($1, $2)", [channel, payload]);
    },
    async listen(channel, listener) {
      assertChannel(channel);
      let set = listeners.get(channel);
      const isNew = !set;
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(listener);
      const client = await connectListener();
      if (isNew) await client.query(`LISTEN ${channel}`);
      return async () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(channel);
          await listenClient?.query(`UNLISTEN ${channel}`).catch(() => {});
        }
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => {
        reconnectListeners.delete(listener);
      };
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      closed = true;
      await listenClient?.end().catch(() => {});
      await pool.end();
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("unavailable", "problems.database.slow")), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unavailable", "problems.database.unreachable", { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
