import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildGroupingProblem,
  type Candidate,
  chooseHost,
  formsWholeGroups,
  groupCountFor,
  groupMix,
  groupsFromAssignment,
  pairDiversity,
  pairKey,
  planPlacement,
} from "./composition.ts";
import type { Availability, Weights } from "./kriskras-kinds.ts";

const BOUNDS = { min: 10, target: 12, max: 14 };
const WEIGHTS: Weights = { organisation: 4, workKind: 2, scaleBand: 1, serviceBand: 1, region: 1 };

function person(
  index: number,
  availability: Record<string, Availability>,
  overrides: Partial<Candidate> = {},
) {
  return {
    id: `s${String(index).padStart(4, "0")}`,
    userId: `u${String(index).padStart(4, "0")}`,
    attributes: {
      organisation: `org${index % 7}`,
      workKind: `work${index % 3}`,
      scaleBand: `scale${index % 4}`,
      serviceBand: `service${index % 5}`,
      region: `region${index % 2}`,
    },
    availability,
    seniority: index % 5,
    ...overrides,
  } satisfies Candidate;
}

const people = (count: number, availability: Record<string, Availability>, from = 0) =>
  Array.from({ length: count }, (_, index) => person(from + index, availability));

describe("group counts", () => {
  it("knows which numbers of people form whole groups of 10 to 14", () => {
    const whole = Array.from({ length: 45 }, (_, count) => count).filter((count) =>
      formsWholeGroups(count, BOUNDS),
    );
    expect(whole).toEqual([0, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 25, 26, 27, 28, ...range(30, 44)]);
  });

  it("makes groups as close to the target size as the bounds allow", () => {
    expect(groupCountFor(24, BOUNDS)).toBe(2);
    expect(groupCountFor(14, BOUNDS)).toBe(1);
    expect(groupCountFor(36, BOUNDS)).toBe(3);
    expect(groupCountFor(40, BOUNDS)).toBe(3);
    expect(groupCountFor(0, BOUNDS)).toBe(0);
  });
});

