// A durable job queue in the `jobs` table: work that must happen once across all processes (mail now),
// and that survives a restart. A process claims a job with a row lock (SKIP LOCKED, so processes never
// wait on each other) and a lease in `locked_until`; a process that dies mid-job only delays the job
// until its lease runs out. A job runs once, unless a process dies between doing the work and recording
// it, or a handler outlives its lease: keep handlers well under `lockSeconds`.
import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database, Db } from "./db.server.ts";
import { jobs } from "./jobs.schema.ts";

export type Job = typeof jobs.$inferSelect;
export type JobHandler = (payload: Record<string, unknown>, job: Job) => Promise<void>;
/** Handlers by job kind. */
export type JobHandlers = Record<string, JobHandler>;
export interface JobRunCounts {
  done: number;
  /** Failed this time, planned again with a delay. */
  retried: number;
  /** Failed for the last allowed time; `failed_at` is set and the job is left alone. */
  failed: number;
}
export interface JobWorker {
  /** Stops polling and listening, and resolves once the running batch has finished its current job. */
  stop(): Promise<void>;
}

/** The notification channel that tells workers a job is waiting. */
export const JOBS_CHANNEL = "jobs";
export const DEFAULT_LOCK_SECONDS = 300;
const RETRY_BASE_SECONDS = 30;
const RETRY_MAX_SECONDS = 3600;
const LAST_ERROR_MAX_LENGTH = 2000;

/**
 * Adds a job and wakes the workers of every process; pass a transaction as `db` to enqueue it together
 * with the change that causes it. The job then exists only if that transaction commits, and so does the
 * wake-up: PostgreSQL delivers a notification sent in a transaction only on commit. Callers therefore
 * never wake the workers themselves.
 */
export async function enqueueJob(options: {
  db: Db;
  kind: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}): Promise<number> {
  const [row] = await options.db
    .insert(jobs)
    .values({
      kind: options.kind,
      payload: options.payload,
      runAt: options.runAt,
      maxAttempts: options.maxAttempts,
    })
    .returning({ id: jobs.id });
  if (!row) throw new Error(`enqueueing a job of kind "${options.kind}" returned no row`);
  await options.db.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${options.kind})`);
  return row.id;
}

/** Claims one due job for `lockSeconds`, counting the attempt; undefined when nothing is due. */
export async function claimDueJob(options: { db: Db; lockSeconds: number }): Promise<Job | undefined> {
  const { db } = options;
  // Times come from the database clock, so processes on machines with drifting clocks agree.
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        isNull(jobs.doneAt),
        isNull(jobs.failedAt),
        lte(jobs.runAt, sql`now()`),
        or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(1)
    .for("update", { skipLocked: true });
  // One statement: the row lock is held only while the lease is written, and a row another process
  // claimed in the meantime is re-checked against the conditions (and skipped) by PostgreSQL.
  const [job] = await db
    .update(jobs)
    .set({
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${options.lockSeconds})`,
    })
    .where(eq(jobs.id, sql`(${due})`))
    .returning();
  return job;
}

/** Claims and runs due jobs one after another until none is due, `limit` jobs ran or `signal` aborts. */
export async function runDueJobs(options: {
  db: Db;
  handlers: JobHandlers;
  logger?: Logger;
  limit?: number;
  lockSeconds?: number;
  signal?: AbortSignal;
}): Promise<JobRunCounts> {
  const counts: JobRunCounts = { done: 0, retried: 0, failed: 0 };
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const lockSeconds = options.lockSeconds ?? DEFAULT_LOCK_SECONDS;
  while (counts.done + counts.retried + counts.failed < limit && !options.signal?.aborted) {
    const job = await claimDueJob({ db: options.db, lockSeconds });
    if (!job) break;
    counts[await runJob({ db: options.db, job, handlers: options.handlers, logger: options.logger })]++;
  }
  return counts;
}

