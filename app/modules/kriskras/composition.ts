// From a round's sign-ups to groups and back, without I/O. First as many people as possible get a place
// (a slot they can attend, in a slot that forms whole groups within the size bounds and its capacity);
// then the optimiser mixes the placed people over all groups, as a diverse-grouping problem whose
// pairs score how different two people are, minus a penalty for people who met before, and whose
// "if it must" answers cost a little. Anyone without a place is listed with the reason.
import { ATTRIBUTES, type Attribute, type Availability, IF_NEEDED, type Weights } from "./kriskras-kinds.ts";

export interface Candidate {
  /** The sign-up's id. */
  id: string;
  userId: string;
  attributes: Record<Attribute, string>;
  /** Per slot id; a slot not named counts as "nee". */
  availability: Record<string, Availability>;
  /** Higher is more experienced (years of service, then scale); decides the host among equals. */
  seniority: number;
}

export interface SlotRoom {
  id: string;
  /** The most people the slot can take. */
  capacity: number;
}

export interface GroupBounds {
  min: number;
  target: number;
  max: number;
}

export type UnplacedReason = "geen-tijdvak" | "te-weinig-aanmeldingen" | "tijdvakken-vol";

export interface PlacementPlan {
  /** Per slot, in the order given: how many groups it forms and how many people it takes. */
  slots: { slotId: string; groups: number; people: number }[];
  /** Placed candidate id → slot id (the optimiser may still move people between their slots). */
  placed: Map<string, string>;
  unplaced: { id: string; reason: UnplacedReason }[];
}

/** Whether `people` form whole groups within the bounds (0 is fine: the slot is not used). */
export function formsWholeGroups(people: number, bounds: GroupBounds): boolean {
  if (people === 0) return true;
  return Math.ceil(people / bounds.max) <= Math.floor(people / bounds.min);
}

/** The number of groups for `people`: as close to the target size as the bounds allow. */
export function groupCountFor(people: number, bounds: GroupBounds): number {
  if (people === 0) return 0;
  const fewest = Math.ceil(people / bounds.max);
  const most = Math.floor(people / bounds.min);
  return Math.min(most, Math.max(fewest, Math.round(people / bounds.target)));
}

/** The largest number of people up to `people` that forms whole groups. */
function wholeGroupsBelow(people: number, bounds: GroupBounds): number {
  for (let count = people; count > 0; count--) if (formsWholeGroups(count, bounds)) return count;
  return 0;
}

/**
 * Places as many people as possible: a maximum matching of people to slots (augmenting paths, people
 * with fewer slots first, "ja" before "als het moet"), then slots whose count forms no whole groups are
 * filled up or cut back until every slot forms whole groups. A heuristic, not a proof of the most
 * people placeable; deterministic for a given input order.
 */
