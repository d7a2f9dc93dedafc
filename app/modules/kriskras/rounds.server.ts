// Rounds of kris-kras-gesprekken as editors set them up: title, sign-up period, group sizes and weights,
// and the organisers (the editors who may see the access needs of the round's sign-ups).
import { and, asc, count, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { users } from "../accounts/accounts.schema.ts";
import { findUserByEmail } from "../accounts/accounts.server.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import { type Actor, can } from "../accounts/authorization.ts";
import {
  kriskrasAvailability,
  kriskrasGroupMembers,
  kriskrasGroups,
  kriskrasOrganisers,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "./kriskras.schema.ts";
import type { RoundInput } from "./kriskras.validation.ts";
import { AVAILABILITY, type Availability } from "./kriskras-kinds.ts";

export type Round = typeof kriskrasRounds.$inferSelect;
export type Slot = typeof kriskrasSlots.$inferSelect;

const NOT_FOUND = "problems.kriskras.kriskrasRoundNotFound";

/** Every round, the latest sign-up period first, with its number of slots and sign-ups. */
export async function listRounds(options: { db: Db }) {
  return options.db
    .select({
      id: kriskrasRounds.id,
      title: kriskrasRounds.title,
      signupOpensAt: kriskrasRounds.signupOpensAt,
      signupClosesAt: kriskrasRounds.signupClosesAt,
      publishedAt: kriskrasRounds.publishedAt,
      // Written out: drizzle leaves columns unqualified in a select, and all three tables have an "id".
      slots: sql<number>`(select count(*)::int from kriskras_slots s where s.round_id = ${kriskrasRounds}.id)`,
      signups: sql<number>`(select count(*)::int from kriskras_signups s where s.round_id = ${kriskrasRounds}.id)`,
    })
    .from(kriskrasRounds)
    .orderBy(desc(kriskrasRounds.signupOpensAt), asc(kriskrasRounds.title));
}

/** The round, or a not_found AppError. */
export async function requireRound(options: { db: Db; id: string }): Promise<Round> {
  const [round] = await options.db.select().from(kriskrasRounds).where(eq(kriskrasRounds.id, options.id));
  if (!round) throw new AppError("not_found", NOT_FOUND);
  return round;
}

export type SlotCounts = Record<Availability, number>;

/**
 * A round with its slots (each with how many sign-ups answered yes, if it must and no, and its number
 * of groups), its organisers and its number of sign-ups. Counts only: no sign-up is read.
 */
export async function getRound(options: { db: Db; id: string }) {
  const { db, id } = options;
  const round = await requireRound({ db, id });
  const [slots, answers, groups, organisers, signups] = await Promise.all([
    db.select().from(kriskrasSlots).where(eq(kriskrasSlots.roundId, id)).orderBy(asc(kriskrasSlots.startsAt)),
    db
      .select({ slotId: kriskrasAvailability.slotId, answer: kriskrasAvailability.answer, n: count() })
      .from(kriskrasAvailability)
      .innerJoin(kriskrasSlots, eq(kriskrasSlots.id, kriskrasAvailability.slotId))
      .where(eq(kriskrasSlots.roundId, id))
      .groupBy(kriskrasAvailability.slotId, kriskrasAvailability.answer),
    db
      .select({ slotId: kriskrasGroups.slotId, n: count() })
      .from(kriskrasGroups)
      .where(eq(kriskrasGroups.roundId, id))
      .groupBy(kriskrasGroups.slotId),
    listOrganisers({ db, roundId: id }),
    db.select({ n: count() }).from(kriskrasSignups).where(eq(kriskrasSignups.roundId, id)),
  ]);
  const empty = (): SlotCounts => Object.fromEntries(AVAILABILITY.map((answer) => [answer, 0])) as SlotCounts;
  return {
    round,
    slots: slots.map((slot) => {
      const available = empty();
      for (const row of answers) if (row.slotId === slot.id) available[row.answer] = row.n;
      return { ...slot, available, groups: groups.find((row) => row.slotId === slot.id)?.n ?? 0 };
    }),
    organisers,
    signups: signups[0]?.n ?? 0,
  };
}

export async function createRound(options: { db: Db; actor: Actor; input: RoundInput }): Promise<Round> {
  const { db, actor, input } = options;
  const round = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(kriskrasRounds)
      .values({ ...input, createdBy: actor.id })
      .returning();
    if (!made) throw new Error("createRound: the insert returned nothing");
    // The editor who makes a round organises it; others can be added later.
    await tx.insert(kriskrasOrganisers).values({ roundId: made.id, userId: actor.id });
    return made;
  });
  await recordAudit({
    db,
    actor,
    action: "kriskras.round.created",
    target: round.id,
    details: { title: round.title },
  });
  return round;
}

