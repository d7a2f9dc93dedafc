// The short evaluation after a kris-kras conversation: five statements answered from 1 (not at all) to
// 5 (completely), nothing else, so no answer can name anyone. The editors see only totals, and only
// from a minimum number of answers, so no single answer can be read back.

export const EVALUATION_QUESTIONS = ["waardevol", "anderen", "eerlijk", "meenemen", "aanraden"] as const;
export type EvaluationQuestion = (typeof EVALUATION_QUESTIONS)[number];

/** Below this many answers the editors see how many came in, not what they said. */
export const EVALUATION_MINIMUM = 5;

export interface EvaluationSummary {
  answers: number;
  /** Per question: how many chose 1…5 and the mean; absent below the minimum. */
  questions?: Record<EvaluationQuestion, { counts: number[]; mean: number }>;
}

/** The totals of a round's evaluations, hidden below the minimum. */
export function summarizeEvaluations(rows: Record<string, unknown>[]): EvaluationSummary {
  if (rows.length < EVALUATION_MINIMUM) return { answers: rows.length };
  const questions = {} as NonNullable<EvaluationSummary["questions"]>;
  for (const question of EVALUATION_QUESTIONS) {
    const counts = [0, 0, 0, 0, 0];
    let sum = 0;
    let n = 0;
    for (const row of rows) {
      const score = Number(row[question]);
      if (!Number.isInteger(score) || score < 1 || score > 5) continue;
      counts[score - 1] = (counts[score - 1] ?? 0) + 1;
      sum += score;
      n += 1;
    }
    questions[question] = { counts, mean: n === 0 ? 0 : Math.round((sum / n) * 10) / 10 };
  }
  return { answers: rows.length, questions };
}
