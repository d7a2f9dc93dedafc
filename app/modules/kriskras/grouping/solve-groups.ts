// The group-composition optimiser for kris-kras conversations: splits people into groups within size
// bounds so that the groups are as mixed as possible (the Maximally Diverse Grouping Problem), within a
// time limit, the same for a given seed. See docs/decisions/014-group-optimiser.md for the method.
// biome-ignore-all lint/style/noNonNullAssertion: typed-array reads with indices that are in range by construction

import { AppError } from "../../../infra/errors.ts";
import { message } from "../../../infra/i18n/translate.ts";
import { createRandom, type Random } from "../../../infra/seeded-random.ts";
import {
  createGroupState,
  type GroupState,
  loadAssignment,
  moveElement,
  swapElements,
} from "./group-state.ts";
import { createGroupingInstance, type GroupingInstance, objectiveOf } from "./mdgp-instance.ts";

export type SolveProgress = {
  /** Share of the time limit used, 0..1. */
  fraction: number;
  bestObjective: number;
  elapsedMs: number;
};

export type SolveGroupsOptions = {
  instance: GroupingInstance;
  seed: number;
  timeLimitMs: number;
  /** Called at most about ten times a second, and once at the end. */
  onProgress?: (progress: SolveProgress) => void;
  /** Polled every few milliseconds; true ends the search with the best groups so far. */
  shouldStop?: () => boolean;
  /** `allowed[v * m + g]` is 0 when element v may not be in group g (e.g. a time slot a person cannot attend). */
  allowed?: Uint8Array;
  /** `extraScore[v * m + g]` is added to the objective when v is in g (e.g. a negative cost for "if it must"). */
  extraScore?: Float64Array;
  /** `locked[v]` is the group v must stay in, or -1. */
  locked?: Int32Array;
  /**
   * Also stop after this many local-search steps. With a step budget the result depends on the seed only;
   * with just a time limit the same seed follows the same path but may stop at a different point.
   */
  maxSteps?: number;
};

export type SolveGroupsResult = {
  /** The group of each element. */
  assignment: Int32Array;
  /** Diversity inside the groups plus the extra scores of the chosen groups. */
  objective: number;
  /** Local-search steps taken. */
  iterations: number;
  elapsedMs: number;
};

// The one parameter set, used for every instance (see the decision record).
const POPULATION_FIRST = 20;
const POPULATION_LAST = 4;
/** Steps without improvement before a tabu search ends, per element: at the start and at the end. */
const IDLE_FIRST = 1;
const IDLE_LAST = 30;
const TENURE_BASE_SHARE = 0.05;
const TENURE_SPREAD_SHARE = 0.05;
/** Offspring in a row that do not enter the population before it is renewed. */
const STAGNATION_LIMIT = 30;
const PROGRESS_INTERVAL_MS = 100;
const IMPROVEMENT = 1e-6;

type Search = {
  n: number;
  m: number;
  distances: Float64Array;
  minSize: Int32Array;
  maxSize: Int32Array;
  allowed: Uint8Array | null;
  locked: Int32Array;
  /** The elements that are not locked: the only ones moves may touch. */
  movable: Int32Array;
  sizesVary: boolean;
  random: Random;
  state: GroupState;
  /** Per element and group: the gain of moving the element there, kept up to date after each step. */
  gain: Float64Array;
  /** `bestInto[q * m + p]`: the largest gain of a member of group q moving to group p. */
  bestInto: Float64Array;
  /** Movable members of group g at `members[g * n + k]`, k < memberCount[g]; `position` is k. */
  members: Int32Array;
  memberCount: Int32Array;
  position: Int32Array;
  /** Twice the smallest distance: bounds what a swap can lose to the pair's own distance. */
  twiceMinDistance: number;
  /** Step until which an element may not enter a group. */
  tabuUntil: Float64Array;
  tenureBase: number;
  tenureSpread: number;
  steps: number;
  iterations: number;
  maxSteps: number;
  runBest: Int32Array;
  runBestObjective: number;
  best: Int32Array;
  bestObjective: number;
  startedAt: number;
  deadline: number;
  nextProgress: number;
  stopped: boolean;
  timeLimitMs: number;
  onProgress?: (progress: SolveProgress) => void;
  shouldStop?: () => boolean;
};