function range(from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

describe("placing people in slots", () => {
  it("places everyone when there is room, in whole groups", () => {
    const plan = planPlacement({
      candidates: people(24, { a: "ja" }),
      slots: [{ id: "a", capacity: 30 }],
      bounds: BOUNDS,
    });
    expect(plan.unplaced).toEqual([]);
    expect(plan.slots).toEqual([{ slotId: "a", groups: 2, people: 24 }]);
  });

  it("says why someone has no place: no slot, too few people, or the slots are full", () => {
    const plan = planPlacement({
      candidates: [person(0, { a: "nee" }), ...people(5, { b: "ja" }, 1), ...people(15, { c: "ja" }, 10)],
      slots: [
        { id: "a", capacity: 20 },
        { id: "b", capacity: 20 },
        { id: "c", capacity: 12 },
      ],
      bounds: BOUNDS,
    });
    const reasons = new Map(plan.unplaced.map((entry) => [entry.id, entry.reason]));
    expect(reasons.get("s0000")).toBe("geen-tijdvak");
    expect([1, 2, 3, 4, 5].map((index) => reasons.get(person(index, {}).id))).toEqual(
      Array(5).fill("te-weinig-aanmeldingen"),
    );
    expect([...reasons.values()].filter((reason) => reason === "tijdvakken-vol")).toHaveLength(3);
    expect(plan.slots.find((slot) => slot.slotId === "c")).toEqual({ slotId: "c", groups: 1, people: 12 });
  });

  it("moves people who can also come another time to make room for those who cannot", () => {
    const flexible = people(10, { a: "ja", b: "ja" });
    const onlyA = people(12, { a: "ja" }, 100);
    const plan = planPlacement({
      candidates: [...flexible, ...onlyA],
      slots: [
        { id: "a", capacity: 14 },
        { id: "b", capacity: 14 },
      ],
      bounds: BOUNDS,
    });
    expect(plan.unplaced).toEqual([]);
    for (const candidate of onlyA) expect(plan.placed.get(candidate.id)).toBe("a");
  });

  it("sends one person away rather than make a group too small", () => {
    // 15 for one slot: one group of 14; two groups would need 20.
    const plan = planPlacement({
      candidates: people(15, { a: "ja" }),
      slots: [{ id: "a", capacity: 30 }],
      bounds: BOUNDS,
    });
    expect(plan.slots[0]).toEqual({ slotId: "a", groups: 1, people: 14 });
    expect(plan.unplaced).toEqual([{ id: "s0014", reason: "tijdvakken-vol" }]);
  });

  it("keeps every slot in whole groups within its capacity, with only people who can come", () => {
    const answer = fc.constantFrom<Availability>("ja", "als-het-moet", "nee");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(answer, answer, answer), { minLength: 0, maxLength: 80 }),
        fc.tuple(
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 0, max: 40 }),
        ),
        (answers, capacities) => {
          const slots = capacities.map((capacity, index) => ({ id: `t${index}`, capacity }));
          const candidates = answers.map(([x, y, z], index) => person(index, { t0: x, t1: y, t2: z }));
          const plan = planPlacement({ candidates, slots, bounds: BOUNDS });
          expect(plan.placed.size + plan.unplaced.length).toBe(candidates.length);
          for (const slot of plan.slots) {
            const capacity = slots.find((candidate) => candidate.id === slot.slotId)?.capacity ?? 0;
            expect(formsWholeGroups(slot.people, BOUNDS)).toBe(true);
            expect(slot.people).toBeLessThanOrEqual(capacity);
          }
          for (const candidate of candidates) {
            const slot = plan.placed.get(candidate.id);
            if (slot) expect(["ja", "als-het-moet"]).toContain(candidate.availability[slot]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the grouping problem", () => {
  const candidates = [...people(12, { a: "ja", b: "als-het-moet" }), ...people(12, { b: "ja" }, 50)];
  const slots = [
    { id: "a", capacity: 13 },
    { id: "b", capacity: 40 },
  ];

  it("scores pairs by the weights of what differs, and penalises people who met before", () => {
    const [first, second] = candidates as [Candidate, Candidate];
    expect(pairDiversity(first, first, WEIGHTS)).toBe(0);
    expect(pairDiversity(first, second, WEIGHTS)).toBe(9);
    const plan = planPlacement({ candidates, slots, bounds: BOUNDS });
    const problem = buildGroupingProblem({
      candidates,
      plan,
      slots,
      bounds: BOUNDS,
      weights: WEIGHTS,
      metBefore: new Set([pairKey(first.userId, second.userId)]),
      locks: new Map(),
    });
    const { n, distances } = problem.instance;
    const i = problem.elements.indexOf(first);
    const j = problem.elements.indexOf(second);
    expect(distances[i * n + j]).toBeLessThan(-9 * 14);
    expect(distances[i * n + j]).toBe(distances[j * n + i]);
  });

  it("allows only slots people can attend, charges for 'if it must', and shares the capacity", () => {
    const plan = planPlacement({ candidates, slots, bounds: BOUNDS });
    const problem = buildGroupingProblem({
      candidates,
      plan,
      slots,
      bounds: BOUNDS,
      weights: WEIGHTS,
      metBefore: new Set(),
      locks: new Map([[candidates[0]?.id ?? "", { slotId: "a", number: 1 }]]),
    });
    const { m } = problem.instance;
    const groupA = problem.groups.findIndex((group) => group.slotId === "a");
    const groupB = problem.groups.findIndex((group) => group.slotId === "b");
    const onlyB = problem.elements.findIndex((candidate) => candidate.id === "s0050");
    const both = problem.elements.findIndex((candidate) => candidate.id === "s0001");
    expect(problem.allowed[onlyB * m + groupA]).toBe(0);
    expect(problem.allowed[onlyB * m + groupB]).toBe(1);
    expect(problem.extraScore[both * m + groupB]).toBeLessThan(0);
    expect(problem.extraScore[both * m + groupA]).toBe(0);
    expect(problem.instance.maxSize[groupA]).toBe(13);
    expect(problem.locked[problem.elements.findIndex((candidate) => candidate.id === "s0000")]).toBe(groupA);
    expect(problem.droppedLocks).toEqual([]);
  });

  it("drops a lock on a group that is no longer there, and says so", () => {
    const plan = planPlacement({ candidates, slots, bounds: BOUNDS });
    const problem = buildGroupingProblem({
      candidates,
      plan,
      slots,
      bounds: BOUNDS,
      weights: WEIGHTS,
      metBefore: new Set(),
      locks: new Map([["s0050", { slotId: "a", number: 1 }]]),
    });
    expect(problem.droppedLocks).toEqual(["s0050"]);
  });

  it("turns an assignment into groups with a host who said yes, a score and the repeats", () => {
    const plan = planPlacement({ candidates, slots, bounds: BOUNDS });
    const problem = buildGroupingProblem({
      candidates,
      plan,
      slots,
      bounds: BOUNDS,
      weights: WEIGHTS,
      metBefore: new Set(),
      locks: new Map(),
    });
    const assignment = Int32Array.from(
      problem.elements.map((candidate) => (candidate.availability.a ? 0 : 1)),
    );
    const groups = groupsFromAssignment({ problem, assignment, weights: WEIGHTS, metBefore: new Set() });
    expect(groups.map((group) => group.members.length)).toEqual([12, 12]);
    for (const group of groups) expect(group.members).toContain(group.hostId);
    expect(groups[0]?.score).toBeGreaterThan(0);
  });

  it("picks as host someone who said yes, the most experienced first, and shows the mix", () => {
    const maybe = person(1, { a: "als-het-moet" }, { seniority: 9 });
    const yes = person(2, { a: "ja" }, { seniority: 3 });
    const senior = person(3, { a: "ja" }, { seniority: 4 });
    expect(chooseHost([maybe, yes, senior], "a")?.id).toBe(senior.id);
    const mix = groupMix([yes, senior, person(9, {})]);
    expect(mix.region).toEqual([
      { value: "region1", count: 2 },
      { value: "region0", count: 1 },
    ]);
  });
});