export function planPlacement(options: {
  candidates: Candidate[];
  slots: SlotRoom[];
  bounds: GroupBounds;
}): PlacementPlan {
  const { candidates, slots, bounds } = options;
  const slotIndex = new Map(slots.map((slot, index) => [slot.id, index]));
  const room = slots.map((slot) => wholeGroupsBelow(Math.max(0, slot.capacity), bounds));
  // The slots each person can attend, "ja" first.
  const choices = candidates.map((candidate) => {
    const yes = slots.filter((slot) => candidate.availability[slot.id] === "ja");
    const ifMust = slots.filter((slot) => candidate.availability[slot.id] === IF_NEEDED);
    return [...yes, ...ifMust].map((slot) => slotIndex.get(slot.id) ?? -1);
  });
  const slotOf = new Int32Array(candidates.length).fill(-1);
  const members: Set<number>[] = slots.map(() => new Set());

  const place = (person: number, slot: number) => {
    const before = slotOf[person] ?? -1;
    if (before >= 0) members[before]?.delete(person);
    slotOf[person] = slot;
    members[slot]?.add(person);
  };

  /** One augmenting path from `person` to a slot with room; moves people along it. */
  const augment = (person: number): boolean => {
    const cameFrom = new Map<number, { slot: number; person: number }>();
    const queue: number[] = [];
    for (const slot of choices[person] ?? []) {
      if (cameFrom.has(slot)) continue;
      cameFrom.set(slot, { slot: -1, person });
      queue.push(slot);
    }
    for (let head = 0; head < queue.length; head++) {
      const slot = queue[head] ?? 0;
      if ((members[slot]?.size ?? 0) < (room[slot] ?? 0)) {
        // Walk back: each person on the path moves one slot along.
        let at = slot;
        for (;;) {
          const step = cameFrom.get(at);
          if (!step) break;
          place(step.person, at);
          if (step.slot < 0) break;
          at = step.slot;
        }
        return true;
      }
      for (const other of members[slot] ?? []) {
        for (const next of choices[other] ?? []) {
          if (cameFrom.has(next)) continue;
          cameFrom.set(next, { slot, person: other });
          queue.push(next);
        }
      }
    }
    return false;
  };

  const order = candidates.map((_, index) => index);
  order.sort((x, y) => (choices[x]?.length ?? 0) - (choices[y]?.length ?? 0) || x - y);
  for (const person of order) if ((choices[person]?.length ?? 0) > 0) augment(person);

  // A slot that forms no whole groups first takes in people who can come, up to the next whole number
  // of groups: people without a place, then people from slots that stay whole without them. Failing
  // that it is cut back to the whole groups below, and whoever it lets go tries the other slots.
  for (;;) {
    const slot = members.findIndex((set) => !formsWholeGroups(set.size, bounds));
    if (slot < 0) break;
    const size = members[slot]?.size ?? 0;
    let above = size + 1;
    while (above <= (room[slot] ?? 0) && !formsWholeGroups(above, bounds)) above++;
    if (above <= (room[slot] ?? 0)) {
      // People still waiting first, then people from other slots that stay whole without them.
      const need = above - size;
      const pulled = order.filter((person) => slotOf[person] === -1 && choices[person]?.includes(slot));
      const left = members.map((set) => set.size);
      for (const person of order) {
        if (pulled.length >= need) break;
        const from = slotOf[person] ?? -1;
        if (from < 0 || from === slot || !choices[person]?.includes(slot)) continue;
        if (!formsWholeGroups((left[from] ?? 0) - 1, bounds)) continue;
        left[from] = (left[from] ?? 0) - 1;
        pulled.push(person);
      }
      if (pulled.length >= need) {
        for (const person of pulled.slice(0, need)) place(person, slot);
        continue;
      }
    }
    const keep = wholeGroupsBelow((members[slot]?.size ?? 0) - 1, bounds);
    room[slot] = keep;
    const slotId = slots[slot]?.id ?? "";
    // Those who said "als het moet" go first, then those with the most other slots, then whoever signed
    // up last (the caller gives the candidates in the order they signed up).
    const leaving = [...(members[slot] ?? [])]
      .sort((x, y) => {
        const xMust = candidates[x]?.availability[slotId] === IF_NEEDED ? 0 : 1;
        const yMust = candidates[y]?.availability[slotId] === IF_NEEDED ? 0 : 1;
        return xMust - yMust || (choices[y]?.length ?? 0) - (choices[x]?.length ?? 0) || y - x;
      })
      .slice(0, (members[slot]?.size ?? 0) - keep);
    for (const person of leaving) {
      members[slot]?.delete(person);
      slotOf[person] = -1;
    }
    for (const person of leaving) augment(person);
  }

  const placed = new Map<string, string>();
  const unplaced: PlacementPlan["unplaced"] = [];
  candidates.forEach((candidate, person) => {
    const slot = slotOf[person] ?? -1;
    if (slot >= 0) {
      placed.set(candidate.id, slots[slot]?.id ?? "");
      return;
    }
    const options = choices[person] ?? [];
    const reason: UnplacedReason =
      options.length === 0
        ? "geen-tijdvak"
        : options.every((index) => (room[index] ?? 0) === 0)
          ? "te-weinig-aanmeldingen"
          : "tijdvakken-vol";
    unplaced.push({ id: candidate.id, reason });
  });
  return {
    slots: slots.map((slot, index) => {
      const people = members[index]?.size ?? 0;
      return { slotId: slot.id, groups: groupCountFor(people, bounds), people };
    }),
    placed,
    unplaced,
  };
}

