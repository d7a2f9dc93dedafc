import { describe, expect, it } from "vitest";
import { createRandom } from "../../../infra/seeded-random.ts";
import { kMeans, silhouette } from "./kmeans.ts";

/** `count` points scattered around each centre, the same every run. */
function blobs(centres: [number, number][], count: number, spread = 0.3, seed = 3): Float64Array[] {
  const random = createRandom(seed);
  return centres.flatMap(([x, y]) =>
    Array.from({ length: count }, () =>
      Float64Array.of(x + (random.next() - 0.5) * spread, y + (random.next() - 0.5) * spread),
    ),
  );
}

describe("k-means", () => {
  it("finds three clearly separate clouds", () => {
    const points = blobs(
      [
        [0, 0],
        [5, 0],
        [0, 5],
      ],
      20,
    );
    const { assignment, centres } = kMeans(points, 3);
    expect(centres).toHaveLength(3);
    for (const cloud of [0, 1, 2]) {
      const clusters = new Set(assignment.slice(cloud * 20, cloud * 20 + 20));
      expect(clusters.size).toBe(1);
    }
    expect(new Set(assignment).size).toBe(3);
  });

  it("gives the same clusters on every run", () => {
    const points = blobs(
      [
        [0, 0],
        [1, 1],
        [2, 0],
      ],
      30,
      1.5,
    );
    const first = kMeans(points, 3);
    const second = kMeans(points, 3);
    expect([...second.assignment]).toEqual([...first.assignment]);
  });

  it("keeps the previous centres when they still fit, and their order", () => {
    const points = blobs(
      [
        [0, 0],
        [5, 0],
      ],
      10,
    );
    const warm = [Float64Array.of(5, 0), Float64Array.of(0, 0)];
    const { assignment } = kMeans(points, 2, { warmStart: warm });
    expect(assignment[0]).toBe(1);
    expect(assignment[10]).toBe(0);
  });

  it("lets a heavy point pull its centre", () => {
    const points = [Float64Array.of(0, 0), Float64Array.of(1, 0), Float64Array.of(10, 0)];
    const { centres } = kMeans(points, 2, { weights: [1, 3, 1] });
    const near = centres.find((centre) => (centre[0] ?? 0) < 5);
    expect(near?.[0]).toBeCloseTo(0.75, 9);
  });

  it("gives fewer clusters when there are fewer distinct places than asked", () => {
    const points = [Float64Array.of(1, 1), Float64Array.of(1, 1), Float64Array.of(2, 2)];
    expect(kMeans(points, 3).centres.length).toBeLessThanOrEqual(2);
  });
});

describe("the silhouette", () => {
  it("is near 1 for tight, distant clusters and lower when they overlap", () => {
    const apart = blobs(
      [
        [0, 0],
        [10, 0],
      ],
      10,
    );
    const close = blobs(
      [
        [0, 0],
        [0.2, 0],
      ],
      10,
    );
    const split = Int32Array.from({ length: 20 }, (_, index) => (index < 10 ? 0 : 1));
    expect(silhouette(apart, split)).toBeGreaterThan(0.95);
    expect(silhouette(close, split)).toBeLessThan(0.5);
  });

  it("matches a small case worked out by hand", () => {
    // Points 0, 1 and 4, 5 on a line: for 0, a = 1 and b = (4 + 5) / 2 = 4.5, so s = 1 − 1/4.5.
    const points = [0, 1, 4, 5].map((x) => Float64Array.of(x, 0));
    const s0 = 1 - 1 / 4.5;
    const s1 = 1 - 1 / 3.5;
    expect(silhouette(points, [0, 0, 1, 1])).toBeCloseTo((2 * s0 + 2 * s1) / 4, 12);
  });

  it("counts a point of weight w as w people at the same place", () => {
    const points = [0, 1, 4, 5].map((x) => Float64Array.of(x, 0));
    const expanded = [0, 0, 1, 4, 5].map((x) => Float64Array.of(x, 0));
    expect(silhouette(points, [0, 0, 1, 1], [2, 1, 1, 1])).toBeCloseTo(
      silhouette(expanded, [0, 0, 0, 1, 1]),
      12,
    );
  });

  it("is 0 with a single cluster", () => {
    expect(silhouette([Float64Array.of(0, 0), Float64Array.of(1, 1)], [0, 0])).toBe(0);
  });
});
