import { describe, expect, it } from "vitest";
import {
  consensusStatements,
  representativeStatements,
  type StatementTallies,
  shareOf,
  shareTest,
  type Tally,
  tallyStatements,
  twoShareTest,
  uncertainStatements,
} from "./statement-stats.ts";
import { buildVoteMatrix } from "./vote-matrix.ts";

const tally = (agree: number, disagree: number, pass = 0): Tally => ({ agree, disagree, pass });
const statement = (id: string, groups: Tally[]): StatementTallies => ({
  statement: id,
  all: groups.reduce((sum, group) =>
    tally(sum.agree + group.agree, sum.disagree + group.disagree, sum.pass + group.pass),
  ),
  byGroup: new Map(groups.map((group, index) => [index, group])),
});

describe("the statistics per statement", () => {
  it("adds one vote for and one against to a share, so few votes never make 100 %", () => {
    expect(shareOf(3, 3)).toBeCloseTo(0.8, 12);
    expect(shareOf(0, 0)).toBe(0.5);
  });

  it("tests a share against a half and two shares against each other, with the same extra votes", () => {
    // 2 · √(n + 1) · ((k + 1) / (n + 1) − ½) for k = 8 of n = 10: 2 · √11 · (9/11 − ½).
    expect(shareTest(8, 10)).toBeCloseTo(2 * Math.sqrt(11) * (9 / 11 - 0.5), 12);
    expect(shareTest(5, 10)).toBeGreaterThan(0);
    expect(shareTest(3, 10)).toBeLessThan(0);
    // (9/11 − 3/11) / √(p̂(1 − p̂)(2/11)) with p̂ = 12/22.
    const pooled = 12 / 22;
    expect(twoShareTest(8, 10, 2, 10)).toBeCloseTo(6 / 11 / Math.sqrt(pooled * (1 - pooled) * (2 / 11)), 12);
    expect(twoShareTest(4, 10, 4, 10)).toBe(0);
  });

  it("counts every vote, and a group's only for the people placed in it", () => {
    const matrix = buildVoteMatrix(
      ["a"],
      [
        { participant: "p", statement: "a", vote: 1 },
        { participant: "q", statement: "a", vote: -1 },
        { participant: "r", statement: "a", vote: 0 },
      ],
    );
    const [a] = tallyStatements(matrix, new Map([[0, 7]]), [7]);
    expect(a?.all).toEqual(tally(1, 1, 1));
    expect(a?.byGroup.get(7)).toEqual(tally(1, 0, 0));
  });
});

describe("representative statements", () => {
  const tallies = [
    // Group 0 agrees, group 1 disagrees: says much about both.
    statement("splits", [tally(18, 2), tally(2, 18)]),
    // Everyone agrees: says nothing about one group.
    statement("everyone", [tally(18, 2), tally(19, 1)]),
    // Group 0 disagrees where group 1 is divided.
    statement("zero-against", [tally(1, 19), tally(10, 10)]),
    // Too few votes to say anything.
    statement("few", [tally(1, 0), tally(0, 1)]),
  ];

  it("are those where a group leans one way and differs from the rest, agreement first", () => {
    const zero = representativeStatements(tallies, 0);
    expect(zero.map((found) => [found.statement, found.stance])).toEqual([
      ["splits", "agree"],
      ["zero-against", "disagree"],
    ]);
    const one = representativeStatements(tallies, 1);
    expect(one.map((found) => [found.statement, found.stance])).toEqual([["splits", "disagree"]]);
    expect(one[0]?.share).toBeCloseTo(19 / 22, 12);
    expect(one[0]?.ratio).toBeCloseTo(19 / 22 / (3 / 22), 12);
  });

  it("are at most five per group, strongest first", () => {
    const many = Array.from({ length: 8 }, (_, index) =>
      statement(`s${index}`, [tally(10 + index, 2), tally(2, 10)]),
    );
    const found = representativeStatements(many, 0);
    expect(found).toHaveLength(5);
    expect(found[0]?.statement).toBe("s7");
  });

  it("fall back to the one statement the group agrees with most distinctly when none passes the tests", () => {
    const weak = [
      statement("mild", [tally(3, 2), tally(2, 3)]),
      statement("against", [tally(2, 3), tally(3, 2)]),
    ];
    expect(representativeStatements(weak, 0).map((found) => found.statement)).toEqual(["mild"]);
  });
});

describe("consensus and uncertainty", () => {
  it("find statements a majority of every group agrees (or disagrees) with, most shared first", () => {
    const found = consensusStatements([
      statement("all-for", [tally(18, 1), tally(15, 3), tally(9, 1)]),
      statement("most-for", [tally(12, 8), tally(11, 9), tally(8, 2)]),
      statement("one-group-against", [tally(19, 1), tally(1, 19), tally(10, 0)]),
      statement("all-against", [tally(1, 15), tally(2, 16), tally(0, 9)]),
    ]);
    expect(found.map((entry) => [entry.statement, entry.stance])).toEqual([
      ["all-for", "agree"],
      ["most-for", "agree"],
      ["all-against", "disagree"],
    ]);
    expect(found[0]?.together).toBeCloseTo((19 / 21) * (16 / 20) * (10 / 12), 12);
  });

  it("list statements that three in ten or more pass on, most passes first", () => {
    const found = uncertainStatements([
      statement("clear", [tally(9, 1, 0)]),
      statement("unsure", [tally(2, 1, 7)]),
      statement("half", [tally(3, 4, 3)]),
    ]);
    expect(found).toEqual([
      { statement: "unsure", passShare: 0.7 },
      { statement: "half", passShare: 0.3 },
    ]);
  });
});
