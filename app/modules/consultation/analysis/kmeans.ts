// K-means on points in the plane, with a weight per point, and the silhouette that says how well a
// clustering separates them. Deterministic: the starts come from a seeded generator, or from the
// centres of the previous run.
// biome-ignore-all lint/style/noNonNullAssertion: typed-array and matrix reads with indices that are in range by construction
import { createRandom } from "../../../infra/seeded-random.ts";

export type Point = ArrayLike<number>;

export interface Clustering {
  /** The cluster of every point, 0 … k−1. */
  assignment: Int32Array;
  centres: Float64Array[];
  /** The weighted sum of squared distances to the own centre. */
  spread: number;
}

const MAX_STEPS = 100;

const squaredDistance = (a: Point, b: Point) => (a[0]! - b[0]!) ** 2 + (a[1]! - b[1]!) ** 2;

function nearest(point: Point, centres: readonly Point[]): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let c = 0; c < centres.length; c++) {
    const distance = squaredDistance(point, centres[c]!);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = c;
    }
  }
  return best;
}

/** k-means++ starts: each next centre drawn with a chance that grows with its distance to the others. */
function spreadStarts(
  points: readonly Point[],
  weights: ArrayLike<number>,
  k: number,
  seed: number,
): Float64Array[] {
  const random = createRandom(seed);
  const starts = [Float64Array.from(points[random.below(points.length)]!)];
  const closest = points.map((point) => squaredDistance(point, starts[0]!));
  while (starts.length < k) {
    let total = 0;
    for (let i = 0; i < points.length; i++) total += closest[i]! * weights[i]!;
    if (total === 0) break;
    let draw = random.next() * total;
    let chosen = points.length - 1;
    for (let i = 0; i < points.length; i++) {
      draw -= closest[i]! * weights[i]!;
      if (draw <= 0) {
        chosen = i;
        break;
      }
    }
    const centre = Float64Array.from(points[chosen]!);
    starts.push(centre);
    for (let i = 0; i < points.length; i++)
      closest[i]! = Math.min(closest[i]!, squaredDistance(points[i]!, centre));
  }
  return starts;
}

/** Lloyd's steps from `starts` until no point moves. An emptied cluster keeps its centre. */
function refine(points: readonly Point[], weights: ArrayLike<number>, starts: readonly Point[]): Clustering {
  const k = starts.length;
  const centres = starts.map((start) => Float64Array.of(start[0]!, start[1]!));
  const assignment = new Int32Array(points.length).fill(-1);
  for (let step = 0; step < MAX_STEPS; step++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      const cluster = nearest(points[i]!, centres);
      if (cluster !== assignment[i]!) {
        assignment[i]! = cluster;
        moved = true;
      }
    }
    if (!moved) break;
    const sums = Array.from({ length: k }, () => new Float64Array(3));
    for (let i = 0; i < points.length; i++) {
      const sum = sums[assignment[i]!]!;
      sum[0]! += points[i]![0]! * weights[i]!;
      sum[1]! += points[i]![1]! * weights[i]!;
      sum[2]! += weights[i]!;
    }
    sums.forEach((sum, c) => {
      if (sum[2]! > 0) centres[c] = Float64Array.of(sum[0]! / sum[2]!, sum[1]! / sum[2]!);
    });
  }
  let spread = 0;
  for (let i = 0; i < points.length; i++)
    spread += squaredDistance(points[i]!, centres[assignment[i]!]!) * weights[i]!;
  return { assignment, centres, spread };
}

/**
 * The best of several k-means runs on the weighted points: from `warmStart` when given (the previous
 * centres), and from `tries` seeded k-means++ starts. Fewer distinct points than `k` give fewer
 * clusters.
 */
export function kMeans(
  points: readonly Point[],
  k: number,
  options: { weights?: ArrayLike<number>; warmStart?: readonly Point[]; tries?: number; seed?: number } = {},
): Clustering {
  const weights = options.weights ?? new Float64Array(points.length).fill(1);
  const runs: Clustering[] = [];
  if (options.warmStart?.length === k) runs.push(refine(points, weights, options.warmStart));
  for (let run = 0; run < (options.tries ?? 4); run++) {
    const starts = spreadStarts(points, weights, k, (options.seed ?? 1) + run);
    runs.push(refine(points, weights, starts));
  }
  // Lowest spread wins; the warm start wins a tie, so a run that changes nothing keeps its centres.
  return compact(runs.reduce((best, run) => (run.spread < best.spread - 1e-9 ? run : best)));
}

/** Drops clusters nobody ended up in, and numbers the rest 0 … k−1 in the order they had. */
function compact(clustering: Clustering): Clustering {
  const used = [...new Set(clustering.assignment)].sort((a, b) => a - b);
  if (used.length === clustering.centres.length) return clustering;
  const renumber = new Map(used.map((old, index) => [old, index]));
  return {
    assignment: clustering.assignment.map((cluster) => renumber.get(cluster) ?? 0),
    centres: used.map((old) => clustering.centres[old]!),
    spread: clustering.spread,
  };
}

/**
 * The mean silhouette of a clustering of weighted points, each point standing for `weight` people at
 * the same place: for every person, how much closer they are to their own cluster than to the nearest
 * other, from −1 to 1. A cluster of one person scores 0.
 */
export function silhouette(
  points: readonly Point[],
  assignment: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  const weight = (i: number) => (weights ? weights[i]! : 1);
  const k = Math.max(...Array.from(assignment)) + 1;
  if (k < 2) return 0;
  const clusterWeight = new Float64Array(k);
  for (let i = 0; i < points.length; i++) clusterWeight[assignment[i]!]! += weight(i);
  let total = 0;
  let people = 0;
  for (let i = 0; i < points.length; i++) {
    const distances = new Float64Array(k);
    for (let j = 0; j < points.length; j++) {
      distances[assignment[j]!]! += Math.sqrt(squaredDistance(points[i]!, points[j]!)) * weight(j);
    }
    const own = assignment[i]!;
    people += weight(i);
    if (clusterWeight[own]! <= 1) continue;
    const inside = distances[own]! / (clusterWeight[own]! - 1);
    let outside = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c !== own && clusterWeight[c]! > 0) outside = Math.min(outside, distances[c]! / clusterWeight[c]!);
    }
    const larger = Math.max(inside, outside);
    if (larger > 0 && Number.isFinite(outside)) total += ((outside - inside) / larger) * weight(i);
  }
  return people > 0 ? total / people : 0;
}
