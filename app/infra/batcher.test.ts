import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher.ts";

describe("a batcher", () => {
  it("runs a lone item at once, and what arrives meanwhile together, in order, up to the maximum", async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number, number>({
      max: 3,
      run: async (items) => {
        batches.push(items);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return items.map((item) => item * 10);
      },
    });
    const first = batcher.add(1);
    expect(batches).toEqual([[1]]);
    const rest = [2, 3, 4, 5, 6].map((item) => batcher.add(item));
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
    expect(await batcher.add(7)).toBe(70);
    expect(batches.at(-1)).toEqual([7]);
  });

  it("gives each item of a failed batch its own answer, so one bad item fails alone", async () => {
    const batcher = createBatcher<number, number>({
      max: 10,
      run: async (items) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (items.includes(13)) throw new Error("ongeluk");
        return items;
      },
    });
    const blocker = batcher.add(0);
    const answers = await Promise.allSettled([12, 13, 14].map((item) => batcher.add(item)));
    await blocker;
    expect(answers.map((answer) => answer.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("with a wait, lets items that come just after the first go with it", async () => {
    const batches: string[][] = [];
    const batcher = createBatcher<string, string>({
      max: 10,
      waitMs: 20,
      run: async (items) => {
        batches.push(items);
        return items;
      },
    });
    const first = batcher.add("a");
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = batcher.add("b");
    expect(await Promise.all([first, second])).toEqual(["a", "b"]);
    expect(batches).toEqual([["a", "b"]]);
  });
});
