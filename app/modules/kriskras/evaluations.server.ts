// Evaluating a kris-kras conversation: once per sign-up, after the person's slot has begun. The answers
// are stored without any link to the person, their group or the time; the sign-up only remembers that
// it was done, so nobody evaluates twice.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { type EvaluationSummary, summarizeEvaluations } from "./evaluation.ts";
import {
  kriskrasEvaluations,
  kriskrasGroupMembers,
  kriskrasGroups,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "./kriskras.schema.ts";
import type { EvaluationInput } from "./kriskras.validation.ts";

const NOT_FOUND = "problems.kriskras.evaluationNotFound";

/** `open` to evaluate now, `too-early` before the slot began, `done` once evaluated. */
export type EvaluationState = "open" | "too-early" | "done";

/** Whether this person can evaluate the round now; 404 for a round they took no part in. */
export async function getEvaluationState(options: {
  db: Db;
  roundId: string;
  userId: string;
  now?: Date;
}): Promise<{ title: string; state: EvaluationState }> {
  const { db } = options;
  if (!z.uuid().safeParse(options.roundId).success) throw new AppError("not_found", NOT_FOUND);
  const [row] = await db
    .select({
      title: kriskrasRounds.title,
      evaluated: kriskrasSignups.evaluated,
      slotStart: kriskrasSlots.startsAt,
    })
    .from(kriskrasSignups)
    .innerJoin(kriskrasRounds, eq(kriskrasRounds.id, kriskrasSignups.roundId))
    .innerJoin(kriskrasGroupMembers, eq(kriskrasGroupMembers.signupId, kriskrasSignups.id))
    .innerJoin(kriskrasGroups, eq(kriskrasGroups.id, kriskrasGroupMembers.groupId))
    .innerJoin(kriskrasSlots, eq(kriskrasSlots.id, kriskrasGroups.slotId))
    .where(and(eq(kriskrasSignups.roundId, options.roundId), eq(kriskrasSignups.userId, options.userId)));
  if (!row) throw new AppError("not_found", NOT_FOUND);
  const now = options.now ?? new Date();
  const state: EvaluationState = row.evaluated ? "done" : row.slotStart > now ? "too-early" : "open";
  return { title: row.title, state };
}

/** Stores one evaluation and marks the sign-up as done, in one transaction; refuses a second one. */
export async function submitEvaluation(options: {
  db: Db;
  roundId: string;
  userId: string;
  answers: EvaluationInput;
  now?: Date;
}): Promise<void> {
  const { state } = await getEvaluationState(options);
  if (state === "done") throw new AppError("conflict", "problems.kriskras.evaluatedAlready");
  if (state === "too-early") {
    throw new AppError("conflict", "problems.kriskras.evaluationTooEarly");
  }
  await options.db.transaction(async (tx) => {
    // Marked first, conditionally: of two evaluations sent at once, only one gets through.
    const marked = await tx
      .update(kriskrasSignups)
      .set({ evaluated: true })
      .where(
        and(
          eq(kriskrasSignups.roundId, options.roundId),
          eq(kriskrasSignups.userId, options.userId),
          eq(kriskrasSignups.evaluated, false),
        ),
      )
      .returning({ id: kriskrasSignups.id });
    if (marked.length === 0) throw new AppError("conflict", "problems.kriskras.evaluatedAlready");
    await tx.insert(kriskrasEvaluations).values({ roundId: options.roundId, answers: options.answers });
  });
}

/** The totals of a round's evaluations for the editors (hidden below the minimum number of answers). */
export async function getEvaluationSummary(options: { db: Db; roundId: string }): Promise<EvaluationSummary> {
  const rows = await options.db
    .select({ answers: kriskrasEvaluations.answers })
    .from(kriskrasEvaluations)
    .where(eq(kriskrasEvaluations.roundId, options.roundId));
  return summarizeEvaluations(rows.map((row) => row.answers));
}