export function solveGroups(options: SolveGroupsOptions): SolveGroupsResult {
  const startedAt = performance.now();
  const instance = createGroupingInstance(options.instance);
  const search = prepareSearch(options, instance, startedAt);
  const { n, m } = search;
  const population: Int32Array[] = [];
  const scores: number[] = [];
  const child = new Int32Array(n);

  // Early on: many individuals and short searches, to try many different group-size profiles; later:
  // few individuals and long searches, to dig into the best ones.
  const improve = (assignment: Int32Array): number => {
    loadAssignment(search.state, assignment);
    const share = fractionUsed(search);
    tabuSearch(search, Math.max(50, Math.round(n * (IDLE_FIRST + (IDLE_LAST - IDLE_FIRST) * share))));
    assignment.set(search.runBest);
    return search.runBestObjective;
  };

  for (let i = 0; i < POPULATION_FIRST && !clockRanOut(search); i++) {
    const assignment = new Int32Array(n);
    completeAssignment(search, assignment, false);
    const score = improve(assignment);
    if (isDuplicate(scores, score) && population.length > 0) continue;
    population.push(assignment);
    scores.push(score);
  }
  let unchanged = 0;
  while (population.length >= 2 && !clockRanOut(search)) {
    const target = Math.round(POPULATION_FIRST - (POPULATION_FIRST - POPULATION_LAST) * fractionUsed(search));
    while (population.length > Math.max(2, target)) {
      const worst = worstOf(scores);
      population.splice(worst, 1);
      scores.splice(worst, 1);
    }
    const a = search.random.below(population.length);
    let b = search.random.below(population.length - 1);
    if (b >= a) b++;
    crossGroups(search, population[a]!, population[b]!, child);
    completeAssignment(search, child, true);
    const score = improve(child);
    const worst = worstOf(scores);
    if (score > scores[worst]! + IMPROVEMENT && !isDuplicate(scores, score)) {
      population[worst]!.set(child);
      scores[worst] = score;
      unchanged = 0;
    } else if (++unchanged >= STAGNATION_LIMIT) {
      // The population has stopped changing (small instances get there quickly): keep the best and
      // replace the others by new random starts.
      unchanged = 0;
      const keep = bestOf(scores);
      for (let i = 0; i < population.length && !clockRanOut(search); i++) {
        if (i === keep) continue;
        completeAssignment(search, population[i]!, false);
        scores[i] = improve(population[i]!);
      }
    }
  }
  // A single individual (tiny or fully locked instances) still deserves local search until time runs out.
  while (population.length < 2 && !clockRanOut(search) && m > 1 && search.movable.length > 1) {
    const assignment = new Int32Array(n);
    completeAssignment(search, assignment, false);
    improve(assignment);
  }

  const elapsedMs = performance.now() - startedAt;
  const objective = objectiveOf(instance, search.best, options.extraScore);
  options.onProgress?.({ fraction: 1, bestObjective: objective, elapsedMs });
  return { assignment: search.best, objective, iterations: search.iterations, elapsedMs };
}

function smallestDistance(distances: Float64Array): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < distances.length; i++) if (distances[i]! < smallest) smallest = distances[i]!;
  return smallest;
}

function bestOf(scores: number[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return best;
}

function worstOf(scores: number[]): number {
  let worst = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! < scores[worst]!) worst = i;
  return worst;
}

function fractionUsed(search: Search): number {
  // With a step budget the schedule follows the steps only, so the result depends on the seed alone.
  if (Number.isFinite(search.maxSteps)) return Math.min(1, search.iterations / search.maxSteps);
  return search.timeLimitMs > 0
    ? Math.min(1, (performance.now() - search.startedAt) / search.timeLimitMs)
    : 1;
}

function isDuplicate(scores: number[], score: number): boolean {
  for (const other of scores) if (Math.abs(other - score) <= IMPROVEMENT) return true;
  return false;
}

