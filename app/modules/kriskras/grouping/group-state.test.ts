import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGroupState, moveElement, moveGain, swapElements, swapGain } from "./group-state.ts";
import { type GroupingInstance, objectiveOf } from "./mdgp-instance.ts";

const scenario = fc
  .record({ n: fc.integer({ min: 2, max: 14 }), m: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      values: fc.array(fc.integer({ min: -50, max: 100 }), { minLength: n * n, maxLength: n * n }),
      extra: fc.option(fc.array(fc.integer({ min: -20, max: 5 }), { minLength: n * m, maxLength: n * m })),
      start: fc.array(fc.nat(m - 1), { minLength: n, maxLength: n }),
      steps: fc.array(
        fc.record({ swap: fc.boolean(), u: fc.nat(n - 1), v: fc.nat(n - 1), g: fc.nat(m - 1) }),
        {
          maxLength: 60,
        },
      ),
    }),
  );

function instanceOf(n: number, m: number, values: number[]): GroupingInstance {
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      distances[i * n + j] = (values[i * n + j] ?? 0) / 8;
      distances[j * n + i] = distances[i * n + j] ?? 0;
    }
  }
  return { n, m, distances, minSize: new Int32Array(m), maxSize: new Int32Array(m).fill(n) };
}

describe("the incremental group sums", () => {
  it("match a full recount after any sequence of moves and swaps, and predict each gain", () => {
    fc.assert(
      fc.property(scenario, ({ n, m, values, extra, start, steps }) => {
        const instance = instanceOf(n, m, values);
        const extraScore = extra ? Float64Array.from(extra) : undefined;
        const state = createGroupState({ instance, assignment: Int32Array.from(start), extraScore });
        for (const step of steps) {
          const before = state.objective;
          let predicted = 0;
          if (step.swap) {
            if (state.group[step.u] === state.group[step.v]) continue;
            predicted = swapGain(state, step.u, step.v);
            swapElements(state, step.u, step.v);
          } else {
            predicted = moveGain(state, step.u, step.g);
            moveElement(state, step.u, step.g);
          }
          expect(state.objective - before).toBeCloseTo(predicted, 9);
        }
        expect(state.objective).toBeCloseTo(objectiveOf(instance, state.group, extraScore), 9);
        const sizes = new Int32Array(m);
        for (const g of state.group) sizes[g] = (sizes[g] ?? 0) + 1;
        expect(Array.from(state.size)).toEqual(Array.from(sizes));
        for (let v = 0; v < n; v++) {
          for (let g = 0; g < m; g++) {
            let sum = extraScore?.[v * m + g] ?? 0;
            for (let u = 0; u < n; u++)
              if (u !== v && state.group[u] === g) sum += instance.distances[v * n + u] ?? 0;
            expect(state.sums[v * m + g]).toBeCloseTo(sum, 9);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
