import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { AnswerValue, canReveal, shiftBetween, tallyOf } from "./tallies.ts";

const nl = translatorFor("nl");

/** Answers as they arrive from the phones. */
const answers = (...values: string[]) => values.map((value) => ({ value }));

const sharesOf = (options: { share: number }[]) => options.reduce((sum, option) => sum + option.share, 0);

describe("tallyOf for a dilemma", () => {
  it("counts A and B, and shows shares in whole percentage points", () => {
    const tally = tallyOf("dilemma", answers("a", "a", "b", "a"));
    expect(tally).toEqual({
      kind: "dilemma",
      count: 4,
      ignored: 0,
      options: [
        { value: "a", count: 3, share: 75 },
        { value: "b", count: 1, share: 25 },
      ],
    });
  });

  it("counts 'iets anders' only when the question allows it", () => {
    const values = answers("a", "b", "anders");
    expect(tallyOf("dilemma", values, { allowOther: true }).options.map((option) => option.count)).toEqual([
      1, 1, 1,
    ]);
    const without = tallyOf("dilemma", values);
    expect(without.options.map((option) => option.value)).toEqual(["a", "b"]);
    expect(without).toMatchObject({ count: 2, ignored: 1 });
  });

  it("shares of three equal groups still add up to 100", () => {
    const tally = tallyOf("dilemma", answers("a", "b", "anders"), { allowOther: true });
    expect(tally.options.map((option) => option.share)).toEqual([34, 33, 33]);
  });

  it("ignores values that are not a choice of this question", () => {
    const tally = tallyOf("dilemma", answers("a", "A", "c", "", "3", " b"));
    expect(tally).toMatchObject({ count: 1, ignored: 5 });
    expect(tally.options[0]).toEqual({ value: "a", count: 1, share: 100 });
  });

  it("an empty round has zero counts and zero shares", () => {
    expect(tallyOf("dilemma", [])).toEqual({
      kind: "dilemma",
      count: 0,
      ignored: 0,
      options: [
        { value: "a", count: 0, share: 0 },
        { value: "b", count: 0, share: 0 },
      ],
    });
  });
});

describe("tallyOf for a scale", () => {
  it("counts 1 to 5 and gives the mean to one decimal and the median", () => {
    const tally = tallyOf("schaal", answers("1", "2", "2", "5"));
    expect(tally.options.map((option) => [option.value, option.count])).toEqual([
      ["1", 1],
      ["2", 2],
      ["3", 0],
      ["4", 0],
      ["5", 1],
    ]);
    expect(tally.mean).toBe(2.5);
    expect(tally.median).toBe(2);
    expect(sharesOf(tally.options)).toBe(100);
  });

  it("rounds the mean and takes the middle answer of an odd count", () => {
    const tally = tallyOf("schaal", answers("4", "1", "2"));
    expect(tally.mean).toBe(2.3);
    expect(tally.median).toBe(2);
  });

  it("halves between the two middle answers of an even count", () => {
    expect(tallyOf("schaal", answers("4", "3", "1", "5")).median).toBe(3.5);
  });

  it("has no mean or median without answers", () => {
    const tally = tallyOf("schaal", answers("0", "6", "drie"));
    expect(tally).toMatchObject({ count: 0, ignored: 3, mean: null, median: null });
    expect(sharesOf(tally.options)).toBe(0);
  });
});

describe("tallyOf for an open question", () => {
  it("only counts; the texts are moderated elsewhere", () => {
    expect(tallyOf("open", answers("Meer tijd om te bellen.", "  ", "x".repeat(281), "Koffie"))).toEqual({
      kind: "open",
      count: 2,
      ignored: 2,
    });
  });
});

describe("shares", () => {
  it("always add up to exactly 100 when there are answers", () => {
    const value = fc.constantFrom("1", "2", "3", "4", "5");
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), (values) => {
        const tally = tallyOf("schaal", answers(...values));
        expect(sharesOf(tally.options)).toBe(100);
        for (const option of tally.options) {
          // Never more than one point away from the exact share.
          expect(Math.abs(option.share - (option.count * 100) / tally.count)).toBeLessThan(1);
        }
      }),
    );
  });
});

