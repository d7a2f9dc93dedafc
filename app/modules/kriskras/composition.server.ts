// Composing a round's groups: reads the sign-ups, the slots, who met whom and the editors' locks, runs
// the optimiser in a worker thread (the server keeps answering), and stores the groups. The state of a
// run lives on the round's row, so every app process shows its progress and refuses a second run.
import { and, asc, eq, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import {
  buildGroupingProblem,
  type Candidate,
  type ComposedGroup,
  type GroupSlot,
  groupsFromAssignment,
  pairKey,
  planPlacement,
  type UnplacedReason,
} from "./composition.ts";
import { solveGroupsInWorker } from "./grouping/solve-in-worker.server.ts";
import {
  type ComposeResult,
  type ComposeState,
  kriskrasAnswerOptions,
  kriskrasAvailability,
  kriskrasGroupMembers,
  kriskrasGroups,
  kriskrasMeetings,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "./kriskras.schema.ts";
import { type Availability, IF_NEEDED } from "./kriskras-kinds.ts";

/** One seed for every run: the same sign-ups give the same groups (up to where the time limit stops). */
const SEED = 20_261_128;
/** A run still "bezig" this long after its time limit was cut off (its process stopped). */
const CUT_OFF_AFTER_MS = 60_000;
/** Progress is written at most this often; the page asks once a second. */
const PROGRESS_EVERY_MS = 1_000;

export interface CompositionRun {
  state: ComposeState;
  /** 0..1 of the time limit. */
  fraction: number;
  startedAt: Date;
  /** Why a run failed: a message of the locale files, said where the page shows it. */
  message: string;
  result?: ComposeResult;
}

/**
 * The last composition of a round, as any process sees it (it lives on the round's row); undefined
 * when the round was never composed. A run whose process stopped reads as failed.
 */
export async function getCompositionRun(options: {
  db: Db;
  roundId: string;
  timeLimitMs: number;
  now?: Date;
}): Promise<CompositionRun | undefined> {
  const [round] = await options.db
    .select({
      state: kriskrasRounds.composeState,
      progress: kriskrasRounds.composeProgress,
      startedAt: kriskrasRounds.composeStartedAt,
      message: kriskrasRounds.composeMessage,
      result: kriskrasRounds.composeResult,
    })
    .from(kriskrasRounds)
    .where(eq(kriskrasRounds.id, options.roundId));
  if (!round?.state || !round.startedAt) return undefined;
  const now = options.now ?? new Date();
  const cutOff =
    round.state === "bezig" &&
    now.getTime() - round.startedAt.getTime() > options.timeLimitMs + CUT_OFF_AFTER_MS;
  return {
    state: cutOff ? "mislukt" : round.state,
    fraction: round.progress,
    startedAt: round.startedAt,
    message: cutOff ? "problems.kriskras.composeCutOff" : round.message,
    result: round.result ?? undefined,
  };
}

/**
 * Starts composing the round's groups in the background and returns when the run is registered (on
 * the round's row, so a second start from any process is refused while it goes). The promise of the
 * run itself is returned for tests and shutdown; the page follows `getCompositionRun`.
 */
export async function startComposition(options: {
  db: Db;
  roundId: string;
  timeLimitMs: number;
}): Promise<{ finished: Promise<void> }> {
  const { db, roundId } = options;
  const now = new Date();
  const cutOffBefore = new Date(now.getTime() - options.timeLimitMs - CUT_OFF_AFTER_MS);
  const claimed = await db
    .update(kriskrasRounds)
    .set({
      composeState: "bezig",
      composeProgress: 0,
      composeStartedAt: now,
      composeMessage: "",
      composeResult: null,
    })
    .where(
      and(
        eq(kriskrasRounds.id, roundId),
        isNull(kriskrasRounds.purgedAt),
        or(
          isNull(kriskrasRounds.composeState),
          ne(kriskrasRounds.composeState, "bezig"),
          lt(kriskrasRounds.composeStartedAt, cutOffBefore),
        ),
      ),
    )
    .returning({ id: kriskrasRounds.id });
  if (claimed.length === 0) {
    const [exists] = await db
      .select({ id: kriskrasRounds.id })
      .from(kriskrasRounds)
      .where(eq(kriskrasRounds.id, roundId));
    if (!exists) throw new AppError("not_found", "problems.kriskras.roundNotFound");
    throw new AppError("conflict", "problems.kriskras.composing");
  }
  const mine = and(eq(kriskrasRounds.id, roundId), eq(kriskrasRounds.composeStartedAt, now));
  let lastWrite = 0;
  let writing = Promise.resolve();
  const onProgress = (fraction: number) => {
    if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = Date.now();
    writing = writing
      .then(() => db.update(kriskrasRounds).set({ composeProgress: fraction }).where(mine))
      .then(
        () => undefined,
        () => undefined,
      );
  };
  const finished = composeGroups({ ...options, onProgress })
    .then(async (result) => {
      await writing;
      await db
        .update(kriskrasRounds)
        .set({ composeState: "klaar", composeProgress: 1, composeResult: result })
        .where(mine);
    })
    .catch(async (error: unknown) => {
      await writing;
      const message = error instanceof AppError ? error.message : "problems.kriskras.composeFailed";
      await db
        .update(kriskrasRounds)
        .set({ composeState: "mislukt", composeMessage: message })
        .where(mine)
        .catch(() => undefined);
    });
  return { finished };
}

/** A round's sign-ups as the composition sees them, in the order they came in. */
export async function listCandidates(db: Db, roundId: string): Promise<Candidate[]> {
  const signups = await db
    .select()
    .from(kriskrasSignups)
    .where(eq(kriskrasSignups.roundId, roundId))
    .orderBy(asc(kriskrasSignups.createdAt), asc(kriskrasSignups.id));
  if (signups.length === 0) return [];
  const availability = await db
    .select()
    .from(kriskrasAvailability)
    .where(
      inArray(
        kriskrasAvailability.signupId,
        signups.map((signup) => signup.id),
      ),
    );
  const answersOf = new Map<string, Record<string, Availability>>();
  for (const row of availability) {
    const answers = answersOf.get(row.signupId) ?? {};
    answers[row.slotId] = row.answer;
    answersOf.set(row.signupId, answers);
  }
  // Experience decides the host among equals: the position of the band in its list of options.
  const bands = await db
    .select()
    .from(kriskrasAnswerOptions)
    .where(
      or(
        eq(kriskrasAnswerOptions.attribute, "serviceBand"),
        eq(kriskrasAnswerOptions.attribute, "scaleBand"),
      ),
    );
  const rank = (attribute: string, key: string) =>
    bands.find((band) => band.attribute === attribute && band.key === key)?.position ?? 0;
  return signups.map((signup) => ({
    id: signup.id,
    userId: signup.userId,
    attributes: {
      organisation: signup.organisationId,
      workKind: signup.workKind,
      scaleBand: signup.scaleBand,
      serviceBand: signup.serviceBand,
      region: signup.region,
    },
    availability: answersOf.get(signup.id) ?? {},
    seniority: rank("serviceBand", signup.serviceBand) * 100 + rank("scaleBand", signup.scaleBand),
  }));
}

/**
 * Pairs of these people who met in an earlier round (within the kept period). Pass the round being
 * composed as `exceptRoundId`: its own meetings, recorded when it was published, are not "before".
 */
export async function metBeforeAmong(
  db: Db,
  userIds: string[],
  exceptRoundId?: string,
): Promise<Set<string>> {
  if (userIds.length < 2) return new Set();
  const rows = await db
    .select({ low: kriskrasMeetings.userLow, high: kriskrasMeetings.userHigh })
    .from(kriskrasMeetings)
    .where(
      and(
        inArray(kriskrasMeetings.userLow, userIds),
        inArray(kriskrasMeetings.userHigh, userIds),
        exceptRoundId === undefined
          ? undefined
          : or(isNull(kriskrasMeetings.roundId), ne(kriskrasMeetings.roundId, exceptRoundId)),
      ),
    );
  return new Set(rows.map((row) => pairKey(row.low, row.high)));
}

/** Composes and stores the round's groups; replaces the groups there were, keeping the locks. */
export async function composeGroups(options: {
  db: Db;
  roundId: string;
  timeLimitMs: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<ComposeResult> {
  const { db, roundId } = options;
  const [round] = await db
    .select()
    .from(kriskrasRounds)
    .where(and(eq(kriskrasRounds.id, roundId), isNull(kriskrasRounds.purgedAt)));
  if (!round) throw new AppError("not_found", "problems.kriskras.roundNotFound");
  const bounds = { min: round.groupMin, target: round.groupTarget, max: round.groupMax };
  const slots = await db
    .select({ id: kriskrasSlots.id, capacity: kriskrasSlots.capacity })
    .from(kriskrasSlots)
    .where(eq(kriskrasSlots.roundId, roundId))
    .orderBy(asc(kriskrasSlots.startsAt), asc(kriskrasSlots.id));
  const candidates = await listCandidates(db, roundId);
  const metBefore = await metBeforeAmong(
    db,
    candidates.map((candidate) => candidate.userId),
    roundId,
  );
  const locks = await locksOf(db, roundId);
  const plan = planPlacement({ candidates, slots, bounds });
  const problem = buildGroupingProblem({
    candidates,
    plan,
    slots,
    bounds,
    weights: round.weights,
    metBefore,
    locks,
  });
  let assignment: Int32Array = new Int32Array(0);
  if (problem.instance.n > 0 && problem.instance.m > 0) {
    const solved = await solveGroupsInWorker({
      instance: problem.instance,
      allowed: problem.allowed,
      extraScore: problem.extraScore,
      locked: problem.locked,
      seed: SEED,
      timeLimitMs: options.timeLimitMs,
      signal: options.signal,
      onProgress: (progress) => options.onProgress?.(progress.fraction),
    });
    assignment = solved.assignment;
  }
  const groups = groupsFromAssignment({ problem, assignment, weights: round.weights, metBefore });
  const lockedIds = new Set(
    problem.elements.filter((_, v) => (problem.locked[v] ?? -1) >= 0).map((candidate) => candidate.id),
  );
  await storeGroups({ db, roundId, groups, lockedIds });
  return {
    groups: groups.length,
    placed: plan.placed.size,
    unplaced: plan.unplaced.length,
    droppedLocks: problem.droppedLocks.length,
  };
}

/** The editors' locks: who is fixed in which group (by slot and number, which survive a new run). */
async function locksOf(db: Db, roundId: string): Promise<Map<string, GroupSlot>> {
  const rows = await db
    .select({
      signupId: kriskrasGroupMembers.signupId,
      slotId: kriskrasGroups.slotId,
      number: kriskrasGroups.number,
    })
    .from(kriskrasGroupMembers)
    .innerJoin(kriskrasGroups, eq(kriskrasGroups.id, kriskrasGroupMembers.groupId))
    .where(and(eq(kriskrasGroups.roundId, roundId), eq(kriskrasGroupMembers.locked, true)));
  return new Map(rows.map((row) => [row.signupId, { slotId: row.slotId, number: row.number }]));
}

async function storeGroups(options: {
  db: Db;
  roundId: string;
  groups: ComposedGroup[];
  lockedIds: Set<string>;
}): Promise<void> {
  await options.db.transaction(async (tx) => {
    await tx.delete(kriskrasGroups).where(eq(kriskrasGroups.roundId, options.roundId));
    for (const group of options.groups) {
      const [stored] = await tx
        .insert(kriskrasGroups)
        .values({
          roundId: options.roundId,
          slotId: group.slotId,
          number: group.number,
          hostSignupId: group.hostId || null,
          score: group.score,
        })
        .returning({ id: kriskrasGroups.id });
      if (!stored) throw new Error("insert of a group returned nothing");
      if (group.members.length === 0) continue;
      await tx.insert(kriskrasGroupMembers).values(
        group.members.map((signupId) => ({
          groupId: stored.id,
          signupId,
          locked: options.lockedIds.has(signupId),
        })),
      );
    }
  });
}

/** Why a sign-up without a group has none, from the answers and the groups as they are now. */
export function reasonUnplaced(options: {
  availability: Record<string, Availability>;
  slotsWithGroups: Set<string>;
}): UnplacedReason {
  const slots = Object.entries(options.availability)
    .filter(([, answer]) => answer === "ja" || answer === IF_NEEDED)
    .map(([slotId]) => slotId);
  if (slots.length === 0) return "geen-tijdvak";
  return slots.some((slotId) => options.slotsWithGroups.has(slotId))
    ? "tijdvakken-vol"
    : "te-weinig-aanmeldingen";
}
