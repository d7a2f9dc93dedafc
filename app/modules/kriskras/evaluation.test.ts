import { describe, expect, it } from "vitest";
import { EVALUATION_MINIMUM, summarizeEvaluations } from "./evaluation.ts";
import { EvaluationInput } from "./kriskras.validation.ts";

const answer = (score: number) => ({
  waardevol: score,
  anderen: score,
  eerlijk: 5,
  meenemen: 4,
  aanraden: score,
});

describe("the evaluation", () => {
  it("takes five answers from 1 to 5 and says what is missing", () => {
    expect(EvaluationInput.safeParse({ ...answer(3) }).success).toBe(true);
    const missing = EvaluationInput.safeParse({ waardevol: "3", anderen: "9" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.message)).toContain("problems.kriskras.score");
  });

  it("shows totals only from the minimum number of answers", () => {
    const few = Array.from({ length: EVALUATION_MINIMUM - 1 }, () => answer(4));
    expect(summarizeEvaluations(few)).toEqual({ answers: EVALUATION_MINIMUM - 1 });
    const enough = [answer(1), answer(2), answer(4), answer(4), answer(5)];
    const summary = summarizeEvaluations(enough);
    expect(summary.answers).toBe(5);
    expect(summary.questions?.waardevol).toEqual({ counts: [1, 1, 0, 2, 1], mean: 3.2 });
    expect(summary.questions?.eerlijk).toEqual({ counts: [0, 0, 0, 0, 5], mean: 5 });
  });
});
