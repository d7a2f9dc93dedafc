// Opinion groups from people's places on the map, the way Pol.is makes them: first many small clusters
// of people close together (base clusters), then those clusters, each weighing as many people as it
// holds, put into 2 to 5 groups; the number of groups is the one whose groups are best separated
// (silhouette). Groups keep their number from one run to the next: each new group takes the number of
// the previous group it shares most people with.
// biome-ignore-all lint/style/noNonNullAssertion: typed-array and matrix reads with indices that are in range by construction
import { kMeans, type Point, silhouette } from "./kmeans.ts";

/** Pol.is's number of base clusters. */
export const BASE_CLUSTERS = 100;
export const FEWEST_GROUPS = 2;
export const MOST_GROUPS = 5;
/**
 * A different number of groups than last time must separate people better by at least this much
 * silhouette, so a few new votes do not make the groups split and merge back and forth.
 */
export const SWITCH_MARGIN = 0.02;
/**
 * Seeded k-means++ starts for the base clusters (least spread wins): 12 for up to 1,666 people, fewer
 * for more (2 from 10,000), where each start costs more and matters less. And starts for the groups.
 */
const baseTriesFor = (people: number) => Math.max(2, Math.min(12, Math.floor(20_000 / Math.max(1, people))));
const GROUP_TRIES = 32;

export interface PreviousGroups {
  /** The base clusters' centres of the last run. */
  baseCentres: Point[];
  groups: { id: number; centre: Point; members: readonly string[] }[];
}

export interface OpinionGroups {
  /** The group number of each placed person, in the order they were given. */
  groupOf: Int32Array;
  groups: { id: number; centre: Float64Array; size: number }[];
  baseCentres: Float64Array[];
  /** The silhouette of every number of groups that was tried. */
  separation: { groups: number; silhouette: number }[];
}

export function opinionGroups(
  people: readonly string[],
  places: readonly Point[],
  previous?: PreviousGroups,
  options: { seed?: number } = {},
): OpinionGroups {
  const distinct = new Set(places.map((place) => `${place[0]},${place[1]}`)).size;
  const base = kMeans(places, Math.min(BASE_CLUSTERS, distinct), {
    warmStart: previous?.baseCentres,
    tries: baseTriesFor(places.length),
    seed: options.seed,
  });
  const baseWeights = new Float64Array(base.centres.length);
  for (const cluster of base.assignment) baseWeights[cluster]! += 1;

  const tried: GroupOption[] = [];
  for (let k = FEWEST_GROUPS; k <= Math.min(MOST_GROUPS, base.centres.length - 1); k++) {
    const warm = previous?.groups.length === k ? previous.groups.map((group) => group.centre) : undefined;
    tried.push(bestSeparated(base.centres, baseWeights, k, warm, options.seed ?? 1));
  }
  const chosen = chooseGroups(tried, previous?.groups.length);

  const clusterOf = new Int32Array(people.length);
  people.forEach((_, person) => {
    clusterOf[person]! = chosen ? chosen.assignment[base.assignment[person]!]! : 0;
  });
  const centres = chosen?.centres ?? [centreOf(places)];
  const ids = numberGroups(people, clusterOf, centres.length, previous?.groups ?? []);
  const groupOf = clusterOf.map((cluster) => ids[cluster]!);
  const groups = centres
    .map((centre, cluster) => ({
      id: ids[cluster]!,
      centre,
      size: clusterOf.filter((of) => of === cluster).length,
    }))
    .filter((group) => group.size > 0)
    .sort((a, b) => a.id - b.id);
  return {
    groupOf,
    groups,
    baseCentres: base.centres,
    separation: tried.map(({ groups: count, silhouette: score }) => ({ groups: count, silhouette: score })),
  };
}

type GroupOption = { groups: number; silhouette: number; assignment: Int32Array; centres: Float64Array[] };

