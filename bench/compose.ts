// Composing a full-size kris-kras round (`npm run bench:compose`): 2,000 sign-ups over 10 slots in a
// fresh embedded database (or the PostgreSQL database of DATABASE_URL), with availability, "if it
// must", organisations and bands drawn from a fixed seed and 300 pairs who met before. Times each part
// of `composeGroups` as the server runs it (reading the sign-ups, placing, building the problem, the
// optimiser in its worker for KRISKRAS_COMPOSE_SECONDS, storing the groups), then the editor's review;
// checks every hard constraint on the stored groups (exit code 1 when one is broken); and prints how
// many were placed and why not, the mix against a random split of the same placed people and against an
// upper bound, how many repeats and "if it must" placements are left, and the memory of the process.
// The baseline in the same run: the time of one trivial query, and a random split's diversity.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDatabase } from "../app/infra/db.server.ts";
import { createRandom } from "../app/infra/seeded-random.ts";
import { upsertUser } from "../app/modules/accounts/accounts.server.ts";
import { composeGroups, listCandidates, metBeforeAmong } from "../app/modules/kriskras/composition.server.ts";
import {
  buildGroupingProblem,
  type Candidate,
  type GroupingProblem,
  groupsFromAssignment,
  pairDiversity,
  pairKey,
  planPlacement,
} from "../app/modules/kriskras/composition.ts";
import {
  kriskrasAnswerOptions,
  kriskrasAvailability,
  kriskrasMeetings,
  kriskrasOrganisations,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "../app/modules/kriskras/kriskras.schema.ts";
import type { Availability } from "../app/modules/kriskras/kriskras-kinds.ts";
import { getGroupReview } from "../app/modules/kriskras/review.server.ts";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 10);
const SECONDS = Number(process.env.KRISKRAS_COMPOSE_SECONDS ?? 8);
const ORGANISATIONS = 40;
const MET_BEFORE = 300;
const WEIGHTS = { organisation: 4, workKind: 2, scaleBand: 1, serviceBand: 1, region: 1 };
const BANDS = {
  workKind: ["beleid", "uitvoering", "toezicht", "ondersteuning", "leidinggeven", "anders"],
  scaleBand: ["1-8", "9-11", "12-13", "14+"],
  serviceBand: ["0-2", "2-5", "5-10", "10-20", "20+"],
  region: ["noord", "oost", "zuid", "west", "den-haag", "utrecht"],
} as const;

const random = createRandom(2026);

/**
 * An upper bound on the total mix of any grouping of these people. A grouping has at most `pairs` pairs
 * (group sizes as unequal as the bounds allow, which gives the most pairs), so its total counted from both
 * sides of every pair is at most the 2 × `pairs` largest values among each person's (largest group − 1)
 * most different partners, taken from those who can attend a slot with them. Halved, that is the bound.
 */
function upperBound(problem: GroupingProblem, weights: typeof WEIGHTS): number {
  const { n, m, minSize, maxSize } = problem.instance;
  const slotIndex = new Map<string, number>();
  for (const group of problem.groups)
    if (!slotIndex.has(group.slotId)) slotIndex.set(group.slotId, slotIndex.size);
  const slotsOf = new Array<bigint>(n).fill(0n);
  const partners = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let g = 0; g < m; g++) {
      if (problem.allowed[v * m + g] !== 1) continue;
      slotsOf[v] =
        (slotsOf[v] as bigint) | (1n << BigInt(slotIndex.get(problem.groups[g]?.slotId ?? "") ?? 0));
      partners[v] = Math.max(partners[v] as number, (maxSize[g] as number) - 1);
    }
  }
  const best: number[] = [];
  for (let v = 0; v < n; v++) {
    const values: number[] = [];
    for (let w = 0; w < n; w++) {
      if (w !== v && ((slotsOf[v] as bigint) & (slotsOf[w] as bigint)) !== 0n) {
        values.push(
          pairDiversity(problem.elements[v] as Candidate, problem.elements[w] as Candidate, weights),
        );
      }
    }
    values.sort((a, b) => b - a);
    best.push(...values.slice(0, partners[v]));
  }
  // The most pairs: every group at its minimum, then the people left each to the largest group with room.
  const sizes = Array.from(minSize);
  let left = n - sizes.reduce((sum, size) => sum + size, 0);
  const order = sizes.map((_, g) => g).sort((a, b) => (maxSize[b] as number) - (maxSize[a] as number));
  for (const g of order) {
    const add = Math.min(left, (maxSize[g] as number) - (sizes[g] as number));
    sizes[g] = (sizes[g] as number) + add;
    left -= add;
  }
  const pairs = sizes.reduce((sum, size) => sum + (size * (size - 1)) / 2, 0);
  best.sort((a, b) => b - a);
  return best.slice(0, 2 * pairs).reduce((sum, value) => sum + value, 0) / 2;
}