function prepareSearch(options: SolveGroupsOptions, instance: GroupingInstance, startedAt: number): Search {
  const { n, m, distances, minSize, maxSize } = instance;
  const { allowed, extraScore, locked } = options;
  if (allowed && allowed.length !== n * m)
    throw new AppError("invalid", "problems.kriskras.grouping.allowedSize");
  if (extraScore && extraScore.length !== n * m) {
    throw new AppError("invalid", "problems.kriskras.grouping.extraScoreSize");
  }
  if (locked && locked.length !== n) throw new AppError("invalid", "problems.kriskras.grouping.lockedSize");
  const lockedTo = new Int32Array(n).fill(-1);
  const movable: number[] = [];
  for (let v = 0; v < n; v++) {
    const g = locked?.[v] ?? -1;
    if (g >= m) {
      throw new AppError(
        "invalid",
        message("problems.kriskras.grouping.lockedUnknownGroup", { element: v, group: g }),
      );
    }
    if (g >= 0) {
      if (allowed && allowed[v * m + g] === 0) {
        throw new AppError(
          "invalid",
          message("problems.kriskras.grouping.lockedNotAllowed", { element: v, group: g }),
        );
      }
      lockedTo[v] = g;
    } else movable.push(v);
  }
  let sizesVary = false;
  for (let g = 0; g < m; g++) if (minSize[g] !== maxSize[g]) sizesVary = true;
  const timeLimitMs = Math.max(0, options.timeLimitMs);
  const search: Search = {
    n,
    m,
    distances,
    minSize,
    maxSize,
    allowed: allowed ?? null,
    locked: lockedTo,
    movable: Int32Array.from(movable),
    sizesVary,
    random: createRandom(options.seed),
    state: createGroupState({ instance, assignment: new Int32Array(n), extraScore }),
    gain: new Float64Array(n * m),
    bestInto: new Float64Array(m * m),
    members: new Int32Array(n * m),
    memberCount: new Int32Array(m),
    position: new Int32Array(n),
    twiceMinDistance: 2 * smallestDistance(distances),
    tabuUntil: new Float64Array(n * m),
    tenureBase: Math.max(2, Math.round(TENURE_BASE_SHARE * n)),
    tenureSpread: Math.max(2, Math.round(TENURE_SPREAD_SHARE * n)),
    steps: 0,
    iterations: 0,
    maxSteps: options.maxSteps ?? Number.POSITIVE_INFINITY,
    runBest: new Int32Array(n),
    runBestObjective: Number.NEGATIVE_INFINITY,
    best: new Int32Array(n),
    bestObjective: Number.NEGATIVE_INFINITY,
    startedAt,
    deadline: startedAt + timeLimitMs,
    nextProgress: startedAt + PROGRESS_INTERVAL_MS,
    stopped: false,
    timeLimitMs,
    onProgress: options.onProgress,
    shouldStop: options.shouldStop,
  };
  // The first complete assignment is the fallback answer, even with a zero time limit.
  completeAssignment(search, search.best, false);
  loadAssignment(search.state, search.best);
  search.bestObjective = search.state.objective;
  return search;
}

// Stops at the deadline, the step budget or when asked, and reports progress at most ten times a second.
// On small instances a step costs less than reading the clock, so the tabu search calls this only every
// few steps.
function clockRanOut(search: Search): boolean {
  if (search.stopped) return true;
  if (search.iterations >= search.maxSteps) {
    search.stopped = true;
    return true;
  }
  const now = performance.now();
  if (now >= search.deadline || search.shouldStop?.()) {
    search.stopped = true;
    return true;
  }
  if (now >= search.nextProgress && search.onProgress) {
    search.nextProgress = now + PROGRESS_INTERVAL_MS;
    const elapsedMs = now - search.startedAt;
    search.onProgress({
      fraction: search.timeLimitMs > 0 ? Math.min(1, elapsedMs / search.timeLimitMs) : 1,
      bestObjective: search.bestObjective,
      elapsedMs,
    });
  }
  return false;
}

/**
 * Tabu search over the two classic neighbourhoods: move one element to a group with room, and swap two
 * elements of different groups. Each step takes the best admissible candidate; an element may not
 * re-enter the group it left for a short random tenure unless that gives a new best of this run. Ends
 * after `maxIdle` steps without improving the run's best, which is left in `search.runBest`.
 */