/**
 * Of the k-means solutions from the previous centres and from `GROUP_TRIES` seeded starts, the one
 * that separates people best (highest silhouette), not the one with the least spread: k-means ends in
 * one of several nearly equal solutions, and the measure that picks the number of groups also picks
 * among these. The previous centres' solution stays unless another is better by `SWITCH_MARGIN`.
 */
function bestSeparated(
  centres: readonly Point[],
  weights: Float64Array,
  k: number,
  warm: readonly Point[] | undefined,
  seed: number,
): GroupOption {
  const option = (clustering: ReturnType<typeof kMeans>): GroupOption => ({
    groups: clustering.centres.length,
    silhouette: silhouette(centres, clustering.assignment, weights),
    assignment: clustering.assignment,
    centres: clustering.centres,
  });
  const kept = warm ? option(kMeans(centres, k, { weights, warmStart: warm, tries: 0 })) : undefined;
  let best: GroupOption | undefined;
  for (let run = 0; run < GROUP_TRIES; run++) {
    const candidate = option(kMeans(centres, k, { weights, tries: 1, seed: seed + run }));
    if (!best || candidate.silhouette > best.silhouette + 1e-12) best = candidate;
  }
  if (!best || (kept && kept.silhouette >= best.silhouette - SWITCH_MARGIN))
    return kept ?? (best as GroupOption);
  return best;
}

function chooseGroups<T extends { groups: number; silhouette: number }>(
  tried: T[],
  before?: number,
): T | undefined {
  const best = tried.reduce<T | undefined>(
    (winner, option) => (!winner || option.silhouette > winner.silhouette ? option : winner),
    undefined,
  );
  const same = tried.find((option) => option.groups === before);
  if (best && same && same.silhouette >= best.silhouette - SWITCH_MARGIN) return same;
  return best;
}

function centreOf(places: readonly Point[]): Float64Array {
  const centre = new Float64Array(2);
  for (const place of places) {
    centre[0]! += place[0]! / places.length;
    centre[1]! += place[1]! / places.length;
  }
  return centre;
}

/**
 * The number each new cluster gets: the previous group's it shares most people with, tried over every
 * way of pairing them up (at most 5! ways); a cluster that pairs with no previous group, or with one it
 * shares nobody with, gets the lowest number not in use.
 */
export function numberGroups(
  people: readonly string[],
  clusterOf: ArrayLike<number>,
  clusters: number,
  previous: readonly { id: number; members: readonly string[] }[],
): number[] {
  const overlap = Array.from({ length: clusters }, () => new Map<number, number>());
  const previousGroupOf = new Map<string, number>();
  for (const group of previous) for (const member of group.members) previousGroupOf.set(member, group.id);
  people.forEach((person, index) => {
    const before = previousGroupOf.get(person);
    if (before === undefined) return;
    const counts = overlap[clusterOf[index]!]!;
    counts.set(before, (counts.get(before) ?? 0) + 1);
  });
  const previousIds = previous.map((group) => group.id);
  let best: (number | undefined)[] = Array(clusters).fill(undefined);
  let bestShared = 0;
  const choose = (cluster: number, taken: Set<number>, shared: number, picked: (number | undefined)[]) => {
    if (cluster === clusters) {
      if (shared > bestShared) {
        bestShared = shared;
        best = [...picked];
      }
      return;
    }
    choose(cluster + 1, taken, shared, [...picked, undefined]);
    for (const id of previousIds) {
      const count = overlap[cluster]!.get(id) ?? 0;
      if (taken.has(id) || count === 0) continue;
      taken.add(id);
      choose(cluster + 1, taken, shared + count, [...picked, id]);
      taken.delete(id);
    }
  };
  choose(0, new Set(), 0, []);
  const used = new Set(best.filter((id) => id !== undefined));
  let free = 0;
  return best.map((id) => {
    if (id !== undefined) return id;
    while (used.has(free)) free++;
    used.add(free);
    return free;
  });
}
