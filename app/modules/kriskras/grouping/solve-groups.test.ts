import { describe, expect, it } from "vitest";
import { createRandom } from "../../../infra/seeded-random.ts";
import { checkFeasible, type GroupingInstance, objectiveOf } from "./mdgp-instance.ts";
import { solveGroups } from "./solve-groups.ts";

function randomInstance(options: {
  n: number;
  m: number;
  minSize: number[];
  maxSize: number[];
  seed: number;
}): GroupingInstance {
  const { n, m, seed } = options;
  const random = createRandom(seed);
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = Math.round(random.next() * 100_000) / 1000;
      distances[i * n + j] = d;
      distances[j * n + i] = d;
    }
  }
  return {
    n,
    m,
    distances,
    minSize: Int32Array.from(options.minSize),
    maxSize: Int32Array.from(options.maxSize),
  };
}

// Every assignment, to know the optimum of a small instance for sure.
function bruteForceOptimum(instance: GroupingInstance): number {
  const { n, m, minSize, maxSize } = instance;
  const assignment = new Int32Array(n);
  let best = Number.NEGATIVE_INFINITY;
  const total = m ** n;
  for (let code = 0; code < total; code++) {
    let rest = code;
    const size = new Int32Array(m);
    for (let v = 0; v < n; v++) {
      assignment[v] = rest % m;
      rest = Math.floor(rest / m);
      size[assignment[v] ?? 0] = (size[assignment[v] ?? 0] ?? 0) + 1;
    }
    let fits = true;
    for (let g = 0; g < m; g++)
      if ((size[g] ?? 0) < (minSize[g] ?? 0) || (size[g] ?? 0) > (maxSize[g] ?? 0)) fits = false;
    if (fits) best = Math.max(best, objectiveOf(instance, assignment));
  }
  return best;
}

const mixedBounds = () =>
  randomInstance({ n: 60, m: 5, minSize: [8, 10, 12, 9, 11], maxSize: [14, 12, 16, 13, 12], seed: 7 });

describe("solving a grouping problem", () => {
  it("finds the proven optimum of small instances, with equal and with varying group sizes", () => {
    const cases = [
      { n: 10, m: 2, minSize: [5, 5], maxSize: [5, 5] },
      { n: 10, m: 2, minSize: [3, 3], maxSize: [7, 7] },
      { n: 9, m: 3, minSize: [3, 3, 3], maxSize: [3, 3, 3] },
      { n: 10, m: 3, minSize: [2, 3, 3], maxSize: [4, 4, 5] },
    ];
    for (const [index, bounds] of cases.entries()) {
      const instance = randomInstance({ ...bounds, seed: 100 + index });
      const optimum = bruteForceOptimum(instance);
      const result = solveGroups({ instance, seed: 1, timeLimitMs: 100 });
      expect(result.objective).toBeCloseTo(optimum, 6);
      expect(checkFeasible(instance, result.assignment).feasible).toBe(true);
    }
  });

  it("gives the same groups for the same seed and step budget", () => {
    const instance = mixedBounds();
    const run = (seed: number) => solveGroups({ instance, seed, timeLimitMs: 10_000, maxSteps: 3_000 });
    const first = run(42);
    const second = run(42);
    expect(Array.from(second.assignment)).toEqual(Array.from(first.assignment));
    expect(second.objective).toBe(first.objective);
    expect(first.iterations).toBe(3_000);
  });

  it("keeps every group within its size bounds and reports the objective of the groups it returns", () => {
    const instance = mixedBounds();
    const result = solveGroups({ instance, seed: 3, timeLimitMs: 150 });
    expect(checkFeasible(instance, result.assignment)).toEqual({ feasible: true, problems: [] });
    expect(result.objective).toBeCloseTo(objectiveOf(instance, result.assignment), 9);
  });

  it("stops at the time limit with the best groups so far, reporting progress along the way", () => {
    const instance = randomInstance({
      n: 120,
      m: 10,
      minSize: Array(10).fill(12),
      maxSize: Array(10).fill(12),
      seed: 9,
    });
    const progress: { fraction: number; bestObjective: number }[] = [];
    const result = solveGroups({
      instance,
      seed: 1,
      timeLimitMs: 400,
      onProgress: (update) => progress.push(update),
    });
    expect(result.elapsedMs).toBeGreaterThanOrEqual(400);
    // A little over the limit: the last step or a descheduled moment on a busy machine.
    expect(result.elapsedMs).toBeLessThan(800);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.length).toBeLessThanOrEqual(6);
    expect(progress.at(-1)).toMatchObject({ fraction: 1, bestObjective: result.objective });
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]?.fraction).toBeGreaterThanOrEqual(progress[i - 1]?.fraction ?? 0);
      // The last report recounts the objective exactly; the running sums may differ in the last bits.
      expect(progress[i]?.bestObjective).toBeGreaterThanOrEqual((progress[i - 1]?.bestObjective ?? 0) - 1e-6);
    }
  });

  it("ends early when asked to stop", () => {
    const instance = mixedBounds();
    const startedAt = performance.now();
    const result = solveGroups({
      instance,
      seed: 1,
      timeLimitMs: 10_000,
      shouldStop: () => performance.now() - startedAt > 100,
    });
    expect(result.elapsedMs).toBeLessThan(300);
    expect(checkFeasible(instance, result.assignment).feasible).toBe(true);
  });
});