function tabuSearch(search: Search, maxIdle: number): void {
  const { n, m, distances, minSize, maxSize, allowed, gain, bestInto, members, memberCount, position } =
    search;
  const { tabuUntil, random, state, twiceMinDistance } = search;
  const { group, size } = state;
  search.runBest.set(group);
  search.runBestObjective = state.objective;
  offerBest(search);
  listMembers(search);
  refreshGains(search, -1, -1);
  // Tabu marks of a previous run belong to another solution: jump past them.
  search.steps += search.tenureBase + search.tenureSpread + 1;
  let idle = 0;
  let sinceClock = 0;
  const clockEvery = Math.max(1, Math.floor(20_000 / (n * n + 1)));
  while (idle < maxIdle) {
    if (++sinceClock >= clockEvery) {
      sinceClock = 0;
      if (clockRanOut(search)) return;
    }
    if (search.iterations >= search.maxSteps) {
      search.stopped = true;
      return;
    }
    search.iterations++;
    const step = ++search.steps;
    const current = state.objective;
    const aspiration = search.runBestObjective - current + IMPROVEMENT;
    let bestDelta = Number.NEGATIVE_INFINITY;
    let ties = 0;
    let chosenU = -1;
    let chosenV = -1;
    let chosenTarget = -1;

    if (search.sizesVary) {
      for (let p = 0; p < m; p++) {
        if (size[p]! <= minSize[p]!) continue;
        for (let a = 0; a < memberCount[p]!; a++) {
          const v = members[p * n + a]!;
          const base = v * m;
          for (let q = 0; q < m; q++) {
            if (q === p || size[q]! >= maxSize[q]!) continue;
            const delta = gain[base + q]!;
            if (delta < bestDelta) continue;
            if (allowed !== null && allowed[base + q] === 0) continue;
            if (tabuUntil[base + q]! > step && delta < aspiration) continue;
            if (delta > bestDelta) {
              bestDelta = delta;
              ties = 1;
            } else if (random.below(++ties) !== 0) continue;
            chosenU = v;
            chosenV = -1;
            chosenTarget = q;
          }
        }
      }
    }

    for (let p = 0; p < m; p++) {
      const listP = p * n;
      for (let a = 0; a < memberCount[p]!; a++) {
        const u = members[listP + a]!;
        const baseU = u * m;
        const rowU = u * n;
        for (let q = p + 1; q < m; q++) {
          const gainU = gain[baseU + q]!;
          if (gainU + bestInto[q * m + p]! - twiceMinDistance < bestDelta) continue;
          if (allowed !== null && allowed[baseU + q] === 0) continue;
          const tabuU = tabuUntil[baseU + q]! > step;
          const listQ = q * n;
          for (let b = 0; b < memberCount[q]!; b++) {
            const v = members[listQ + b]!;
            const baseV = v * m;
            const delta = gainU + gain[baseV + p]! - 2 * distances[rowU + v]!;
            if (delta < bestDelta) continue;
            if (allowed !== null && allowed[baseV + p] === 0) continue;
            if ((tabuU || tabuUntil[baseV + p]! > step) && delta < aspiration) continue;
            if (delta > bestDelta) {
              bestDelta = delta;
              ties = 1;
            } else if (random.below(++ties) !== 0) continue;
            chosenU = u;
            chosenV = v;
            chosenTarget = q;
          }
        }
      }
    }

    if (chosenU < 0) return;
    const from = group[chosenU]!;
    tabuUntil[chosenU * m + from] = step + search.tenureBase + random.below(search.tenureSpread);
    if (chosenV >= 0) {
      tabuUntil[chosenV * m + chosenTarget] = step + search.tenureBase + random.below(search.tenureSpread);
      swapElements(state, chosenU, chosenV);
      // Each takes the other's place in the member lists.
      const at = position[chosenU]!;
      position[chosenU] = position[chosenV]!;
      position[chosenV] = at;
      members[chosenTarget * n + position[chosenU]!] = chosenU;
      members[from * n + position[chosenV]!] = chosenV;
    } else {
      moveElement(state, chosenU, chosenTarget);
      const last = members[from * n + --memberCount[from]!]!;
      members[from * n + position[chosenU]!] = last;
      position[last] = position[chosenU]!;
      position[chosenU] = memberCount[chosenTarget]!;
      members[chosenTarget * n + memberCount[chosenTarget]!++] = chosenU;
    }
    refreshGains(search, from, chosenTarget);
    if (state.objective > search.runBestObjective + IMPROVEMENT) {
      search.runBest.set(group);
      search.runBestObjective = state.objective;
      offerBest(search);
      idle = 0;
    } else idle++;
  }
}

/**
 * Gains of single moves, and per pair of groups the best gain of any member of one entering the other:
 * an upper bound that lets whole groups of swap partners be skipped. After a move or swap between
 * groups p and q only the rows of p's and q's members and the columns p and q change, so only those are
 * recomputed (O(n) instead of O(n·m)); p = q = -1 recomputes everything.
 */
