// Works out the insights' atoms again from the counters and the other modules' tables (decision 026):
// the `insights-refresh` job, every hour. The dashboard reads nothing else, so it stays fast whatever the
// size of the tables behind it. Periods are Amsterdam months and ISO weeks; only periods that have ended
// get atoms (and a kris-kras round once its sign-up has closed), so a figure never moves while someone
// watches it, and two looks a day apart cannot tell one person's doing.
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { jobs } from "../../infra/jobs.schema.ts";
import { enqueueJob, type JobHandler } from "../../infra/jobs.server.ts";
import { computeAtoms } from "./atom-sources.server.ts";
import { insightSearchMisses } from "./insights.schema.ts";

export const INSIGHTS_REFRESH_JOB = "insights-refresh";
/** Rows per insert statement: one JSON parameter each. */
const CHUNK = 2000;

/** Replaces every atom in one transaction; two processes doing it at once take turns. */
export async function refreshInsights(options: { db: Db; now?: Date }): Promise<{ atoms: number }> {
  const now = options.now ?? new Date();
  const atoms = await computeAtoms({ db: options.db, now });
  await options.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('insight_atoms'))`);
    await tx.execute(sql`delete from insight_atoms`);
    for (let start = 0; start < atoms.length; start += CHUNK) {
      const chunk = atoms.slice(start, start + CHUNK);
      await tx.execute(sql`
        insert into insight_atoms (topic, period, month, key, size, values, computed_at)
        select topic, period, month, key, size, values, ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
          as atom(topic text, period text, month date, key text, size integer, values jsonb)`);
    }
  });
  return { atoms: atoms.length };
}

/**
 * Asks the job runner to work the atoms out again, unless that is already asked: the hourly
 * maintenance calls it in every process, and one run is enough.
 */
export async function scheduleInsightsRefresh(options: { db: Db }): Promise<boolean> {
  const pending = await options.db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, INSIGHTS_REFRESH_JOB), isNull(jobs.doneAt), isNull(jobs.failedAt)))
    .limit(1);
  if (pending.length > 0) return false;
  await enqueueJob({ db: options.db, kind: INSIGHTS_REFRESH_JOB, payload: {}, maxAttempts: 3 });
  return true;
}

/** The job's handler: the whole refresh, in its own transaction. */
export function insightsRefreshHandler(options: { db: Db }): JobHandler {
  return async () => {
    await refreshInsights({ db: options.db });
  };
}

/** Deletes the texts of searches that found nothing once they are older than the retention. */
export async function pruneSearchMisses(options: {
  db: Db;
  retentionDays: number;
  now?: Date;
}): Promise<number> {
  const before = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
  const removed = await options.db
    .delete(insightSearchMisses)
    .where(lt(insightSearchMisses.day, before.toISOString().slice(0, 10)))
    .returning({ query: insightSearchMisses.query });
  return removed.length;
}
