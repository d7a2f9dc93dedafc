import { describe, expect, it } from "vitest";
import { principalComponents, project, statementMeans } from "./pca.ts";
import { buildVoteMatrix, type CastVote, type Vote } from "./vote-matrix.ts";

const STATEMENTS = ["a", "b", "c", "d", "e", "f"];

/** Two camps: one agrees with a–c and disagrees with d–f, the other the reverse; everyone passes on f. */
function twoCamps(perCamp: number, skip: (person: number, statement: number) => boolean = () => false) {
  const votes: CastVote[] = [];
  for (let person = 0; person < 2 * perCamp; person++) {
    const camp = person < perCamp ? 1 : -1;
    STATEMENTS.forEach((statement, index) => {
      if (skip(person, index)) return;
      const vote = (statement === "f" ? 0 : index < 3 ? camp : -camp) as Vote;
      votes.push({ participant: `p${person}`, statement, vote });
    });
  }
  return buildVoteMatrix(STATEMENTS, votes);
}

const length = (vector: Float64Array) => Math.hypot(...vector);
const dot = (a: Float64Array, b: Float64Array) =>
  a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

describe("the principal components", () => {
  it("takes the mean vote of each statement over the people who voted on it", () => {
    const matrix = buildVoteMatrix(
      ["a", "b"],
      [
        { participant: "p", statement: "a", vote: 1 },
        { participant: "q", statement: "a", vote: 0 },
        { participant: "r", statement: "a", vote: -1 },
        { participant: "r", statement: "b", vote: 1 },
      ],
    );
    expect([...statementMeans(matrix)]).toEqual([0, 1]);
  });

  it("finds the direction that splits two camps, as two orthogonal unit axes", () => {
    const matrix = twoCamps(10);
    const { axes } = principalComponents(matrix, [...matrix.participants.keys()]);
    expect(length(axes[0])).toBeCloseTo(1, 9);
    expect(length(axes[1])).toBeCloseTo(1, 9);
    expect(dot(axes[0], axes[1])).toBeCloseTo(0, 9);
    // The split lies along a–e (± 1/√5 each), and f, where everyone passes, plays no part.
    const expected = [1, 1, 1, -1, -1, 0].map((value) => value / Math.sqrt(5));
    const sign = Math.sign(axes[0][0] ?? 1);
    axes[0].forEach((value, index) => {
      expect(value * sign).toBeCloseTo(expected[index] ?? 0, 6);
    });
    const places = project(matrix, [0, 19], {
      ...principalComponents(matrix, [...matrix.participants.keys()]),
    });
    expect(Math.sign(places[0]?.[0] ?? 0)).toBe(-Math.sign(places[1]?.[0] ?? 0));
  });

  it("points every axis the same way on every run, and the way of the previous run's axes", () => {
    const matrix = twoCamps(8);
    const rows = [...matrix.participants.keys()];
    const first = principalComponents(matrix, rows);
    const again = principalComponents(matrix, rows);
    expect([...again.axes[0]]).toEqual([...first.axes[0]]);
    const flipped: [Float64Array, Float64Array] = [
      first.axes[0].map((v) => -v),
      first.axes[1].map((v) => -v),
    ];
    const following = principalComponents(matrix, rows, flipped);
    following.axes[0].forEach((value, index) => {
      expect(value).toBeCloseTo(-(first.axes[0][index] ?? 0), 6);
    });
  });

  it("finds both axes when they carry the same variance (three equal groups)", () => {
    const votes: CastVote[] = [];
    const leanings: Vote[][] = [
      [1, 1, -1, -1, 0, 0],
      [-1, 0, 1, 0, 1, -1],
      [0, -1, 0, 1, -1, 1],
    ];
    for (let person = 0; person < 30; person++) {
      const leaning = leanings[person % 3] ?? [];
      STATEMENTS.forEach((statement, index) => {
        votes.push({ participant: `p${person}`, statement, vote: leaning[index] ?? 0 });
      });
    }
    const matrix = buildVoteMatrix(STATEMENTS, votes);
    const rows = [...matrix.participants.keys()];
    const places = project(matrix, rows, principalComponents(matrix, rows));
    // The three groups land on three distinct points, far apart.
    const groupPlaces = [0, 1, 2].map((group) => places[group] ?? new Float64Array(2));
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [0, 2],
    ] as const) {
      const [p, q] = [groupPlaces[a], groupPlaces[b]];
      expect(Math.hypot((p?.[0] ?? 0) - (q?.[0] ?? 0), (p?.[1] ?? 0) - (q?.[1] ?? 0))).toBeGreaterThan(1);
    }
  });

  it("stretches the place of someone who voted on few statements, as Pol.is does", () => {
    // p0 voted on a–c only; its place is stretched by √(6/3) against what the three votes give.
    const matrix = twoCamps(10, (person, statement) => person === 0 && statement >= 3);
    const rows = [...matrix.participants.keys()];
    const components = principalComponents(matrix, rows);
    const [place] = project(matrix, [0], components);
    let unstretched = 0;
    for (let column = 0; column < 3; column++) {
      unstretched += (1 - (components.means[column] ?? 0)) * (components.axes[0][column] ?? 0);
    }
    expect(place?.[0]).toBeCloseTo(unstretched * Math.sqrt(2), 9);
  });

  it("counts a rejected statement as a vote of everyone's when it stretches a place", () => {
    const votes: CastVote[] = [];
    for (let person = 0; person < 10; person++) {
      votes.push({ participant: `p${person}`, statement: "a", vote: person < 5 ? 1 : -1 });
      votes.push({ participant: `p${person}`, statement: "b", vote: person < 5 ? -1 : 1 });
    }
    votes.push({ participant: "p0", statement: "c", vote: 1 });
    const without = buildVoteMatrix(["a", "b", "c"], votes);
    const withRejected = buildVoteMatrix(["a", "b"], votes, ["c"]);
    const rows = [...without.participants.keys()];
    // p1 voted on two of three: stretched by √(3/2) when c is shown, not at all when c is rejected.
    const shown = project(without, [1], principalComponents(without, rows))[0];
    const rejected = project(withRejected, [1], principalComponents(withRejected, rows))[0];
    expect(Math.abs(shown?.[0] ?? 0) / Math.abs(rejected?.[0] ?? 1)).toBeCloseTo(Math.sqrt(3 / 2), 2);
  });
});
