import { describe, expect, it } from "vitest";
import { createRandom } from "../../../infra/seeded-random.ts";
import { checkFeasible, type GroupingInstance, objectiveOf } from "./mdgp-instance.ts";
import { type SolveProgress, solveGroups } from "./solve-groups.ts";
import { solveGroupsInWorker } from "./solve-in-worker.server.ts";

function equalGroups(n: number, m: number, seed: number): GroupingInstance {
  const random = createRandom(seed);
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      distances[i * n + j] = random.below(100);
      distances[j * n + i] = distances[i * n + j] ?? 0;
    }
  }
  return { n, m, distances, minSize: new Int32Array(m).fill(n / m), maxSize: new Int32Array(m).fill(n / m) };
}

describe("solving groups in a worker thread", () => {
  it("reports progress, keeps the main thread free and returns the same groups as in-process", async () => {
    const instance = equalGroups(120, 10, 1);
    const progress: SolveProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const result = await solveGroupsInWorker({
      instance,
      seed: 5,
      timeLimitMs: 60_000,
      maxSteps: 4_000,
      onProgress: (update) => progress.push(update),
    });
    clearInterval(timer);
    expect(checkFeasible(instance, result.assignment).feasible).toBe(true);
    expect(result.objective).toBeCloseTo(objectiveOf(instance, result.assignment), 6);
    expect(progress.at(-1)?.fraction).toBe(1);
    // While the worker searched, the main thread's timer kept firing about every 20 ms.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(result.elapsedMs / 20 / 3));
    const inProcess = solveGroups({ instance, seed: 5, timeLimitMs: 60_000, maxSteps: 4_000 });
    expect(Array.from(result.assignment)).toEqual(Array.from(inProcess.assignment));
  });

  it("stops when aborted and rejects with the abort reason", async () => {
    const instance = equalGroups(120, 10, 2);
    const controller = new AbortController();
    const startedAt = performance.now();
    const solving = solveGroupsInWorker({
      instance,
      seed: 1,
      timeLimitMs: 30_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error("genoeg")), 200);
    await expect(solving).rejects.toThrow("genoeg");
    expect(performance.now() - startedAt).toBeLessThan(1_500);
  });

  it("passes on why an instance cannot be solved", async () => {
    const instance = equalGroups(4, 2, 3);
    const allowed = Uint8Array.from([1, 0, 1, 0, 1, 0, 1, 1]);
    await expect(solveGroupsInWorker({ instance, seed: 1, timeLimitMs: 100, allowed })).rejects.toThrow(
      "problems.kriskras.grouping.noAssignment",
    );
  });
});
