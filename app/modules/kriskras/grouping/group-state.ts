// The incremental structure behind the optimiser: for each element and group, the sum of its diversity to
// that group's members (plus its extra score there), so the gain of any move or swap costs O(1) to read
// and applying one costs O(n) instead of re-adding all pairs.
// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads with indices that are in range by construction

import type { GroupingInstance } from "./mdgp-instance.ts";

export type GroupState = {
  n: number;
  m: number;
  distances: Float64Array;
  /** Group of each element. */
  group: Int32Array;
  size: Int32Array;
  /** `sums[v * m + g]`: extra score of v in g plus the diversity between v and the members of g (not v). */
  sums: Float64Array;
  extraScore: Float64Array | null;
  objective: number;
};

export function createGroupState(options: {
  instance: GroupingInstance;
  assignment: Int32Array;
  extraScore?: Float64Array;
}): GroupState {
  const { n, m, distances } = options.instance;
  const state: GroupState = {
    n,
    m,
    distances,
    group: new Int32Array(n),
    size: new Int32Array(m),
    sums: new Float64Array(n * m),
    extraScore: options.extraScore ?? null,
    objective: 0,
  };
  loadAssignment(state, options.assignment);
  return state;
}

/** Rebuilds the structure for another assignment in the same memory: O(n²). */
export function loadAssignment(state: GroupState, assignment: Int32Array): void {
  const { n, m, distances, group, size, sums, extraScore } = state;
  group.set(assignment);
  size.fill(0);
  if (extraScore) sums.set(extraScore);
  else sums.fill(0);
  for (let v = 0; v < n; v++) size[group[v]!]!++;
  let pairs = 0;
  let extra = 0;
  for (let v = 0; v < n; v++) {
    const row = v * n;
    const base = v * m;
    for (let u = 0; u < n; u++) sums[base + group[u]!]! += distances[row + u]!;
    const own = base + group[v]!;
    pairs += sums[own]! - (extraScore ? extraScore[own]! : 0);
    if (extraScore) extra += extraScore[own]!;
  }
  state.objective = pairs / 2 + extra;
}

/** What the objective gains when v moves to group `to`. */
export function moveGain(state: GroupState, v: number, to: number): number {
  const base = v * state.m;
  return state.sums[base + to]! - state.sums[base + state.group[v]!]!;
}

/** What the objective gains when u and v (in different groups) trade places. */
export function swapGain(state: GroupState, u: number, v: number): number {
  const { m, sums, group, distances, n } = state;
  const p = group[u]!;
  const q = group[v]!;
  return (
    sums[u * m + q]! - sums[u * m + p]! + sums[v * m + p]! - sums[v * m + q]! - 2 * distances[u * n + v]!
  );
}

export function moveElement(state: GroupState, v: number, to: number): void {
  const { n, m, distances, group, size, sums } = state;
  const from = group[v]!;
  if (from === to) return;
  state.objective += sums[v * m + to]! - sums[v * m + from]!;
  const row = v * n;
  for (let u = 0, at = 0; u < n; u++, at += m) {
    const d = distances[row + u]!;
    sums[at + from]! -= d;
    sums[at + to]! += d;
  }
  group[v] = to;
  size[from]!--;
  size[to]!++;
}

export function swapElements(state: GroupState, u: number, v: number): void {
  const { n, m, distances, group, sums } = state;
  const p = group[u]!;
  const q = group[v]!;
  if (p === q) return;
  state.objective += swapGain(state, u, v);
  const rowU = u * n;
  const rowV = v * n;
  for (let w = 0, at = 0; w < n; w++, at += m) {
    const change = distances[rowV + w]! - distances[rowU + w]!;
    sums[at + p]! += change;
    sums[at + q]! -= change;
  }
  group[u] = q;
  group[v] = p;
}