/** Changes the round; the smallest group may not outgrow a slot that is already there. */
export async function updateRound(options: { db: Db; id: string; input: RoundInput }): Promise<Round> {
  const { db, id, input } = options;
  await requireRound({ db, id });
  const [small] = await db
    .select({ n: count() })
    .from(kriskrasSlots)
    .where(and(eq(kriskrasSlots.roundId, id), lt(kriskrasSlots.capacity, input.groupMin)));
  if ((small?.n ?? 0) > 0) {
    const refused = "problems.kriskras.slotTooSmallForGroups";
    throw new AppError("invalid", refused, { fields: { groupMin: refused } });
  }
  const [changed] = await db.update(kriskrasRounds).set(input).where(eq(kriskrasRounds.id, id)).returning();
  if (!changed) throw new AppError("not_found", NOT_FOUND);
  return changed;
}

// --- organisers -----------------------------------------------------------------------------------

export async function listOrganisers(options: { db: Db; roundId: string }) {
  return options.db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(kriskrasOrganisers)
    .innerJoin(users, eq(users.id, kriskrasOrganisers.userId))
    .where(eq(kriskrasOrganisers.roundId, options.roundId))
    .orderBy(asc(users.email));
}

export async function isOrganiser(options: { db: Db; roundId: string; userId: string }): Promise<boolean> {
  const [row] = await options.db
    .select({ userId: kriskrasOrganisers.userId })
    .from(kriskrasOrganisers)
    .where(
      and(eq(kriskrasOrganisers.roundId, options.roundId), eq(kriskrasOrganisers.userId, options.userId)),
    );
  return Boolean(row);
}

/**
 * Whether this editor may change who organises the round: its organisers may; when none is left
 * (their accounts were deleted), any editor may, so the round is never stuck.
 */
export async function mayManageOrganisers(options: {
  db: Db;
  roundId: string;
  actor: Actor;
}): Promise<boolean> {
  const organisers = await listOrganisers({ db: options.db, roundId: options.roundId });
  return organisers.length === 0 || organisers.some((organiser) => organiser.userId === options.actor.id);
}

async function requireOrganiserRights(db: Db, roundId: string, actor: Actor) {
  await requireRound({ db, id: roundId });
  if (!(await mayManageOrganisers({ db, roundId, actor }))) {
    throw new AppError("forbidden", "problems.kriskras.organisersOnly");
  }
}

/** Adds an editor (role redacteur) as organiser; they then see the access needs of the sign-ups. */
export async function addOrganiser(options: { db: Db; actor: Actor; roundId: string; email: string }) {
  const { db, actor, roundId } = options;
  await requireOrganiserRights(db, roundId, actor);
  const user = await findUserByEmail({ db, email: options.email });
  const refuse = (refused: string) => new AppError("invalid", refused, { fields: { email: refused } });
  if (!user) throw refuse("problems.kriskras.noAccount");
  if (!can(user, "kriskras:organise")) {
    throw refuse("problems.kriskras.notEditor");
  }
  const added = await db
    .insert(kriskrasOrganisers)
    .values({ roundId, userId: user.id })
    .onConflictDoNothing()
    .returning({ userId: kriskrasOrganisers.userId });
  if (added.length === 0) throw refuse("problems.kriskras.organiserAlready");
  await recordAudit({
    db,
    actor,
    action: "kriskras.organiser.added",
    target: roundId,
    details: { email: user.email },
  });
  return user;
}

/** Takes an organiser off the round; the last one stays. */
export async function removeOrganiser(options: { db: Db; actor: Actor; roundId: string; userId: string }) {
  const { db, actor, roundId, userId } = options;
  await requireOrganiserRights(db, roundId, actor);
  const removed = await db.transaction(async (tx) => {
    // The round's row is the lock: two editors removing each other at once cannot leave none.
    await tx
      .select({ id: kriskrasRounds.id })
      .from(kriskrasRounds)
      .where(eq(kriskrasRounds.id, roundId))
      .for("update");
    const [total] = await tx
      .select({ n: count() })
      .from(kriskrasOrganisers)
      .where(eq(kriskrasOrganisers.roundId, roundId));
    const [mine] = await tx
      .select({ userId: kriskrasOrganisers.userId })
      .from(kriskrasOrganisers)
      .where(and(eq(kriskrasOrganisers.roundId, roundId), eq(kriskrasOrganisers.userId, userId)));
    if (!mine) throw new AppError("not_found", "problems.kriskras.organiserNotFound");
    if ((total?.n ?? 0) <= 1) {
      throw new AppError("conflict", "problems.kriskras.lastOrganiser");
    }
    await tx
      .delete(kriskrasOrganisers)
      .where(and(eq(kriskrasOrganisers.roundId, roundId), eq(kriskrasOrganisers.userId, userId)));
    return mine;
  });
  await recordAudit({
    db,
    actor,
    action: "kriskras.organiser.removed",
    target: roundId,
    details: { userId },
  });
  return removed;
}

