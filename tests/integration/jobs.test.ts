// The job queue: background work runs once across processes, failures are retried with growing delays
// and given up after the last attempt, and a worker wakes promptly when told a job is waiting.
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { jobs } from "../../app/infra/jobs.schema.ts";
import {
  claimDueJob,
  enqueueJob,
  type Job,
  type JobHandler,
  runDueJobs,
  startJobWorker,
} from "../../app/infra/jobs.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import { eventually } from "./eventually.ts";

const silent = pino({ level: "silent" });

describe.each(databaseKinds)("job queue on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });
  beforeEach(async () => {
    await database.db.delete(jobs);
  });

  async function jobById(id: number): Promise<Job> {
    const [job] = await database.db.select().from(jobs).where(eq(jobs.id, id));
    if (!job) throw new Error(`job ${id} not found`);
    return job;
  }

  /** Makes a job planned for later due now, instead of waiting out its retry delay. */
  async function makeDue(id: number) {
    await database.db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.id, id));
  }

  it("a queued job runs once with its payload and is marked done", async () => {
    const seen: { payload: Record<string, unknown>; attempts: number }[] = [];
    const id = await enqueueJob({ db: database.db, kind: "greet", payload: { name: "Anna" } });

    const counts = await runDueJobs({
      db: database.db,
      handlers: { greet: async (payload, job) => void seen.push({ payload, attempts: job.attempts }) },
    });

    expect(counts).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ payload: { name: "Anna" }, attempts: 1 }]);
    const job = await jobById(id);
    expect(job.doneAt).toBeInstanceOf(Date);
    expect(job.lockedUntil).toBeNull();
    expect(await runDueJobs({ db: database.db, handlers: { greet: async () => {} } })).toEqual({
      done: 0,
      retried: 0,
      failed: 0,
    });
  });

  it("a job planned for later waits for its time, and a batch stops at its limit", async () => {
    await enqueueJob({ db: database.db, kind: "later", payload: {}, runAt: new Date(Date.now() + 60_000) });
    for (let n = 0; n < 3; n++) await enqueueJob({ db: database.db, kind: "now", payload: { n } });
    const ran: string[] = [];
    const handlers = {
      later: async () => void ran.push("later"),
      now: async (payload: Record<string, unknown>) => void ran.push(`now ${payload.n}`),
    };

    expect(await runDueJobs({ db: database.db, handlers, limit: 2 })).toMatchObject({ done: 2 });
    expect(await runDueJobs({ db: database.db, handlers })).toMatchObject({ done: 1 });
    expect(ran).toEqual(["now 0", "now 1", "now 2"]);
  });

  it("a job enqueued in a transaction exists only if the transaction commits", async () => {
    await database.db
      .transaction(async (tx) => {
        await enqueueJob({ db: tx, kind: "rolled-back", payload: {} });
        throw new Error("the change failed");
      })
      .catch(() => {});
    await database.db.transaction(async (tx) => {
      await enqueueJob({ db: tx, kind: "committed", payload: {} });
    });

    const rows = await database.db.select({ kind: jobs.kind }).from(jobs);
    expect(rows).toEqual([{ kind: "committed" }]);
  });

  it("fifty jobs handled by three processes at the same time each run exactly once", async () => {
    // Three connection sets on PostgreSQL, as three app processes would have; PGlite allows one
    // process, so there three concurrent batches share the one connection.
    const others = kind === "postgres" ? [await test.openAnother(), await test.openAnother()] : [];
    const workers = [database, ...others, ...(kind === "postgres" ? [] : [database, database])];
    try {
      const ids = new Set<number>();
      for (let n = 0; n < 50; n++)
        ids.add(await enqueueJob({ db: database.db, kind: "count", payload: { n } }));
      const runsPerJob = new Map<number, number>();
      const count: JobHandler = async (_payload, job) => {
        runsPerJob.set(job.id, (runsPerJob.get(job.id) ?? 0) + 1);
        // Yield, so the batches interleave.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      };

      const results = await Promise.all(
        workers.map((worker) => runDueJobs({ db: worker.db, handlers: { count } })),
      );

      expect(results.reduce((sum, counts) => sum + counts.done, 0)).toBe(50);
      // They really competed: more than one took a share.
      expect(results.filter((counts) => counts.done > 0).length).toBeGreaterThan(1);
      expect([...runsPerJob.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      expect([...runsPerJob.values()].every((runs) => runs === 1)).toBe(true);
      const notDone = await database.db.select().from(jobs).where(sql`${jobs.doneAt} is null`);
      expect(notDone).toEqual([]);
    } finally {
      for (const other of others) await other.close();
    }
  });

  it("a job that keeps failing is retried with growing delays and given up after its last attempt", async () => {
    const id = await enqueueJob({ db: database.db, kind: "flaky", payload: {}, maxAttempts: 3 });
    const handlers = {
      flaky: async () => {
        throw new Error("the remote service is down");
      },
    };
    const secondsUntilRetry = async () => {
      const [row] = await database.db
        .select({ seconds: sql<number>`extract(epoch from ${jobs.runAt} - now())::float8` })
        .from(jobs)
        .where(eq(jobs.id, id));
      return row?.seconds ?? Number.NaN;
    };

    expect(await runDueJobs({ db: database.db, handlers, logger: silent })).toEqual({
      done: 0,
      retried: 1,
      failed: 0,
    });
    expect(await secondsUntilRetry()).toBeGreaterThan(25);
    expect(await secondsUntilRetry()).toBeLessThanOrEqual(30);
    let job = await jobById(id);
    expect(job).toMatchObject({ attempts: 1, lockedUntil: null, failedAt: null });
    expect(job.lastError).toBe("Error: the remote service is down");
    // Not due again until its delay has passed.
    expect(await runDueJobs({ db: database.db, handlers, logger: silent })).toMatchObject({ retried: 0 });

    await makeDue(id);
    expect(await runDueJobs({ db: database.db, handlers, logger: silent })).toMatchObject({ retried: 1 });
    expect(await secondsUntilRetry()).toBeGreaterThan(55);
    expect(await secondsUntilRetry()).toBeLessThanOrEqual(60);

    await makeDue(id);
    expect(await runDueJobs({ db: database.db, handlers, logger: silent })).toEqual({
      done: 0,
      retried: 0,
      failed: 1,
    });
    job = await jobById(id);
    expect(job.attempts).toBe(3);
    expect(job.failedAt).toBeInstanceOf(Date);
    expect(job.doneAt).toBeNull();

    await makeDue(id);
    expect(await runDueJobs({ db: database.db, handlers, logger: silent })).toMatchObject({ failed: 0 });
  });

  it("a job of a kind nobody handles fails with an error that names the kind", async () => {
    const id = await enqueueJob({ db: database.db, kind: "unheard-of", payload: {}, maxAttempts: 1 });

    const counts = await runDueJobs({ db: database.db, handlers: { mail: async () => {} }, logger: silent });

    expect(counts).toEqual({ done: 0, retried: 0, failed: 1 });
    const job = await jobById(id);
    expect(job.failedAt).toBeInstanceOf(Date);
    expect(job.lastError).toBe('Error: no handler for job kind "unheard-of" (this process handles: mail)');
  });

  it("a job claimed by a process that died is taken again once its lease runs out", async () => {
    const id = await enqueueJob({ db: database.db, kind: "report", payload: {} });
    const claimed = await claimDueJob({ db: database.db, lockSeconds: 60 });
    expect(claimed).toMatchObject({ id, attempts: 1 });
    const ran: number[] = [];
    const handlers = {
      report: async (_payload: Record<string, unknown>, job: Job) => void ran.push(job.attempts),
    };

    // The claiming process "dies": while its lease holds, nobody else takes the job.
    expect(await runDueJobs({ db: database.db, handlers })).toMatchObject({ done: 0 });
    await database.db
      .update(jobs)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, id));
    expect(await runDueJobs({ db: database.db, handlers })).toMatchObject({ done: 1 });
    expect(ran).toEqual([2]);
    expect((await jobById(id)).doneAt).toBeInstanceOf(Date);
  });

  it("a worker picks up a job promptly once it is enqueued, and stops after its running job", async () => {
    const ran: string[] = [];
    let releaseSlowJob = () => {};
    const handlers = {
      quick: async () => void ran.push("quick"),
      slow: async () => {
        await new Promise<void>((resolve) => {
          releaseSlowJob = resolve;
        });
        ran.push("slow");
      },
    };
    // A poll interval far beyond the test: only the notification can wake the worker in time.
    const worker = await startJobWorker({ database, handlers, logger: silent, pollMs: 60_000 });
    try {
      await enqueueJob({ db: database.db, kind: "quick", payload: {} });
      await eventually(() => ran.includes("quick"), 2000);

      const slowId = await enqueueJob({ db: database.db, kind: "slow", payload: {} });
      await eventually(async () => (await jobById(slowId)).attempts === 1, 2000);
      let stopped = false;
      const stopping = worker.stop().then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stopped).toBe(false);
      releaseSlowJob();
      await stopping;
      expect(ran).toEqual(["quick", "slow"]);
      expect((await jobById(slowId)).doneAt).toBeInstanceOf(Date);
    } finally {
      await worker.stop();
    }
  });

  it("a job enqueued with the change that causes it wakes the workers when that change commits", async () => {
    const ran: string[] = [];
    const worker = await startJobWorker({
      database,
      handlers: { mail: async (payload) => void ran.push(String(payload.to)) },
      logger: silent,
      pollMs: 60_000,
    });
    try {
      await database.db
        .transaction(async (tx) => {
          await enqueueJob({ db: tx, kind: "mail", payload: { to: "rolled-back" } });
          throw new Error("the change fails");
        })
        .catch(() => {});
      await database.db.transaction(async (tx) => {
        await enqueueJob({ db: tx, kind: "mail", payload: { to: "committed" } });
      });
      await eventually(() => ran.length > 0, 2000);
      expect(ran).toEqual(["committed"]);
    } finally {
      await worker.stop();
    }
  });

  it("a worker whose database is briefly unusable logs the failure and carries on", async () => {
    const errors: string[] = [];
    const logger = pino(
      { level: "error" },
      { write: (line: string) => void errors.push(JSON.parse(line).msg as string) },
    );
    const ran: string[] = [];
    await database.db.execute(sql`alter table jobs rename to jobs_away`);
    let worker: Awaited<ReturnType<typeof startJobWorker>> | undefined;
    try {
      worker = await startJobWorker({
        database,
        handlers: { quick: async () => void ran.push("quick") },
        logger,
        pollMs: 60_000,
      });
      await eventually(() => errors.length > 0, 2000);
      expect(errors[0]).toBe("job batch failed; trying again at the next poll");
    } finally {
      await database.db.execute(sql`alter table jobs_away rename to jobs`);
    }
    try {
      await enqueueJob({ db: database.db, kind: "quick", payload: {} });
      await eventually(() => ran.length === 1, 2000);
    } finally {
      await worker?.stop();
    }
  });
});