/** How different two people are: the weights of the attributes on which they differ. */
export function pairDiversity(a: Candidate, b: Candidate, weights: Weights): number {
  let sum = 0;
  for (const attribute of ATTRIBUTES) {
    if (a.attributes[attribute] !== b.attributes[attribute]) sum += weights[attribute];
  }
  return sum;
}

export const pairKey = (userA: string, userB: string) =>
  userA < userB ? `${userA}|${userB}` : `${userB}|${userA}`;

export interface GroupSlot {
  slotId: string;
  /** 1, 2, … within the slot. */
  number: number;
}

export interface GroupingProblem {
  /** The placed candidates, in element order. */
  elements: Candidate[];
  groups: GroupSlot[];
  instance: { n: number; m: number; distances: Float64Array; minSize: Int32Array; maxSize: Int32Array };
  allowed: Uint8Array;
  extraScore: Float64Array;
  locked: Int32Array;
  /** Locks that could not be kept (the group no longer exists, or the person cannot attend it). */
  droppedLocks: string[];
}

/**
 * The diverse-grouping problem for the placed people. Groups in a slot share its capacity (their upper
 * bounds add up to at most the capacity); a person may only be in groups of slots they can attend. A
 * pair who met before costs more than any pair can add ("kept apart where possible"); "als het moet"
 * costs as much as one pair that differs in everything.
 */
export function buildGroupingProblem(options: {
  candidates: Candidate[];
  plan: PlacementPlan;
  slots: SlotRoom[];
  bounds: GroupBounds;
  weights: Weights;
  metBefore: Set<string>;
  /** Candidate id → the group an editor put them in. */
  locks: Map<string, GroupSlot>;
}): GroupingProblem {
  const { plan, bounds, weights } = options;
  const elements = options.candidates
    .filter((candidate) => plan.placed.has(candidate.id))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const capacityOf = new Map(options.slots.map((slot) => [slot.id, slot.capacity]));
  const groups: GroupSlot[] = [];
  const minSize: number[] = [];
  const maxSize: number[] = [];
  for (const slot of plan.slots) {
    const capacity = capacityOf.get(slot.slotId) ?? 0;
    for (let number = 1; number <= slot.groups; number++) {
      groups.push({ slotId: slot.slotId, number });
      minSize.push(bounds.min);
      // The capacity shared out over the slot's groups, never more than the bound.
      const share = Math.floor(capacity / slot.groups) + (number <= capacity % slot.groups ? 1 : 0);
      maxSize.push(Math.min(bounds.max, share));
    }
  }
  const n = elements.length;
  const m = groups.length;
  const weightSum = ATTRIBUTES.reduce((sum, attribute) => sum + weights[attribute], 0);
  const repeatPenalty = 2 * bounds.max * Math.max(1, weightSum);
  const ifMustCost = Math.max(1, weightSum);
  // Each attribute's values as small numbers, so the n² pairs compare numbers, not strings.
  const codes = ATTRIBUTES.map((attribute) => {
    const known = new Map<string, number>();
    return Int32Array.from(elements, (candidate) => {
      const value = candidate.attributes[attribute];
      if (!known.has(value)) known.set(value, known.size);
      return known.get(value) as number;
    });
  });
  const attributeWeights = ATTRIBUTES.map((attribute) => weights[attribute]);
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let d = 0;
      for (let k = 0; k < codes.length; k++) {
        if ((codes[k] as Int32Array)[i] !== (codes[k] as Int32Array)[j]) d += attributeWeights[k] as number;
      }
      distances[i * n + j] = d;
      distances[j * n + i] = d;
    }
  }
  // Pairs who met before, looked up from the (few) meetings rather than for every pair.
  const elementsOfUser = new Map<string, number[]>();
  elements.forEach((candidate, v) => {
    elementsOfUser.set(candidate.userId, [...(elementsOfUser.get(candidate.userId) ?? []), v]);
  });
  for (const key of options.metBefore) {
    const [low, high] = key.split("|");
    for (const i of elementsOfUser.get(low ?? "") ?? []) {
      for (const j of elementsOfUser.get(high ?? "") ?? []) {
        if (i === j) continue;
        distances[i * n + j] = (distances[i * n + j] as number) - repeatPenalty;
        distances[j * n + i] = (distances[j * n + i] as number) - repeatPenalty;
      }
    }
  }
  const allowed = new Uint8Array(n * m);
  const extraScore = new Float64Array(n * m);
  const locked = new Int32Array(n).fill(-1);
  const droppedLocks: string[] = [];
  elements.forEach((candidate, v) => {
    groups.forEach((group, g) => {
      const answer = candidate.availability[group.slotId];
      if (answer === "ja" || answer === IF_NEEDED) allowed[v * m + g] = 1;
      if (answer === IF_NEEDED) extraScore[v * m + g] = -ifMustCost;
    });
    const lock = options.locks.get(candidate.id);
    if (!lock) return;
    const g = groups.findIndex((group) => group.slotId === lock.slotId && group.number === lock.number);
    if (g >= 0 && allowed[v * m + g] === 1) locked[v] = g;
    else droppedLocks.push(candidate.id);
  });
  return {
    elements,
    groups,
    instance: { n, m, distances, minSize: Int32Array.from(minSize), maxSize: Int32Array.from(maxSize) },
    allowed,
    extraScore,
    locked,
    droppedLocks,
  };
}

