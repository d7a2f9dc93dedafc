// What a finished round keeps. KRISKRAS_SIGNUP_RETENTION_DAYS after its last slot the sign-ups go
// (answers, availability, access needs, groups, invitations, evaluations), and the round keeps only
// totals: sign-ups per organisation and per kind of work, groups, people placed and the evaluation's
// totals (the insights read them). Who met whom is kept longer, KRISKRAS_MEETINGS_RETENTION_DAYS, to
// keep people apart in later rounds, and then goes too.
import { and, count, eq, inArray, isNull, lt, max } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { getEvaluationSummary } from "./evaluations.server.ts";
import {
  kriskrasEvaluations,
  kriskrasGroupMembers,
  kriskrasGroups,
  kriskrasMeetings,
  kriskrasOrganisations,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "./kriskras.schema.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Purges the rounds that are due and the meetings that are too old; says how many of each. */
export async function purgeKriskras(options: {
  db: Db;
  signupRetentionDays: number;
  meetingsRetentionDays: number;
  now?: Date;
}): Promise<{ rounds: number; meetings: number }> {
  const { db } = options;
  const now = options.now ?? new Date();
  const signupsBefore = new Date(now.getTime() - options.signupRetentionDays * DAY_MS);
  const due = await db
    .select({ id: kriskrasRounds.id, lastEnd: max(kriskrasSlots.endsAt) })
    .from(kriskrasRounds)
    .innerJoin(kriskrasSlots, eq(kriskrasSlots.roundId, kriskrasRounds.id))
    .where(isNull(kriskrasRounds.purgedAt))
    .groupBy(kriskrasRounds.id)
    .having(lt(max(kriskrasSlots.endsAt), signupsBefore));
  for (const round of due) await purgeRound(db, round.id, now);
  const meetings = await db
    .delete(kriskrasMeetings)
    .where(lt(kriskrasMeetings.metOn, new Date(now.getTime() - options.meetingsRetentionDays * DAY_MS)))
    .returning({ low: kriskrasMeetings.userLow });
  return { rounds: due.length, meetings: meetings.length };
}

async function purgeRound(db: Db, roundId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const perOrganisation = await tx
      .select({ organisation: kriskrasOrganisations.name, signups: count() })
      .from(kriskrasSignups)
      .innerJoin(kriskrasOrganisations, eq(kriskrasOrganisations.id, kriskrasSignups.organisationId))
      .where(eq(kriskrasSignups.roundId, roundId))
      .groupBy(kriskrasOrganisations.name);
    const perWorkKind = await tx
      .select({ workKind: kriskrasSignups.workKind, signups: count() })
      .from(kriskrasSignups)
      .where(eq(kriskrasSignups.roundId, roundId))
      .groupBy(kriskrasSignups.workKind);
    const groups = await tx
      .select({ id: kriskrasGroups.id })
      .from(kriskrasGroups)
      .where(eq(kriskrasGroups.roundId, roundId));
    const [placed] =
      groups.length === 0
        ? [{ n: 0 }]
        : await tx
            .select({ n: count() })
            .from(kriskrasGroupMembers)
            .where(
              inArray(
                kriskrasGroupMembers.groupId,
                groups.map((group) => group.id),
              ),
            );
    const evaluations = await getEvaluationSummary({ db: tx, roundId });
    await tx
      .update(kriskrasRounds)
      .set({
        purgedAt: now,
        aggregates: {
          signups: perOrganisation.reduce((sum, row) => sum + row.signups, 0),
          signupsPerOrganisation: Object.fromEntries(
            perOrganisation.map((row) => [row.organisation, row.signups]),
          ),
          signupsPerWorkKind: Object.fromEntries(perWorkKind.map((row) => [row.workKind, row.signups])),
          groups: groups.length,
          placed: placed?.n ?? 0,
          evaluations,
        },
      })
      .where(and(eq(kriskrasRounds.id, roundId), isNull(kriskrasRounds.purgedAt)));
    // Groups first: their host points at a sign-up. Members, availability and invitations go with them.
    await tx.delete(kriskrasGroups).where(eq(kriskrasGroups.roundId, roundId));
    await tx.delete(kriskrasSignups).where(eq(kriskrasSignups.roundId, roundId));
    await tx.delete(kriskrasEvaluations).where(eq(kriskrasEvaluations.roundId, roundId));
  });
}
