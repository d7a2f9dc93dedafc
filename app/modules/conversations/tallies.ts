// Counting the answers of one round of a question, and how opinions moved between two rounds. Pure: the
// server counts with it and the big screen shows what it returns.
import { z } from "zod";
import { storableText } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";

export const QUESTION_KINDS = ["dilemma", "schaal", "open"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * Below this many answers a result stays hidden, so nobody's answer can be told apart. It is also the
 * floor: no configuration and no conversation can ask for fewer.
 */
export const REVEAL_FLOOR = 3;
export const OPEN_ANSWER_MAX_LENGTH = 280;

const DILEMMA_VALUES = ["a", "b"] as const;
const DILEMMA_VALUES_WITH_OTHER = ["a", "b", "anders"] as const;
const SCALE_VALUES = ["1", "2", "3", "4", "5"] as const;

/** The schema of one answer to a question of this kind; the phone's form and the server share it. */
export function AnswerValue(kind: QuestionKind, allowOther = false): z.ZodType<string> {
  // Every answer of every phone is checked: each schema is made once.
  const key = `${kind}:${allowOther}`;
  let schema = answerValues.get(key);
  if (!schema) {
    schema = answerValueOf(kind, allowOther);
    answerValues.set(key, schema);
  }
  return schema;
}

const answerValues = new Map<string, z.ZodType<string>>();

function answerValueOf(kind: QuestionKind, allowOther: boolean): z.ZodType<string> {
  switch (kind) {
    case "dilemma":
      return allowOther
        ? z.enum(DILEMMA_VALUES_WITH_OTHER, { error: "problems.conversations.chooseAOrBOrOther" })
        : z.enum(DILEMMA_VALUES, { error: "problems.conversations.chooseAOrB" });
    case "schaal":
      return z.enum(SCALE_VALUES, { error: "problems.conversations.chooseScale" });
    case "open":
      return storableText({
        missing: "problems.conversations.writeAnswer",
        min: 1,
        tooShort: "problems.conversations.writeAnswer",
        max: OPEN_ANSWER_MAX_LENGTH,
        tooLong: message("problems.conversations.answerTooLong", { max: OPEN_ANSWER_MAX_LENGTH }),
        unstorable: "problems.conversations.answerUnstorable",
      });
  }
}

export type OptionCount = {
  value: string;
  count: number;
  /** Whole percentage points; the shares of a round add up to exactly 100 (or are all 0). */
  share: number;
};

export type DilemmaTally = { kind: "dilemma"; count: number; ignored: number; options: OptionCount[] };
export type ScaleTally = {
  kind: "schaal";
  count: number;
  ignored: number;
  options: OptionCount[];
  /** One decimal; null without answers. */
  mean: number | null;
  /** The middle answer, or halfway between the two middle ones; null without answers. */
  median: number | null;
};
export type OpenTally = { kind: "open"; count: number; ignored: number };
export type Tally = DilemmaTally | ScaleTally | OpenTally;
export type ChoiceTally = DilemmaTally | ScaleTally;

/**
 * The distribution of one round's answers. Values that are not valid for the question (a stale "anders"
 * after the facilitator switched it off, an empty text) are counted as `ignored`, not as answers.
 */
export function tallyOf(
  kind: "dilemma",
  answers: readonly { value: string }[],
  options?: { allowOther?: boolean },
): DilemmaTally;
export function tallyOf(kind: "schaal", answers: readonly { value: string }[]): ScaleTally;
export function tallyOf(kind: "open", answers: readonly { value: string }[]): OpenTally;
export function tallyOf(
  kind: QuestionKind,
  answers: readonly { value: string }[],
  options?: { allowOther?: boolean },
): Tally;
export function tallyOf(
  kind: QuestionKind,
  answers: readonly { value: string }[],
  { allowOther = false }: { allowOther?: boolean } = {},
): Tally {
  const schema = AnswerValue(kind, allowOther);
  const valid = answers
    .filter((answer) => schema.safeParse(answer.value).success)
    .map((answer) => answer.value);
  const ignored = answers.length - valid.length;

  switch (kind) {
    case "open":
      return { kind, count: valid.length, ignored };
    case "dilemma":
      return {
        kind,
        count: valid.length,
        ignored,
        options: countsOf(allowOther ? DILEMMA_VALUES_WITH_OTHER : DILEMMA_VALUES, valid),
      };
    case "schaal": {
      const numbers = valid.map(Number).sort((x, y) => x - y);
      return {
        kind,
        count: valid.length,
        ignored,
        options: countsOf(SCALE_VALUES, valid),
        mean: numbers.length === 0 ? null : roundTo1(numbers.reduce((sum, n) => sum + n, 0) / numbers.length),
        median: medianOf(numbers),
      };
    }
  }
}

/** The minimum that holds for a conversation: its own, but never below the floor (older conversations may hold less). */
export function revealMinimum(minimum: number): number {
  return Math.max(REVEAL_FLOOR, minimum);
}

/** Whether a round's result may be shown: never below the conversation's minimum, and never below the floor. */
export function canReveal(count: number, minimum: number = REVEAL_FLOOR): boolean {
  return count >= revealMinimum(minimum);
}

export type OptionShift = {
  value: string;
  before: { count: number; share: number };
  after: { count: number; share: number };
  /** Percentage points, from the shares as shown; null when either round has no answers. */
  change: number | null;
};

export type Shift = {
  kind: ChoiceTally["kind"];
  countBefore: number;
  countAfter: number;
  options: OptionShift[];
  /** For a scale: how far the mean moved (one decimal); null otherwise or without answers. */
  meanChange: number | null;
};

/** How opinions moved from the first round to the re-vote, per option. */
export function shiftBetween(round1: ChoiceTally, round2: ChoiceTally): Shift {
  if (round1.kind !== round2.kind) {
    throw new Error(`shiftBetween: cannot compare a ${round1.kind} round with a ${round2.kind} round`);
  }
  const comparable = round1.count > 0 && round2.count > 0;
  // The options normally match; if "iets anders" was switched on or off in between, the union keeps both.
  const values = [...new Set([...round1.options, ...round2.options].map((option) => option.value))];
  const find = (tally: ChoiceTally, value: string) =>
    tally.options.find((option) => option.value === value) ?? { count: 0, share: 0 };

  const meanChange =
    round1.kind === "schaal" && round2.kind === "schaal" && round1.mean !== null && round2.mean !== null
      ? roundTo1(round2.mean - round1.mean)
      : null;

  return {
    kind: round1.kind,
    countBefore: round1.count,
    countAfter: round2.count,
    options: values.map((value) => {
      const before = find(round1, value);
      const after = find(round2, value);
      return {
        value,
        before: { count: before.count, share: before.share },
        after: { count: after.count, share: after.share },
        change: comparable ? after.share - before.share : null,
      };
    }),
    meanChange,
  };
}

function countsOf(values: readonly string[], answers: readonly string[]): OptionCount[] {
  const counts = values.map((value) => answers.filter((answer) => answer === value).length);
  const shares = wholeShares(counts);
  return values.map((value, index) => ({ value, count: counts[index] ?? 0, share: shares[index] ?? 0 }));
}

/**
 * Whole percentages that add up to exactly 100: round everything down, then give the missing points to
 * the largest remainders (ties go to the earlier option). Plain rounding would show 33 + 33 + 33.
 */
function wholeShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count * 100) / total);
  const shares = exact.map(Math.floor);
  let missing = 100 - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((x, y) => y.remainder - x.remainder || x.index - y.index);
  for (const { index } of byRemainder) {
    if (missing === 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    missing--;
  }
  return shares;
}

function medianOf(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

// `|| 0` turns a rounded -0 into 0, which reads better in tests and JSON alike.
const roundTo1 = (value: number) => Math.round(value * 10) / 10 || 0;
