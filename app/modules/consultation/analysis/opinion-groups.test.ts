import { describe, expect, it } from "vitest";
import { createRandom } from "../../../infra/seeded-random.ts";
import { numberGroups, opinionGroups } from "./opinion-groups.ts";

function cloud(centres: [number, number][], sizes: number[], seed = 5): Float64Array[] {
  const random = createRandom(seed);
  return centres.flatMap(([x, y], index) =>
    Array.from({ length: sizes[index] ?? 0 }, () =>
      Float64Array.of(x + (random.next() - 0.5) * 0.8, y + (random.next() - 0.5) * 0.8),
    ),
  );
}

describe("opinion groups", () => {
  const places = cloud(
    [
      [0, 0],
      [6, 0],
      [3, 5],
    ],
    [60, 40, 25],
  );
  const people = places.map((_, index) => `p${index}`);

  it("chooses the number of groups that separates people best", () => {
    const found = opinionGroups(people, places);
    expect(found.groups.map((group) => group.size).sort((a, b) => b - a)).toEqual([60, 40, 25]);
    const best = found.separation.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(best.groups).toBe(3);
    expect(found.separation.map((option) => option.groups)).toEqual([2, 3, 4, 5]);
  });

  it("gives the same groups, with the same numbers, on every run", () => {
    const first = opinionGroups(people, places);
    const second = opinionGroups(people, places);
    expect([...second.groupOf]).toEqual([...first.groupOf]);
  });

  it("keeps each group's number when people join and move a little", () => {
    const first = opinionGroups(people, places);
    const previous = {
      baseCentres: first.baseCentres,
      groups: first.groups.map((group) => ({
        id: group.id,
        centre: group.centre,
        members: people.filter((_, index) => first.groupOf[index] === group.id),
      })),
    };
    const random = createRandom(9);
    const moved = places.map((place) =>
      Float64Array.of(
        (place[0] ?? 0) + (random.next() - 0.5) * 0.2,
        (place[1] ?? 0) + (random.next() - 0.5) * 0.2,
      ),
    );
    const newcomers = cloud([[6, 0]], [5], 11);
    const second = opinionGroups(
      [...people, "n0", "n1", "n2", "n3", "n4"],
      [...moved, ...newcomers],
      previous,
    );
    expect([...second.groupOf.slice(0, people.length)]).toEqual([...first.groupOf]);
    expect(second.groupOf[people.length]).toBe(first.groupOf[60]);
  });

  it("keeps the number of groups when another is only a little better", () => {
    const first = opinionGroups(people, places);
    const threeGroups = {
      baseCentres: first.baseCentres,
      groups: first.groups.map((group) => ({ id: group.id, centre: group.centre, members: [] as string[] })),
    };
    // A previous run with four groups: four is kept only if within the margin of the best.
    const four = first.separation.find((option) => option.groups === 4);
    const three = first.separation.find((option) => option.groups === 3);
    expect((three?.silhouette ?? 0) - (four?.silhouette ?? 0)).toBeGreaterThan(0.02);
    const fourBefore = {
      ...threeGroups,
      groups: [...threeGroups.groups, { id: 9, centre: Float64Array.of(10, 10), members: [] }],
    };
    expect(opinionGroups(people, places, fourBefore).groups).toHaveLength(3);
  });
});

describe("numbering groups", () => {
  it("gives each new cluster the number of the previous group it shares most people with", () => {
    const people = ["a", "b", "c", "d", "e"];
    const previous = [
      { id: 4, members: ["a", "b"] },
      { id: 2, members: ["c", "d", "e"] },
    ];
    expect(numberGroups(people, [1, 1, 0, 0, 0], 2, previous)).toEqual([2, 4]);
  });

  it("gives a cluster that shares nobody with a previous group the lowest free number", () => {
    const people = ["a", "b", "c", "x", "y"];
    const previous = [
      { id: 0, members: ["a", "b"] },
      { id: 1, members: ["c"] },
    ];
    expect(numberGroups(people, [0, 0, 1, 2, 2], 3, previous)).toEqual([0, 1, 2]);
    expect(numberGroups(people, [2, 2, 0, 1, 1], 3, [])).toEqual([0, 1, 2]);
  });

  it("pairs up as many people as possible when two clusters come from the same group", () => {
    const people = ["a", "b", "c", "d", "e", "f"];
    const previous = [
      { id: 0, members: ["a", "b", "c", "d"] },
      { id: 1, members: ["e", "f"] },
    ];
    // The bigger part of group 0 keeps 0; the smaller part gets a new number.
    expect(numberGroups(people, [0, 0, 0, 1, 2, 2], 3, previous)).toEqual([0, 2, 1]);
  });
});
