// The votes of a consultation as a sparse matrix: a row per participant, a column per statement that
// is shown, and only the cells someone voted in. Agree is 1, disagree -1, pass 0; a cell nobody voted
// in is missing, not 0 (Pol.is: a pass is a vote, not seeing a statement is not).
// biome-ignore-all lint/style/noNonNullAssertion: typed-array and matrix reads with indices that are in range by construction

/** Agree, disagree or pass. */
export type Vote = 1 | -1 | 0;

export interface CastVote {
  participant: string;
  statement: string;
  vote: Vote;
}

/** Compressed rows: participant `p`'s votes are `columns`/`votes` from `rowStart[p]!` to `rowStart[p + 1]!`. */
export interface VoteMatrix {
  participants: string[];
  statements: string[];
  rowStart: Int32Array;
  columns: Int32Array;
  votes: Int8Array;
  /**
   * Statements taken out after review, and each participant's votes on them. Pol.is keeps such a
   * statement in its matrix as a column of passes: it moves nobody on the map, but it counts as a vote
   * of everyone's where a place is stretched for missing votes, and a person's own votes on it count
   * towards being placed at all.
   */
  rejected: number;
  rejectedVotes: Int32Array;
}

/**
 * The matrix of the latest vote per participant and statement (`votes` in the order they were cast, so
 * a changed vote comes later). Votes on `rejected` statements are counted apart; votes on any other
 * statement not in `statements` are left out. Participants keep their first appearance's order, so
 * the same votes give the same matrix.
 */
export function buildVoteMatrix(
  statements: readonly string[],
  votes: Iterable<CastVote>,
  rejected: readonly string[] = [],
): VoteMatrix {
  const columnOf = new Map(statements.map((statement, index) => [statement, index]));
  const rejectedColumnOf = new Map(
    rejected.map((statement, index) => [statement, statements.length + index]),
  );
  const rowOf = new Map<string, number>();
  // Every vote as (row, column, vote), in the order cast; typed arrays that grow, not an object each.
  let rowsCast = new Int32Array(1024);
  let columnsCast = new Int32Array(1024);
  let votesCast = new Int8Array(1024);
  let cast = 0;
  for (const { participant, statement, vote } of votes) {
    const column = columnOf.get(statement) ?? rejectedColumnOf.get(statement);
    if (column === undefined) continue;
    let row = rowOf.get(participant);
    if (row === undefined) {
      row = rowOf.size;
      rowOf.set(participant, row);
    }
    if (cast === rowsCast.length) {
      rowsCast = grown(rowsCast, new Int32Array(cast * 2));
      columnsCast = grown(columnsCast, new Int32Array(cast * 2));
      votesCast = grown(votesCast, new Int8Array(cast * 2));
    }
    rowsCast[cast]! = row;
    columnsCast[cast]! = column;
    votesCast[cast]! = vote;
    cast++;
  }
  // Grouped by row, keeping the order cast within a row (a counting sort).
  const rowCount = rowOf.size;
  const firstOfRow = new Int32Array(rowCount + 1);
  for (let i = 0; i < cast; i++) firstOfRow[rowsCast[i]! + 1]! += 1;
  for (let row = 0; row < rowCount; row++) firstOfRow[row + 1]! += firstOfRow[row]!;
  const order = new Int32Array(cast);
  const filled = firstOfRow.slice(0, rowCount);
  for (let i = 0; i < cast; i++) order[filled[rowsCast[i]!]!++] = i;
  // Per row, the last vote per column; `slotOf` remembers where a column went in this row.
  const slotOf = new Int32Array(statements.length + rejected.length);
  const slotRow = new Int32Array(statements.length + rejected.length).fill(-1);
  const rowStart = new Int32Array(rowCount + 1);
  const columns = new Int32Array(cast);
  const values = new Int8Array(cast);
  const rejectedVotes = new Int32Array(rowCount);
  let size = 0;
  for (let row = 0; row < rowCount; row++) {
    rowStart[row]! = size;
    for (let k = firstOfRow[row]!; k < firstOfRow[row + 1]!; k++) {
      const i = order[k]!;
      const column = columnsCast[i]!;
      if (slotRow[column]! !== row) {
        slotRow[column]! = row;
        if (column >= statements.length) {
          rejectedVotes[row]! += 1;
          continue;
        }
        slotOf[column]! = size;
        columns[size]! = column;
        size++;
      }
      if (column < statements.length) values[slotOf[column]!]! = votesCast[i]!;
    }
  }
  rowStart[rowCount]! = size;
  return {
    participants: [...rowOf.keys()],
    statements: [...statements],
    rowStart,
    columns: columns.slice(0, size),
    votes: values.slice(0, size),
    rejected: rejected.length,
    rejectedVotes,
  };
}

function grown<T extends Int32Array | Int8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** How many statements each participant voted on (a pass counts), rejected ones included. */
export function voteCounts(matrix: VoteMatrix): Int32Array {
  const counts = new Int32Array(matrix.participants.length);
  for (let row = 0; row < counts.length; row++) {
    counts[row]! = matrix.rowStart[row + 1]! - matrix.rowStart[row]! + matrix.rejectedVotes[row]!;
  }
  return counts;
}

/** Fewer votes than this, or than the number of statements when there are fewer, and a person is not placed. */
export const MIN_VOTES_TO_PLACE = 7;
/** When fewer people than this have enough votes, those who voted most are placed too. */
export const MIN_PEOPLE_TO_PLACE = 15;

/**
 * The rows of the people who are placed in the opinion map: everyone with at least `MIN_VOTES_TO_PLACE`
 * votes (or a vote on every statement); when that is fewer than `MIN_PEOPLE_TO_PLACE`, the others who
 * voted most are added until there are that many (as Pol.is does). In row order.
 */
export function rowsToPlace(matrix: VoteMatrix): number[] {
  const counts = voteCounts(matrix);
  const enough = Math.min(MIN_VOTES_TO_PLACE, matrix.statements.length + matrix.rejected);
  const placed = new Set<number>();
  for (let row = 0; row < counts.length; row++)
    if (counts[row]! >= enough && counts[row]! > 0) placed.add(row);
  if (placed.size < MIN_PEOPLE_TO_PLACE) {
    const others = [...counts.keys()]
      .filter((row) => !placed.has(row) && counts[row]! > 0)
      .sort((a, b) => counts[b]! - counts[a]! || a - b);
    for (const row of others.slice(0, MIN_PEOPLE_TO_PLACE - placed.size)) placed.add(row);
  }
  return [...placed].sort((a, b) => a - b);
}