// --- slots ------------------------------------------------------------------------------------------

function requireCapacity(round: Round, capacity: number) {
  if (capacity < round.groupMin) {
    const refused = message("problems.kriskras.capacityBelowGroup", { min: round.groupMin });
    throw new AppError("invalid", refused, { fields: { capacity: refused } });
  }
}

async function requireSlot(db: Db, roundId: string, slotId: string): Promise<Slot> {
  const [slot] = await db
    .select()
    .from(kriskrasSlots)
    .where(and(eq(kriskrasSlots.id, slotId), eq(kriskrasSlots.roundId, roundId)));
  if (!slot) throw new AppError("not_found", "problems.kriskras.slotNotFound");
  return slot;
}

export async function addSlot(options: {
  db: Db;
  roundId: string;
  input: { startsAt: Date; endsAt: Date; place: string; onlineUrl: string; capacity: number };
}): Promise<Slot> {
  const round = await requireRound({ db: options.db, id: options.roundId });
  requireCapacity(round, options.input.capacity);
  const [slot] = await options.db
    .insert(kriskrasSlots)
    .values({ ...options.input, roundId: round.id })
    .returning();
  if (!slot) throw new Error("addSlot: the insert returned nothing");
  return slot;
}

/** Changes a slot, also one with sign-ups or groups: their availability stays as it was given. */
export async function updateSlot(options: {
  db: Db;
  roundId: string;
  slotId: string;
  input: { startsAt: Date; endsAt: Date; place: string; onlineUrl: string; capacity: number };
}): Promise<Slot> {
  const round = await requireRound({ db: options.db, id: options.roundId });
  await requireSlot(options.db, round.id, options.slotId);
  requireCapacity(round, options.input.capacity);
  const [slot] = await options.db
    .update(kriskrasSlots)
    .set(options.input)
    .where(and(eq(kriskrasSlots.id, options.slotId), eq(kriskrasSlots.roundId, round.id)))
    .returning();
  if (!slot) throw new AppError("not_found", "problems.kriskras.slotNotFound");
  return slot;
}

export type SlotRemoval =
  | { status: "removed" }
  /** People gave their availability for it, or groups were made in it: ask first. */
  | { status: "confirm"; answers: number; groups: number };

/**
 * Removes a slot. When people already answered for it or groups were made in it, it asks for a
 * confirmation first; once the round's groups are published, a slot with groups stays.
 */
export async function removeSlot(options: {
  db: Db;
  actor: Actor;
  roundId: string;
  slotId: string;
  confirmed: boolean;
}): Promise<SlotRemoval> {
  const { db, roundId, slotId } = options;
  const round = await requireRound({ db, id: roundId });
  await requireSlot(db, roundId, slotId);
  const [[answers], [groups], [members]] = await Promise.all([
    db.select({ n: count() }).from(kriskrasAvailability).where(eq(kriskrasAvailability.slotId, slotId)),
    db.select({ n: count() }).from(kriskrasGroups).where(eq(kriskrasGroups.slotId, slotId)),
    db
      .select({ n: count() })
      .from(kriskrasGroupMembers)
      .innerJoin(kriskrasGroups, eq(kriskrasGroups.id, kriskrasGroupMembers.groupId))
      .where(eq(kriskrasGroups.slotId, slotId)),
  ]);
  const groupCount = groups?.n ?? 0;
  if (round.publishedAt && groupCount > 0) {
    throw new AppError("conflict", "problems.kriskras.slotPublished");
  }
  const answerCount = answers?.n ?? 0;
  if (!options.confirmed && (answerCount > 0 || groupCount > 0 || (members?.n ?? 0) > 0)) {
    return { status: "confirm", answers: answerCount, groups: groupCount };
  }
  await db.delete(kriskrasSlots).where(and(eq(kriskrasSlots.id, slotId), eq(kriskrasSlots.roundId, roundId)));
  await recordAudit({
    db,
    actor: options.actor,
    action: "kriskras.slot.removed",
    target: roundId,
    details: { slotId, answers: answerCount, groups: groupCount },
  });
  return { status: "removed" };
}