describe("canReveal", () => {
  it("waits for three answers by default", () => {
    expect(canReveal(2)).toBe(false);
    expect(canReveal(3)).toBe(true);
  });

  it("follows the facilitator's minimum", () => {
    expect(canReveal(4, 5)).toBe(false);
    expect(canReveal(5, 5)).toBe(true);
  });

  it("never goes below the floor of three, whatever minimum a conversation holds", () => {
    expect(canReveal(0, 0)).toBe(false);
    expect(canReveal(1, 1)).toBe(false);
    expect(canReveal(2, 2)).toBe(false);
    expect(canReveal(3, 1)).toBe(true);
  });
});

describe("shiftBetween", () => {
  it("shows per option how the share moved in the re-vote", () => {
    const before = tallyOf("dilemma", answers("a", "a", "a", "b"));
    const after = tallyOf("dilemma", answers("a", "b", "b", "b", "b"));
    const shift = shiftBetween(before, after);
    expect(shift).toEqual({
      kind: "dilemma",
      countBefore: 4,
      countAfter: 5,
      meanChange: null,
      options: [
        { value: "a", before: { count: 3, share: 75 }, after: { count: 1, share: 20 }, change: -55 },
        { value: "b", before: { count: 1, share: 25 }, after: { count: 4, share: 80 }, change: 55 },
      ],
    });
  });

  it("changes on a scale cancel out, and the mean's move is given", () => {
    const before = tallyOf("schaal", answers("1", "2", "3"));
    const after = tallyOf("schaal", answers("3", "4", "4"));
    const shift = shiftBetween(before, after);
    expect(shift.options.reduce((sum, option) => sum + (option.change ?? 0), 0)).toBe(0);
    expect(shift.meanChange).toBe(1.7);
  });

  it("has no change when a round is empty", () => {
    const shift = shiftBetween(tallyOf("dilemma", answers("a", "b", "b")), tallyOf("dilemma", []));
    expect(shift.options.map((option) => option.change)).toEqual([null, null]);
    expect(shift.options[1]?.before).toEqual({ count: 2, share: 67 });
  });

  it("keeps 'iets anders' when it was allowed in only one round", () => {
    const before = tallyOf("dilemma", answers("a", "b"));
    const after = tallyOf("dilemma", answers("a", "anders"), { allowOther: true });
    const other = shiftBetween(before, after).options.find((option) => option.value === "anders");
    expect(other).toEqual({
      value: "anders",
      before: { count: 0, share: 0 },
      after: { count: 1, share: 50 },
      change: 50,
    });
  });

  it("refuses to compare a dilemma with a scale", () => {
    expect(() => shiftBetween(tallyOf("dilemma", []), tallyOf("schaal", []))).toThrow();
  });
});

describe("AnswerValue", () => {
  it("accepts A and B, and 'anders' only when allowed", () => {
    expect(AnswerValue("dilemma").safeParse("a").success).toBe(true);
    expect(AnswerValue("dilemma").safeParse("anders").success).toBe(false);
    expect(AnswerValue("dilemma", true).safeParse("anders").success).toBe(true);
  });

  it("says in Dutch which choices there are", () => {
    const said = (kind: "dilemma" | "schaal", value: string, allowOther = false) =>
      nl(AnswerValue(kind, allowOther).safeParse(value).error?.issues[0]?.message ?? "");
    expect(said("dilemma", "c")).toBe("Kies A of B.");
    expect(said("dilemma", "c", true)).toBe("Kies A, B of iets anders.");
    expect(said("schaal", "6")).toBe("Kies een getal van 1 tot en met 5.");
  });

  it("accepts the numbers 1 to 5 as text on a scale", () => {
    for (const value of ["1", "2", "3", "4", "5"]) expect(AnswerValue("schaal").parse(value)).toBe(value);
    for (const value of ["0", "6", "2.5", " 3", 3])
      expect(AnswerValue("schaal").safeParse(value).success).toBe(false);
  });

  it("trims an open answer and keeps it to 280 characters", () => {
    const schema = AnswerValue("open");
    expect(schema.parse("  Meer tijd om te bellen.  ")).toBe("Meer tijd om te bellen.");
    expect(schema.parse("x".repeat(280))).toHaveLength(280);
    expect(nl(schema.safeParse("x".repeat(281)).error?.issues[0]?.message ?? "")).toBe(
      "Je antwoord mag hoogstens 280 tekens hebben.",
    );
    expect(nl(schema.safeParse("   ").error?.issues[0]?.message ?? "")).toBe("Schrijf een kort antwoord.");
  });

  it("refuses an open answer with a NUL character", () => {
    expect(AnswerValue("open").safeParse("ja\u0000nee").success).toBe(false);
  });
});