describe("solving with availability, preferences and fixed places", () => {
  it("puts people only in groups they may join and keeps locked people where they are", () => {
    const instance = mixedBounds();
    const { n, m } = instance;
    const random = createRandom(5);
    const allowed = new Uint8Array(n * m).fill(1);
    // Each person cannot attend two of the five time slots.
    for (let v = 0; v < n; v++) {
      allowed[v * m + random.below(m)] = 0;
      allowed[v * m + random.below(m)] = 0;
    }
    const locked = new Int32Array(n).fill(-1);
    for (let v = 0; v < 6; v++) {
      const g = [0, 1, 2, 3, 4].find((group) => allowed[v * m + group] === 1) ?? 0;
      locked[v] = g;
    }
    const result = solveGroups({ instance, seed: 2, timeLimitMs: 200, allowed, locked });
    expect(checkFeasible(instance, result.assignment, { allowed, locked })).toEqual({
      feasible: true,
      problems: [],
    });
  });

  it("weighs a per-person cost for a group they can attend only if they must", () => {
    const instance = mixedBounds();
    const { n, m } = instance;
    const extraScore = new Float64Array(n * m);
    // Group 0 costs everyone a lot: it ends up at its lower bound.
    for (let v = 0; v < n; v++) extraScore[v * m] = -1_000;
    const result = solveGroups({ instance, seed: 4, timeLimitMs: 150, extraScore });
    const inFirst = result.assignment.filter((g) => g === 0).length;
    expect(inFirst).toBe(instance.minSize[0]);
    expect(result.objective).toBeCloseTo(objectiveOf(instance, result.assignment, extraScore), 9);
  });

  it("says so when no assignment fits the availability", () => {
    const instance = randomInstance({ n: 6, m: 2, minSize: [3, 3], maxSize: [3, 3], seed: 1 });
    const allowed = new Uint8Array(12).fill(1);
    for (let v = 0; v < 4; v++) allowed[v * 2 + 1] = 0; // four people only in group 0, which holds three
    expect(() => solveGroups({ instance, seed: 1, timeLimitMs: 50, allowed })).toThrow(
      "problems.kriskras.grouping.noAssignment",
    );
  });

  it("needs a chain of moves to fit everyone in when places are tight", () => {
    const instance = randomInstance({ n: 6, m: 3, minSize: [2, 2, 2], maxSize: [2, 2, 2], seed: 2 });
    const allowed = Uint8Array.from([1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0]);
    const result = solveGroups({ instance, seed: 8, timeLimitMs: 50, allowed });
    expect(checkFeasible(instance, result.assignment, { allowed })).toEqual({ feasible: true, problems: [] });
  });
});