function refreshGains(search: Search, p: number, q: number): void {
  const { n, m, gain, bestInto, members, memberCount } = search;
  const sums = search.state.sums;
  const all = p < 0;
  for (let r = 0; r < m; r++) {
    const list = r * n;
    const into = r * m;
    const count = memberCount[r]!;
    if (all || r === p || r === q) {
      for (let g = 0; g < m; g++) bestInto[into + g] = Number.NEGATIVE_INFINITY;
      for (let b = 0; b < count; b++) {
        const base = members[list + b]! * m;
        const own = sums[base + r]!;
        for (let g = 0; g < m; g++) {
          const value = sums[base + g]! - own;
          gain[base + g] = value;
          if (value > bestInto[into + g]!) bestInto[into + g] = value;
        }
      }
    } else {
      let intoP = Number.NEGATIVE_INFINITY;
      let intoQ = Number.NEGATIVE_INFINITY;
      for (let b = 0; b < count; b++) {
        const base = members[list + b]! * m;
        const own = sums[base + r]!;
        const toP = sums[base + p]! - own;
        const toQ = sums[base + q]! - own;
        gain[base + p] = toP;
        gain[base + q] = toQ;
        if (toP > intoP) intoP = toP;
        if (toQ > intoQ) intoQ = toQ;
      }
      bestInto[into + p] = intoP;
      bestInto[into + q] = intoQ;
    }
  }
}

// The movable elements of each group, in lists that moves keep up to date in O(1).
function listMembers(search: Search): void {
  const { n, movable, members, memberCount, position, state } = search;
  memberCount.fill(0);
  for (let i = 0; i < movable.length; i++) {
    const v = movable[i]!;
    const g = state.group[v]!;
    position[v] = memberCount[g]!;
    members[g * n + memberCount[g]!++] = v;
  }
}

function offerBest(search: Search): void {
  if (search.runBestObjective > search.bestObjective + IMPROVEMENT) {
    search.best.set(search.runBest);
    search.bestObjective = search.runBestObjective;
  }
}

/**
 * Group-based crossover: alternately from each parent, copy the group (by its index, so its size bounds
 * still apply) whose not-yet-placed members are the most diverse on average; what is left is placed by
 * `completeAssignment`.
 */
function crossGroups(search: Search, first: Int32Array, second: Int32Array, child: Int32Array): void {
  const { n, m, distances, locked } = search;
  child.set(locked);
  const used = new Uint8Array(m);
  const members: number[] = [];
  for (let step = 0; step < m; step++) {
    const parent = step % 2 === 0 ? first : second;
    let bestGroup = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let g = 0; g < m; g++) {
      if (used[g]) continue;
      members.length = 0;
      for (let v = 0; v < n; v++) if (parent[v] === g && child[v]! < 0) members.push(v);
      let total = 0;
      for (let i = 0; i < members.length; i++) {
        const row = members[i]! * n;
        for (let j = i + 1; j < members.length; j++) total += distances[row + members[j]!]!;
      }
      const score = members.length > 0 ? total / members.length : 0;
      if (score > bestScore) {
        bestScore = score;
        bestGroup = g;
      }
    }
    used[bestGroup] = 1;
    for (let v = 0; v < n; v++) if (parent[v] === bestGroup && child[v]! < 0) child[v] = bestGroup;
  }
}

/**
 * Places every element marked -1 (locked ones are placed first), respecting allowed groups and the upper
 * bounds, at random or where it adds most; then lifts groups below their lower bound. When a direct
 * placement is impossible, it shifts a chain of elements (a shortest augmenting path over groups), which
 * finds a feasible assignment whenever one exists. Throws `invalid` when none does.
 */
