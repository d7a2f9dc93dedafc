// After a kris-kras conversation, on each database: a participant evaluates once, without their answers
// being tied to them; editors see totals only from five answers; and once the retention period has
// passed, the round keeps its totals while the sign-ups, groups and evaluations go, and old meetings too.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { composeGroups } from "../../app/modules/kriskras/composition.server.ts";
import {
  getEvaluationState,
  getEvaluationSummary,
  submitEvaluation,
} from "../../app/modules/kriskras/evaluations.server.ts";
import {
  kriskrasEvaluations,
  kriskrasGroups,
  kriskrasMeetings,
  kriskrasRounds,
  kriskrasSignups,
} from "../../app/modules/kriskras/kriskras.schema.ts";
import { purgeKriskras } from "../../app/modules/kriskras/retention.server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import { createKriskrasChoices, createKriskrasRound, createKriskrasSignups } from "./kriskras-factory.ts";

const DAY = 24 * 60 * 60 * 1000;
const answers = (score: number) => ({
  waardevol: score,
  anderen: 4,
  eerlijk: 5,
  meenemen: score,
  aanraden: 4,
});

describe.each(databaseKinds)("kris-kras evaluation and retention on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  /** A round whose one slot was `daysAgo` days ago, with 12 people composed into one group. */
  async function pastRound(daysAgo: number) {
    const { db } = database;
    const organisations = await createKriskrasChoices(db);
    const start = new Date(Date.now() - daysAgo * DAY);
    const local = (date: Date) => ({
      date: date.toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" }),
      time: date.toLocaleTimeString("nl-NL", {
        timeZone: "Europe/Amsterdam",
        hour: "2-digit",
        minute: "2-digit",
      }),
    });
    const round = await createKriskrasRound(db, {
      signupOpensAt: new Date(start.getTime() - 40 * DAY),
      signupClosesAt: new Date(start.getTime() - 10 * DAY),
      slots: [{ start: local(start), endTime: "23:59", capacity: 14 }],
    });
    const signups = await createKriskrasSignups(db, {
      roundId: round.id,
      slotIds: round.slotIds,
      count: 12,
      organisations,
      answers: () => ["ja"],
    });
    await composeGroups({ db, roundId: round.id, timeLimitMs: 200 });
    const users = await db
      .select({ userId: kriskrasSignups.userId })
      .from(kriskrasSignups)
      .where(eq(kriskrasSignups.roundId, round.id));
    return { round, signups, userIds: users.map((user) => user.userId) };
  }

  it("takes one evaluation per person after the conversation, stored without a link to them", async () => {
    const { db } = database;
    const { round, userIds } = await pastRound(1);
    const [first, second] = userIds as [string, string];
    expect((await getEvaluationState({ db, roundId: round.id, userId: first })).state).toBe("open");
    await submitEvaluation({ db, roundId: round.id, userId: first, answers: answers(5) });
    expect((await getEvaluationState({ db, roundId: round.id, userId: first })).state).toBe("done");
    await expect(
      submitEvaluation({ db, roundId: round.id, userId: first, answers: answers(1) }),
    ).rejects.toThrow("problems.kriskras.evaluatedAlready");
    // Nothing in the stored evaluation points back to a person.
    const [stored] = await db
      .select()
      .from(kriskrasEvaluations)
      .where(eq(kriskrasEvaluations.roundId, round.id));
    expect(Object.keys(stored ?? {}).sort()).toEqual(["answers", "id", "roundId"]);
    expect(JSON.stringify(stored)).not.toContain(first);

    // Below five answers editors see only how many came in.
    expect(await getEvaluationSummary({ db, roundId: round.id })).toEqual({ answers: 1 });
    await submitEvaluation({ db, roundId: round.id, userId: second, answers: answers(3) });
    for (const userId of userIds.slice(2, 5)) {
      await submitEvaluation({ db, roundId: round.id, userId, answers: answers(4) });
    }
    const summary = await getEvaluationSummary({ db, roundId: round.id });
    expect(summary.answers).toBe(5);
    expect(summary.questions?.waardevol).toEqual({ counts: [0, 0, 1, 3, 1], mean: 4 });
  });

  it("lets nobody evaluate before their conversation, nor a round they took no part in", async () => {
    const { db } = database;
    const { round, userIds } = await pastRound(-3);
    expect((await getEvaluationState({ db, roundId: round.id, userId: userIds[0] ?? "" })).state).toBe(
      "too-early",
    );
    await expect(
      submitEvaluation({ db, roundId: round.id, userId: userIds[0] ?? "", answers: answers(4) }),
    ).rejects.toThrow("problems.kriskras.evaluationTooEarly");
    const other = await pastRound(1);
    await expect(
      getEvaluationState({ db, roundId: other.round.id, userId: userIds[0] ?? "" }),
    ).rejects.toThrow("problems.kriskras.evaluationNotFound");
  });

  it("keeps only the totals of a round once its retention period has passed, and drops old meetings", async () => {
    const { db } = database;
    const old = await pastRound(200);
    const recent = await pastRound(20);
    await submitEvaluation({ db, roundId: old.round.id, userId: old.userIds[0] ?? "", answers: answers(4) });
    const [low, high] = [old.userIds[0] ?? "", old.userIds[1] ?? ""].sort();
    await db.insert(kriskrasMeetings).values([
      {
        userLow: low ?? "",
        userHigh: high ?? "",
        roundId: old.round.id,
        metOn: new Date(Date.now() - 1200 * DAY),
      },
      {
        userLow: low ?? "",
        userHigh: high ?? "",
        roundId: old.round.id,
        metOn: new Date(Date.now() - 200 * DAY),
      },
    ]);

    const purged = await purgeKriskras({ db, signupRetentionDays: 183, meetingsRetentionDays: 1095 });
    expect(purged.rounds).toBeGreaterThanOrEqual(1);
    expect(purged.meetings).toBe(1);
    const [kept] = await db.select().from(kriskrasRounds).where(eq(kriskrasRounds.id, old.round.id));
    expect(kept?.purgedAt).not.toBeNull();
    expect(kept?.aggregates).toMatchObject({
      signups: 12,
      groups: 1,
      placed: 12,
      evaluations: { answers: 1 },
    });
    expect(await db.select().from(kriskrasSignups).where(eq(kriskrasSignups.roundId, old.round.id))).toEqual(
      [],
    );
    expect(await db.select().from(kriskrasGroups).where(eq(kriskrasGroups.roundId, old.round.id))).toEqual(
      [],
    );
    expect(
      await db.select().from(kriskrasEvaluations).where(eq(kriskrasEvaluations.roundId, old.round.id)),
    ).toEqual([]);
    // Who met whom stays (within its own period), and the recent round keeps everything.
    expect(
      await db
        .select()
        .from(kriskrasMeetings)
        .where(eq(kriskrasMeetings.userLow, low ?? "")),
    ).toHaveLength(1);
    expect(
      await db.select().from(kriskrasSignups).where(eq(kriskrasSignups.roundId, recent.round.id)),
    ).toHaveLength(12);
    // Running it again changes nothing.
    expect((await purgeKriskras({ db, signupRetentionDays: 183, meetingsRetentionDays: 1095 })).rounds).toBe(
      0,
    );
  });
});
