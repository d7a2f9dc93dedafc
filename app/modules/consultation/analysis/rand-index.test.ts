import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./rand-index.ts";

describe("the adjusted Rand index", () => {
  it("is 1 for the same grouping under other names", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ["b", "b", "a", "a", "c"])).toBe(1);
  });

  it("matches a case worked out by hand", () => {
    // Contingency [[2, 1], [0, 2]]: index 1 + 1 = 2, rows 3 + 1 = 4, columns 1 + 3 = 4, pairs 10:
    // expected 4 · 4 / 10 = 1.6, most 4, so (2 − 1.6) / (4 − 1.6) = 1/6.
    expect(adjustedRandIndex([0, 0, 0, 1, 1], ["x", "x", "y", "y", "y"])).toBeCloseTo(1 / 6, 12);
  });

  it("is about 0 for a grouping unrelated to the other, and can go below", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeLessThan(0);
  });

  it("refuses groupings of different people", () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow();
  });
});
