// A consultation's analysis in one call: the vote matrix, the opinion map, the groups and what they
// think. Pure: the same votes and the same previous run give the same result, on every machine.
// biome-ignore-all lint/style/noNonNullAssertion: typed-array and matrix reads with indices that are in range by construction
import type { Point } from "./kmeans.ts";
import { opinionGroups } from "./opinion-groups.ts";
import { principalComponents, project } from "./pca.ts";
import {
  type Consensus,
  consensusStatements,
  type Representative,
  representativeStatements,
  type StatementTallies,
  tallyStatements,
  uncertainStatements,
} from "./statement-stats.ts";
import { buildVoteMatrix, type CastVote, rowsToPlace } from "./vote-matrix.ts";

/** What a run keeps for the next, so the map and the groups stay where they were. */
export interface AnalysisState {
  /** Each statement's loading on the two axes. */
  axes: Record<string, [number, number]>;
  baseCentres: [number, number][];
  groups: { id: number; centre: [number, number]; members: string[] }[];
}

export interface Analysis {
  /** Everyone who voted, and how many of them are on the map. */
  participants: number;
  placed: number;
  places: { participant: string; x: number; y: number; group: number }[];
  groups: { id: number; size: number; centre: [number, number]; representative: Representative[] }[];
  /** How well each number of groups that was tried separates people (silhouette, −1 to 1). */
  separation: { groups: number; silhouette: number }[];
  tallies: StatementTallies[];
  consensus: Consensus[];
  uncertain: { statement: string; passShare: number }[];
  state: AnalysisState;
}

export interface AnalysisInput {
  /** The statements that are shown, in a fixed order. */
  statements: readonly string[];
  /** Statements taken out after review (see `VoteMatrix.rejected`). */
  rejected?: readonly string[];
  /** Every vote in the order it was cast; a later vote on the same statement replaces an earlier one. */
  votes: Iterable<CastVote>;
  previous?: AnalysisState;
  /** The seed of the k-means starts (default 1); the benchmark varies it to show the groups do not hang on it. */
  seed?: number;
}

const pair = (point: ArrayLike<number>): [number, number] => [point[0]!, point[1]!];

export function analyse({ statements, rejected, votes, previous, seed }: AnalysisInput): Analysis {
  const matrix = buildVoteMatrix(statements, votes, rejected);
  const everyone = [...matrix.participants.keys()];
  const previousAxes = previous
    ? ([0, 1].map((axis) => Float64Array.from(statements, (id) => previous.axes[id]?.[axis] ?? 0)) as [
        Float64Array,
        Float64Array,
      ])
    : undefined;
  const components = principalComponents(matrix, everyone, previousAxes);
  // In the order of the participants' ids, not of their first vote, so the same votes cast in another
  // order give the same groups.
  const byId = new Intl.Collator("en", { numeric: true });
  const rows = rowsToPlace(matrix).sort((a, b) =>
    byId.compare(matrix.participants[a]!, matrix.participants[b]!),
  );
  const places: Point[] = project(matrix, rows, components);
  const people = rows.map((row) => matrix.participants[row]!);
  const grouped =
    rows.length > 0
      ? opinionGroups(
          people,
          places,
          previous && { baseCentres: previous.baseCentres, groups: previous.groups },
          { seed },
        )
      : { groupOf: new Int32Array(0), groups: [], baseCentres: [], separation: [] };

  const groupOfRow = new Map(rows.map((row, index) => [row, grouped.groupOf[index]!]));
  const groupIds = grouped.groups.map((group) => group.id);
  const tallies = tallyStatements(matrix, groupOfRow, groupIds);
  const membersOf = (id: number) => people.filter((_, index) => grouped.groupOf[index] === id);
  return {
    participants: matrix.participants.length,
    placed: rows.length,
    places: people.map((participant, index) => ({
      participant,
      x: places[index]![0]!,
      y: places[index]![1]!,
      group: grouped.groupOf[index]!,
    })),
    groups: grouped.groups.map((group) => ({
      id: group.id,
      size: group.size,
      centre: pair(group.centre),
      representative: groupIds.length > 1 ? representativeStatements(tallies, group.id) : [],
    })),
    separation: grouped.separation,
    tallies,
    consensus: groupIds.length > 1 ? consensusStatements(tallies) : [],
    uncertain: uncertainStatements(tallies),
    state: {
      axes: Object.fromEntries(
        statements.map((id, column) => [id, [components.axes[0][column]!, components.axes[1][column]!]]),
      ),
      baseCentres: grouped.baseCentres.map(pair),
      groups: grouped.groups.map((group) => ({
        id: group.id,
        centre: pair(group.centre),
        members: membersOf(group.id),
      })),
    },
  };
}