export interface ComposedGroup extends GroupSlot {
  members: string[];
  hostId: string;
  /** The sum of the pair diversities inside the group (without penalties). */
  score: number;
  /** Pairs in the group who met in an earlier round. */
  repeats: number;
}

/** The groups an assignment describes, each with its host and score. */
export function groupsFromAssignment(options: {
  problem: GroupingProblem;
  assignment: Int32Array;
  weights: Weights;
  metBefore: Set<string>;
}): ComposedGroup[] {
  const { problem } = options;
  const membersOf = problem.groups.map(() => [] as Candidate[]);
  problem.elements.forEach((candidate, v) => {
    membersOf[options.assignment[v] ?? 0]?.push(candidate);
  });
  return problem.groups.map((group, g) => {
    const members = membersOf[g] ?? [];
    return {
      ...group,
      members: members.map((member) => member.id),
      hostId: chooseHost(members, group.slotId)?.id ?? "",
      ...scoreGroup(members, options.weights, options.metBefore),
    };
  });
}

/** The diversity of a group and how many of its pairs met before. */
export function scoreGroup(members: Candidate[], weights: Weights, metBefore: Set<string>) {
  let score = 0;
  let repeats = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i] as Candidate;
      const b = members[j] as Candidate;
      score += pairDiversity(a, b, weights);
      if (metBefore.has(pairKey(a.userId, b.userId))) repeats++;
    }
  }
  return { score, repeats };
}

/** The host: someone who said "ja" to the slot, the most experienced first. */
export function chooseHost(members: Candidate[], slotId: string): Candidate | undefined {
  return [...members].sort(
    (x, y) =>
      Number(y.availability[slotId] === "ja") - Number(x.availability[slotId] === "ja") ||
      y.seniority - x.seniority ||
      (x.id < y.id ? -1 : 1),
  )[0];
}

/** A group's mix per attribute: how many members have each value, most frequent first. */
export function groupMix(members: Candidate[]): Record<Attribute, { value: string; count: number }[]> {
  const mix = {} as Record<Attribute, { value: string; count: number }[]>;
  for (const attribute of ATTRIBUTES) {
    const counts = new Map<string, number>();
    for (const member of members) {
      const value = member.attributes[attribute];
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    mix[attribute] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
  }
  return mix;
}