async function runJob(options: {
  db: Db;
  job: Job;
  handlers: JobHandlers;
  logger?: Logger;
}): Promise<keyof JobRunCounts> {
  const { db, job, logger } = options;
  const log = { jobId: job.id, kind: job.kind, attempt: job.attempts };
  // `attempts` in the condition: if our lease ran out and another process claimed the job, its
  // outcome is the one that counts.
  const stillOurs = and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts));
  try {
    const handler = Object.hasOwn(options.handlers, job.kind) ? options.handlers[job.kind] : undefined;
    if (!handler) {
      // Retried like any failure: during a rolling deploy another process may know the kind.
      const known = Object.keys(options.handlers).join(", ") || "none";
      throw new Error(`no handler for job kind "${job.kind}" (this process handles: ${known})`);
    }
    await handler(job.payload, job);
  } catch (error) {
    const lastError = describeError(error).slice(0, LAST_ERROR_MAX_LENGTH);
    if (job.attempts >= job.maxAttempts) {
      const updated = await db
        .update(jobs)
        // Nothing will run it again, so its payload goes too: a mail's text holds a login link, and the
        // row stays for 7 days (the error says what went wrong).
        .set({ failedAt: sql`now()`, lockedUntil: null, lastError, payload: {} })
        .where(stillOurs)
        .returning({ id: jobs.id });
      if (updated.length === 0) warnLeaseLost(logger, log);
      logger?.error({ ...log, err: error }, "job failed for the last time; giving up");
      return "failed";
    }
    const delaySeconds = retryDelaySeconds(job.attempts);
    const updated = await db
      .update(jobs)
      .set({ runAt: sql`now() + make_interval(secs => ${delaySeconds})`, lockedUntil: null, lastError })
      .where(stillOurs)
      .returning({ id: jobs.id });
    if (updated.length === 0) warnLeaseLost(logger, log);
    logger?.warn({ ...log, err: error, retryInSeconds: delaySeconds }, "job failed; retrying later");
    return "retried";
  }
  const updated = await db
    .update(jobs)
    // A finished job keeps no payload: a sent mail's text (with its login link) is not kept around.
    .set({ doneAt: sql`now()`, lockedUntil: null, payload: {} })
    .where(stillOurs)
    .returning({ id: jobs.id });
  if (updated.length === 0) warnLeaseLost(logger, log);
  logger?.debug(log, "job done");
  return "done";
}

/** 30 s after the first failed attempt, doubling each time, at most an hour. */
function retryDelaySeconds(attempts: number): number {
  return Math.min(RETRY_BASE_SECONDS * 2 ** Math.max(attempts - 1, 0), RETRY_MAX_SECONDS);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function warnLeaseLost(logger: Logger | undefined, log: Record<string, unknown>) {
  logger?.warn(log, "job outlived its lease and was claimed again; this outcome is not recorded");
}

/**
 * Runs due jobs at start, every `pollMs`, and promptly when a job is enqueued in any process.
 * Resolves once it listens. Batches never overlap; a failing batch is logged and the next poll retries.
 */
export async function startJobWorker(options: {
  database: Pick<Database, "db" | "listen">;
  handlers: JobHandlers;
  logger: Logger;
  pollMs?: number;
  lockSeconds?: number;
}): Promise<JobWorker> {
  const { database, logger } = options;
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  let runAgain = false;

  async function drain() {
    do {
      runAgain = false;
      try {
        const counts = await runDueJobs({
          db: database.db,
          handlers: options.handlers,
          logger,
          lockSeconds: options.lockSeconds,
          signal: stopping.signal,
        });
        if (counts.done + counts.retried + counts.failed > 0) logger.debug(counts, "job batch finished");
      } catch (error) {
        logger.error({ err: error }, "job batch failed; trying again at the next poll");
      }
    } while (runAgain && !stopping.signal.aborted);
    // Cleared in the same synchronous step as the last check of runAgain, so no wake-up is lost.
    running = undefined;
  }

  function wake() {
    if (stopping.signal.aborted) return;
    if (running) {
      runAgain = true;
      return;
    }
    running = drain();
  }

  let unlisten: (() => Promise<void>) | undefined;
  try {
    unlisten = await database.listen(JOBS_CHANNEL, wake);
  } catch (error) {
    logger.warn({ err: error }, "could not listen for new jobs; relying on polling");
  }
  wake();
  const timer = setInterval(wake, options.pollMs ?? 5000);
  timer.unref();

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        clearInterval(timer);
        await unlisten?.().catch((error: unknown) => logger.warn({ err: error }, "could not stop listening"));
        await running;
      })();
      return stopped;
    },
  };
}

/** Deletes finished and failed jobs older than `days` (run by the maintenance timer). */
export async function pruneFinishedJobs(options: { db: Db; days?: number }): Promise<number> {
  const result = await options.db
    .delete(jobs)
    .where(
      sql`coalesce(${jobs.doneAt}, ${jobs.failedAt}) < now() - make_interval(days => ${options.days ?? 7})`,
    )
    .returning({ id: jobs.id });
  return result.length;
}