function completeAssignment(search: Search, assignment: Int32Array, greedy: boolean): void {
  const { n, m, distances, allowed, locked, minSize, maxSize, random } = search;
  const size = new Int32Array(m);
  for (let v = 0; v < n; v++) {
    if (locked[v]! >= 0) assignment[v] = locked[v]!;
    else if (!greedy) assignment[v] = -1;
    if (assignment[v]! >= 0) size[assignment[v]!]!++;
  }
  const order: number[] = [];
  for (let v = 0; v < n; v++) if (assignment[v]! < 0) order.push(v);
  shuffle(order, random);
  const pull = new Float64Array(m);
  // Random starts take a random size profile with most groups at a bound: with diversities that are
  // mostly positive, bigger groups collect more pairs, and local search rarely changes which groups
  // are the big ones.
  const target = new Int32Array(m);
  if (!greedy) {
    let spare = n;
    for (let g = 0; g < m; g++) {
      target[g] = minSize[g]!;
      spare -= minSize[g]!;
    }
    const groups = Array.from({ length: m }, (_, g) => g);
    shuffle(groups, random);
    for (const g of groups) {
      const extra = Math.min(spare, maxSize[g]! - minSize[g]!);
      target[g]! += extra;
      spare -= extra;
    }
  }
  for (const v of order) {
    let chosen = -1;
    if (greedy) {
      pull.fill(0);
      const row = v * n;
      for (let u = 0; u < n; u++) if (assignment[u]! >= 0) pull[assignment[u]!]! += distances[row + u]!;
      let bestPull = Number.NEGATIVE_INFINITY;
      for (let g = 0; g < m; g++) {
        if (size[g]! >= maxSize[g]! || (allowed !== null && allowed[v * m + g] === 0)) continue;
        if (pull[g]! > bestPull) {
          bestPull = pull[g]!;
          chosen = g;
        }
      }
    } else {
      // Prefer groups still below their target size, then any group with room.
      let options = 0;
      for (let g = 0; g < m; g++) {
        if (size[g]! >= target[g]! || (allowed !== null && allowed[v * m + g] === 0)) continue;
        if (random.below(++options) === 0) chosen = g;
      }
      for (let g = 0; g < m && options === 0; g++) {
        if (size[g]! >= maxSize[g]! || (allowed !== null && allowed[v * m + g] === 0)) continue;
        if (random.below(++options) === 0) chosen = g;
      }
    }
    if (chosen < 0) chosen = makeRoom(search, assignment, size, v);
    assignment[v] = chosen;
    size[chosen]!++;
  }
  for (let g = 0; g < m; g++) {
    while (size[g]! < minSize[g]!) fillFrom(search, assignment, size, g);
  }
}

function shuffle(items: number[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const swap = items[i]!;
    items[i] = items[j]!;
    items[j] = swap;
  }
}

// Breadth-first over groups: from the groups v may join, follow "a member of this group may move to that
// group" until a group with room; then shift that chain so v's group gets a free place. Returns that group.
function makeRoom(search: Search, assignment: Int32Array, size: Int32Array, v: number): number {
  const { n, m, allowed, locked, maxSize } = search;
  const cameFrom = new Int32Array(m).fill(-2);
  const mover = new Int32Array(m).fill(-1);
  const queue: number[] = [];
  for (let g = 0; g < m; g++) {
    if (allowed === null || allowed[v * m + g] !== 0) {
      cameFrom[g] = -1;
      queue.push(g);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const g = queue[head]!;
    for (let u = 0; u < n; u++) {
      if (assignment[u] !== g || locked[u]! >= 0) continue;
      for (let h = 0; h < m; h++) {
        if (cameFrom[h] !== -2 || (allowed !== null && allowed[u * m + h] === 0)) continue;
        cameFrom[h] = g;
        mover[h] = u;
        if (size[h]! < maxSize[h]!) {
          // Shift back along the chain: each mover enters the group after it.
          let target = h;
          while (cameFrom[target] !== -1) {
            const moving = mover[target]!;
            const source = cameFrom[target]!;
            assignment[moving] = target;
            size[target]!++;
            size[source]!--;
            target = source;
          }
          return target;
        }
        queue.push(h);
      }
    }
  }
  throw new AppError("invalid", "problems.kriskras.grouping.noAssignment");
}

// Breadth-first the other way: find a group that can spare a member, reachable by moves into `short`.
function fillFrom(search: Search, assignment: Int32Array, size: Int32Array, short: number): void {
  const { n, m, allowed, locked, minSize } = search;
  const cameFrom = new Int32Array(m).fill(-2);
  const mover = new Int32Array(m).fill(-1);
  cameFrom[short] = -1;
  const queue = [short];
  for (let head = 0; head < queue.length; head++) {
    const g = queue[head]!;
    for (let u = 0; u < n; u++) {
      const h = assignment[u]!;
      if (h === g || cameFrom[h] !== -2 || locked[u]! >= 0) continue;
      if (allowed !== null && allowed[u * m + g] === 0) continue;
      cameFrom[h] = g;
      mover[h] = u;
      if (size[h]! > minSize[h]!) {
        let source = h;
        while (cameFrom[source] !== -1) {
          const target = cameFrom[source]!;
          assignment[mover[source]!] = target;
          size[source]!--;
          size[target]!++;
          source = target;
        }
        return;
      }
      queue.push(h);
    }
  }
  throw new AppError("invalid", "problems.kriskras.grouping.noAssignment");
}
