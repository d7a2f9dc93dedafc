import { describe, expect, it } from "vitest";
import { buildVoteMatrix, type CastVote, rowsToPlace, voteCounts } from "./vote-matrix.ts";

const cast = (participant: string, statement: string, vote: CastVote["vote"]): CastVote => ({
  participant,
  statement,
  vote,
});

function cellsOf(matrix: ReturnType<typeof buildVoteMatrix>, participant: string): Record<string, number> {
  const row = matrix.participants.indexOf(participant);
  const cells: Record<string, number> = {};
  for (let cell = matrix.rowStart[row] ?? 0; cell < (matrix.rowStart[row + 1] ?? 0); cell++) {
    cells[matrix.statements[matrix.columns[cell] ?? -1] ?? "?"] = matrix.votes[cell] ?? Number.NaN;
  }
  return cells;
}

describe("the vote matrix", () => {
  it("keeps the last vote per person and statement, and a pass as a vote", () => {
    const matrix = buildVoteMatrix(
      ["a", "b", "c"],
      [cast("p", "a", 1), cast("q", "b", -1), cast("p", "a", -1), cast("p", "c", 0), cast("q", "b", 1)],
    );
    expect(matrix.participants).toEqual(["p", "q"]);
    expect(cellsOf(matrix, "p")).toEqual({ a: -1, c: 0 });
    expect(cellsOf(matrix, "q")).toEqual({ b: 1 });
    expect([...voteCounts(matrix)]).toEqual([2, 1]);
  });

  it("leaves out statements it does not know, and counts votes on rejected ones apart", () => {
    const matrix = buildVoteMatrix(
      ["a"],
      [cast("p", "a", 1), cast("p", "weg", 1), cast("p", "weg", -1), cast("p", "onbekend", 1)],
      ["weg"],
    );
    expect(cellsOf(matrix, "p")).toEqual({ a: 1 });
    expect(matrix.rejected).toBe(1);
    expect([...matrix.rejectedVotes]).toEqual([1]);
    expect([...voteCounts(matrix)]).toEqual([2]);
  });

  it("places people with seven votes or more, and fills up to fifteen with those who voted most", () => {
    const statements = Array.from({ length: 10 }, (_, index) => `s${index}`);
    const votes: CastVote[] = [];
    // Twenty people: person i votes on (i mod 10) statements.
    for (let person = 0; person < 20; person++) {
      for (let statement = 0; statement < person % 10; statement++)
        votes.push(cast(`p${person}`, `s${statement}`, 1));
    }
    const matrix = buildVoteMatrix(statements, votes);
    const placed = rowsToPlace(matrix).map((row) => matrix.participants[row]);
    // p7, p8, p9, p17, p18, p19 have 7–9 votes: six people, so nine more are added, most votes first.
    expect(placed).toHaveLength(15);
    for (const person of ["p7", "p8", "p9", "p17", "p18", "p19", "p6", "p16", "p5", "p15", "p4", "p14"]) {
      expect(placed).toContain(person);
    }
    expect(placed).not.toContain("p1");
    expect(placed).not.toContain("p11");
  });

  it("places everyone with seven votes when there are enough of them, and nobody without", () => {
    const statements = Array.from({ length: 8 }, (_, index) => `s${index}`);
    const votes: CastVote[] = [];
    for (let person = 0; person < 30; person++) {
      const count = person < 20 ? 7 : 3;
      for (let statement = 0; statement < count; statement++)
        votes.push(cast(`p${person}`, `s${statement}`, 0));
    }
    const matrix = buildVoteMatrix(statements, votes);
    expect(rowsToPlace(matrix)).toHaveLength(20);
  });

  it("needs a vote on every statement when there are fewer than seven", () => {
    const matrix = buildVoteMatrix(
      ["a", "b"],
      Array.from({ length: 20 }, (_, person) => [
        cast(`p${person}`, "a", 1),
        cast(`p${person}`, "b", -1),
      ]).flat(),
    );
    expect(rowsToPlace(matrix)).toHaveLength(20);
  });
});
