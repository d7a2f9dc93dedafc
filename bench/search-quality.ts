// How well a search answers the evaluation questions in bench/search-questions/: for each question,
// the rank of the first result that is one of its right answers. A paragraph counts as its part. Used
// by `npm run bench:search` and by tests/integration/search-quality.test.ts.
import fs from "node:fs";
import path from "node:path";

export interface EvaluationQuestion {
  query: string;
  /** Right answers, best first: `part:<slug>`, `card:<slug>`, `template:<key>`. */
  relevant: string[];
  typo: boolean;
}

export interface EvaluationSet {
  name: string;
  about: string;
  questions: EvaluationQuestion[];
}

export const QUESTION_SETS_DIR = path.resolve("bench/search-questions");

/** Every set in the folder, in name order. */
export function readQuestionSets(): EvaluationSet[] {
  return fs
    .readdirSync(QUESTION_SETS_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = JSON.parse(fs.readFileSync(path.join(QUESTION_SETS_DIR, file), "utf8")) as Omit<
        EvaluationSet,
        "name"
      >;
      return { name: file.replace(/\.json$/, ""), ...parsed };
    });
}

/** A result as the evaluation names it: what it answers with. */
export function answerOf(hit: { kind: string; slug: string }): string {
  if (hit.kind === "paragraph" || hit.kind === "part") return `part:${hit.slug}`;
  return `${hit.kind}:${hit.slug}`;
}

export interface Quality {
  questions: number;
  top1: number;
  top3: number;
  /** Mean reciprocal rank: 1 for a right first result, 1/2 for the second, 0 when none is right. */
  mrr: number;
  /** Questions without any right answer in the top 3, for reading, never for tuning. */
  missed: string[];
}

/** Runs every question through `search` (answers in rank order) and scores the ranks. */
export async function measureQuality(
  questions: readonly EvaluationQuestion[],
  search: (query: string) => Promise<string[]>,
): Promise<Quality> {
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  const missed: string[] = [];
  for (const question of questions) {
    const answers = await search(question.query);
    const rank = answers.findIndex((answer) => question.relevant.includes(answer));
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    else missed.push(question.query);
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  const n = questions.length;
  return { questions: n, top1: top1 / n, top3: top3 / n, mrr: reciprocal / n, missed };
}