/** Every hard constraint the composed groups break, in words: none is the only good answer. */
function brokenConstraints(review: Awaited<ReturnType<typeof getGroupReview>>, capacity: number): string[] {
  const broken: string[] = [];
  for (const { slot, groups } of review.slots) {
    let inSlot = 0;
    for (const group of groups) {
      inSlot += group.members.length;
      if (group.members.length < 10 || group.members.length > 14) {
        broken.push(`group ${group.number} of slot ${slot.id} has ${group.members.length} people`);
      }
      for (const member of group.members) {
        const answer = member.availability[slot.id];
        if (answer !== "ja" && answer !== "als-het-moet")
          broken.push(`${member.name} cannot attend slot ${slot.id}`);
      }
    }
    if (inSlot > capacity)
      broken.push(`slot ${slot.id} holds ${inSlot} people, more than its ${capacity} places`);
  }
  return broken;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
const ms = (start: number) => `${Math.round(performance.now() - start)} ms`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-bench-compose-"));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: dir });
try {
  await database.migrate();
  const { db } = database;
  console.log(
    `Composing a kris-kras round: ${PEOPLE} sign-ups, ${SLOTS} slots, ${ORGANISATIONS} organisations, ` +
      `${MET_BEFORE} pairs who met before, search ${SECONDS} s; ${database.kind}; ${os.cpus().length} cores, ` +
      `Node ${process.versions.node}, load average ${os.loadavg()[0]?.toFixed(1)}`,
  );

  // The round, written straight into the tables.
  let start = performance.now();
  const tag = Date.now().toString(36);
  const organisations = await db
    .insert(kriskrasOrganisations)
    .values(Array.from({ length: ORGANISATIONS }, (_, index) => ({ name: `Organisatie ${tag}-${index}` })))
    .returning({ id: kriskrasOrganisations.id });
  for (const [attribute, keys] of Object.entries(BANDS)) {
    await db
      .insert(kriskrasAnswerOptions)
      .values(keys.map((key, position) => ({ attribute, key, labelNl: key, labelEn: key, position })))
      .onConflictDoNothing();
  }
  const [round] = await db
    .insert(kriskrasRounds)
    .values({
      title: "Bench",
      signupOpensAt: new Date(Date.now() - 30 * 86_400_000),
      signupClosesAt: new Date(Date.now() - 86_400_000),
      groupMin: 10,
      groupTarget: 12,
      groupMax: 14,
      weights: WEIGHTS,
    })
    .returning();
  if (!round) throw new Error("no round");
  // Room for everyone and a little more: the capacities add up to 110 % of the sign-ups.
  const capacity = Math.ceil((PEOPLE * 1.1) / SLOTS);
  const slots = await db
    .insert(kriskrasSlots)
    .values(
      Array.from({ length: SLOTS }, (_, index) => ({
        roundId: round.id,
        startsAt: new Date(Date.UTC(2031, 2, 3 + index, 13)),
        endsAt: new Date(Date.UTC(2031, 2, 3 + index, 15)),
        capacity,
      })),
    )
    .returning({ id: kriskrasSlots.id });
  const users: string[] = [];
  for (let index = 0; index < PEOPLE; index++) {
    users.push((await upsertUser({ db, email: `bench-${tag}-${index}@example.nl` })).id);
  }
  const signupRows = users.map((userId) => ({
    roundId: round.id,
    userId,
    // A few large organisations and a long tail, as in a real round.
    organisationId: organisations[Math.floor(random.next() ** 2 * ORGANISATIONS)]?.id ?? "",
    workKind: pick(BANDS.workKind),
    scaleBand: pick(BANDS.scaleBand),
    serviceBand: pick(BANDS.serviceBand),
    region: pick(BANDS.region),
    consentAt: new Date(),
  }));
  const signups: string[] = [];
  for (let from = 0; from < signupRows.length; from += 500) {
    const rows = await db
      .insert(kriskrasSignups)
      .values(signupRows.slice(from, from + 500))
      .returning({ id: kriskrasSignups.id });
    signups.push(...rows.map((row) => row.id));
  }
  // Each person can come to 2–5 slots ("ja"), and "if it must" to one more now and then.
  const availability: { signupId: string; slotId: string; answer: Availability }[] = [];
  for (const signupId of signups) {
    const count = Math.min(SLOTS, 2 + Math.floor(random.next() * 4));
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(random.next() * SLOTS));
    for (const slot of chosen) availability.push({ signupId, slotId: slots[slot]?.id ?? "", answer: "ja" });
    if (random.next() < 0.3) {
      const extra = Math.floor(random.next() * SLOTS);
      if (!chosen.has(extra))
        availability.push({ signupId, slotId: slots[extra]?.id ?? "", answer: "als-het-moet" });
    }
  }
  for (let from = 0; from < availability.length; from += 1000) {
    await db.insert(kriskrasAvailability).values(availability.slice(from, from + 1000));
  }
  const meetings = new Map<string, { userLow: string; userHigh: string; metOn: Date }>();
  while (meetings.size < MET_BEFORE) {
    const [a, b] = [pick(users), pick(users)].sort();
    if (a && b && a !== b) meetings.set(pairKey(a, b), { userLow: a, userHigh: b, metOn: new Date() });
  }
  await db.insert(kriskrasMeetings).values([...meetings.values()]);
  console.log(`Made the round in ${ms(start)} (${availability.length} availability answers).`);

  // The baseline: one trivial query.
  start = performance.now();
  for (let index = 0; index < 100; index++) await db.execute(sql`select 1`);
  const trivial = (performance.now() - start) / 100;

  // The parts, as composeGroups runs them.
  start = performance.now();
  const candidates = await listCandidates(db, round.id);
  const met = await metBeforeAmong(
    db,
    candidates.map((candidate) => candidate.userId),
  );
  const readMs = performance.now() - start;
  start = performance.now();
  const plan = planPlacement({
    candidates,
    slots: slots.map((slot) => ({ id: slot.id, capacity })),
    bounds: { min: 10, target: 12, max: 14 },
  });
  const placeMs = performance.now() - start;
  start = performance.now();
  const problem = buildGroupingProblem({
    candidates,
    plan,
    slots: slots.map((slot) => ({ id: slot.id, capacity })),
    bounds: { min: 10, target: 12, max: 14 },
    weights: WEIGHTS,
    metBefore: met,
    locks: new Map(),
  });
  const buildMs = performance.now() - start;
  const bound = upperBound(problem, WEIGHTS);

  // A random split of the same placed people over the same groups, slot by slot, as the baseline mix.
  const randomAssignment = new Int32Array(problem.instance.n);
  const groupsOfSlot = new Map<string, number[]>();
  problem.groups.forEach((group, g) => {
    groupsOfSlot.set(group.slotId, [...(groupsOfSlot.get(group.slotId) ?? []), g]);
  });
  const fill = new Map<number, number>();
  problem.elements.forEach((candidate, v) => {
    const own = groupsOfSlot.get(plan.placed.get(candidate.id) ?? "") ?? [];
    const g = own.reduce(
      (best, next) => ((fill.get(next) ?? 0) < (fill.get(best) ?? 0) ? next : best),
      own[0] ?? 0,
    );
    fill.set(g, (fill.get(g) ?? 0) + 1);
    randomAssignment[v] = g;
  });
  const randomGroups = groupsFromAssignment({
    problem,
    assignment: randomAssignment,
    weights: WEIGHTS,
    metBefore: met,
  });

  // The whole composition as the server runs it (worker thread included), then the review.
  const before = process.memoryUsage().rss;
  start = performance.now();
  const result = await composeGroups({ db, roundId: round.id, timeLimitMs: SECONDS * 1000 });
  const composeMs = performance.now() - start;
  const rss = process.memoryUsage().rss;
  start = performance.now();
  const review = await getGroupReview({ db, roundId: round.id });
  const reviewMs = performance.now() - start;

  const composed = review.slots.flatMap((slot) => slot.groups);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const score = sum(composed.map((group) => group.score));
  const randomScore = sum(randomGroups.map((group) => group.score));
  const repeats = sum(composed.map((group) => group.repeats));
  const randomRepeats = sum(randomGroups.map((group) => group.repeats));
  let ifMust = 0;
  for (const { slot, groups } of review.slots) {
    for (const group of groups) {
      ifMust += group.members.filter((member) => member.availability[slot.id] === "als-het-moet").length;
    }
  }
  const reasons = new Map<string, number>();
  for (const person of review.unplaced) reasons.set(person.reason, (reasons.get(person.reason) ?? 0) + 1);
  const sizes = composed.map((group) => group.members.length);
  const broken = brokenConstraints(review, capacity);

  console.log("");
  console.log("| part | time |");
  console.log("|---|---:|");
  console.log(`| one trivial query (baseline) | ${trivial.toFixed(2)} ms |`);
  console.log(`| read sign-ups and who met whom | ${Math.round(readMs)} ms |`);
  console.log(`| place people in slots | ${Math.round(placeMs)} ms |`);
  console.log(
    `| build the grouping problem (n=${problem.instance.n}, m=${problem.instance.m}) | ${Math.round(buildMs)} ms |`,
  );
  console.log(
    `| composeGroups in all (read, place, build, ${SECONDS} s search in a worker, store) | ${Math.round(composeMs)} ms |`,
  );
  console.log(`| the editor's review (getGroupReview) | ${Math.round(reviewMs)} ms |`);
  console.log("");
  console.log(
    `Placed ${result.placed} of ${PEOPLE} in ${result.groups} groups of ${Math.min(...sizes)}–${Math.max(...sizes)}; ` +
      `without a place: ${result.unplaced} (${[...reasons].map(([reason, n]) => `${reason} ${n}`).join(", ") || "none"}).`,
  );
  console.log(
    `Mix: ${score} against ${randomScore} for a random split of the same people in the same slots ` +
      `(ratio ${(score / Math.max(1, randomScore)).toFixed(3)}); pairs who met before in one group: ${repeats} ` +
      `(random split: ${randomRepeats}); placed "als het moet": ${ifMust}.`,
  );
  console.log(
    `Upper bound on the mix: ${bound} (each person with their most different possible partners, no more pairs than groups of 10–14 hold); ` +
      `the composition reaches ${((100 * score) / bound).toFixed(1)} % of it, the random split ` +
      `${((100 * randomScore) / bound).toFixed(1)} %.`,
  );
  console.log(
    broken.length === 0
      ? "Hard constraints: all met (everyone in a slot they can attend, every group of 10–14, no slot over capacity)."
      : `Hard constraints BROKEN:\n${broken.join("\n")}`,
  );
  if (broken.length > 0) process.exitCode = 1;
  console.log(
    `Memory of this process: ${Math.round(before / 1e6)} MB before composing, ${Math.round(rss / 1e6)} MB after.`,
  );
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
