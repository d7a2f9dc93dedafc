import { describe, expect, it } from "vitest";
import { checkFeasible, createGroupingInstance, objectiveOf, parseMdgpInstance } from "./mdgp-instance.ts";

// Four elements, two groups of two; d(0,1)=1, d(0,2)=2, d(0,3)=3, d(1,2)=4, d(1,3)=5, d(2,3)=6.
const small = ["4 2 ss 2 2 2 2", "0 1 1", "0 2 2", "0 3 3", "1 2 4", "1 3 5", "2 3 6.5"].join("\n");

function parseError(text: string): string {
  try {
    parseMdgpInstance(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a parse error");
}

describe("reading an MDGPLIB instance", () => {
  it("reads the sizes, the bounds and a symmetric matrix", () => {
    const instance = parseMdgpInstance(`${small}\n`);
    expect(instance.n).toBe(4);
    expect(instance.m).toBe(2);
    expect(Array.from(instance.minSize)).toEqual([2, 2]);
    expect(Array.from(instance.maxSize)).toEqual([2, 2]);
    expect(instance.distances[2 * 4 + 3]).toBe(6.5);
    expect(instance.distances[3 * 4 + 2]).toBe(6.5);
    expect(instance.distances[0]).toBe(0);
  });

  it("reads per-group bounds and Windows line ends", () => {
    const text = ["3 2 ds 1 2 1 2", "0 1 1", "0 2 2", "1 2 3"].join("\r\n");
    const instance = parseMdgpInstance(text);
    expect(Array.from(instance.minSize)).toEqual([1, 1]);
    expect(Array.from(instance.maxSize)).toEqual([2, 2]);
  });

  it("says which line is wrong and why", () => {
    expect(parseError("")).toMatch(/regel 1: .*leeg/);
    expect(parseError("4 2 xx 2 2 2 2")).toMatch(/regel 1: .*"ss" of "ds"/);
    expect(parseError("4 2 ss 2 2 2")).toMatch(/regel 1: verwacht 7 waarden/);
    expect(parseError("4 2 ss 3 2 2 2")).toMatch(/regel 1: groep 1 heeft ongeldige grenzen/);
    expect(parseError("5 2 ss 2 2 2 2")).toMatch(/passen niet/);
    expect(parseError(small.replace("1 2 4", "1 2 vier"))).toMatch(/regel 5: "vier" is geen getal/);
    expect(parseError(small.replace("1 2 4", "1 7 4"))).toMatch(/regel 5: .*niet in 0\.\.3/);
    expect(parseError(small.replace("1 2 4", "1 1 4"))).toMatch(/regel 5: een element met zichzelf/);
    expect(parseError(small.replace("1 2 4", "2 1 4\n1 2 4"))).toMatch(
      /regel 6: het paar 1 2 staat er twee keer in/,
    );
    expect(parseError(small.replace("1 2 4\n", ""))).toMatch(/5 paren gevonden, 6 verwacht/);
    expect(parseError(small.replace("1 2 4", "1 2 4 9"))).toMatch(/regel 5: verwacht "i j d"/);
  });

  it("refuses an instance built in code that is not symmetric", () => {
    const instance = parseMdgpInstance(small);
    const distances = instance.distances.slice();
    distances[1] = 9;
    expect(() => createGroupingInstance({ ...instance, distances })).toThrow(
      "problems.kriskras.grouping.symmetric",
    );
  });
});

describe("the objective and feasibility", () => {
  const instance = parseMdgpInstance(small);

  it("adds the diversity of the pairs inside each group", () => {
    expect(objectiveOf(instance, Int32Array.from([0, 0, 1, 1]))).toBe(1 + 6.5);
    expect(objectiveOf(instance, Int32Array.from([0, 1, 1, 0]))).toBe(3 + 4);
  });

  it("adds the extra score of each element's group", () => {
    const extra = new Float64Array(8);
    extra[0 * 2 + 0] = -2;
    extra[3 * 2 + 1] = 0.5;
    expect(objectiveOf(instance, Int32Array.from([0, 0, 1, 1]), extra)).toBe(7.5 - 2 + 0.5);
  });

  it("reports sizes out of bounds, forbidden groups and broken locks", () => {
    expect(checkFeasible(instance, Int32Array.from([0, 0, 1, 1]))).toEqual({ feasible: true, problems: [] });
    const allowed = Uint8Array.from([1, 1, 1, 1, 1, 0, 1, 1]);
    const locked = Int32Array.from([1, -1, -1, -1]);
    const report = checkFeasible(instance, Int32Array.from([0, 0, 1, 0]), { allowed, locked });
    expect(report.feasible).toBe(false);
    expect(report.problems).toEqual([
      "element 0 hoort vast in groep 1",
      "element 2 mag niet in groep 1",
      "groep 0 heeft 3 elementen, grenzen 2..2",
      "groep 1 heeft 1 elementen, grenzen 2..2",
    ]);
  });
});
