// What an editor reviews after composing: the groups per slot with their members, score, repeats and
// mix, and who has no group and why; and the changes made by hand (move, swap, host, lock), after which
// the scores are computed again at once.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { users } from "../accounts/accounts.schema.ts";
import { listCandidates, metBeforeAmong, reasonUnplaced } from "./composition.server.ts";
import { type Candidate, groupMix, scoreGroup } from "./composition.ts";
import {
  kriskrasAvailability,
  kriskrasGroupMembers,
  kriskrasGroups,
  kriskrasOrganisations,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "./kriskras.schema.ts";
import { IF_NEEDED } from "./kriskras-kinds.ts";

const NOT_FOUND = "problems.kriskras.notInRound";

/** The review of a round's groups, per slot in time order. */
export async function getGroupReview(options: { db: Db; roundId: string }) {
  const { db, roundId } = options;
  const [round] = await db.select().from(kriskrasRounds).where(eq(kriskrasRounds.id, roundId));
  if (!round) throw new AppError("not_found", "problems.kriskras.roundNotFound");
  const slots = await db
    .select()
    .from(kriskrasSlots)
    .where(eq(kriskrasSlots.roundId, roundId))
    .orderBy(asc(kriskrasSlots.startsAt), asc(kriskrasSlots.id));
  const groups = await db
    .select()
    .from(kriskrasGroups)
    .where(eq(kriskrasGroups.roundId, roundId))
    .orderBy(asc(kriskrasGroups.number));
  const members =
    groups.length === 0
      ? []
      : await db
          .select()
          .from(kriskrasGroupMembers)
          .where(
            inArray(
              kriskrasGroupMembers.groupId,
              groups.map((group) => group.id),
            ),
          );
  const candidates = await listCandidates(db, roundId);
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const metBefore = await metBeforeAmong(
    db,
    candidates.map((candidate) => candidate.userId),
    roundId,
  );
  const people = await peopleOf(db, roundId);
  const groupOf = new Map(members.map((member) => [member.signupId, member]));
  const slotsWithGroups = new Set(groups.map((group) => group.slotId));

  const personView = (candidate: Candidate) => ({
    signupId: candidate.id,
    name: people.get(candidate.id)?.name ?? "",
    organisation: people.get(candidate.id)?.organisation ?? "",
    attributes: candidate.attributes,
    availability: candidate.availability,
    locked: groupOf.get(candidate.id)?.locked ?? false,
  });

  return {
    round,
    slots: slots.map((slot) => ({
      slot,
      groups: groups
        .filter((group) => group.slotId === slot.id)
        .map((group) => {
          const inGroup = members
            .filter((member) => member.groupId === group.id)
            .map((member) => byId.get(member.signupId))
            .filter((candidate): candidate is Candidate => candidate !== undefined);
          const { score, repeats } = scoreGroup(inGroup, round.weights, metBefore);
          return {
            id: group.id,
            number: group.number,
            hostSignupId: group.hostSignupId,
            score,
            repeats,
            mix: groupMix(inGroup),
            members: inGroup.map(personView),
          };
        }),
    })),
    unplaced: candidates
      .filter((candidate) => !groupOf.has(candidate.id))
      .map((candidate) => ({
        ...personView(candidate),
        reason: reasonUnplaced({ availability: candidate.availability, slotsWithGroups }),
      })),
    totalScore: groups.reduce((sum, group) => sum + group.score, 0),
  };
}

/** The names an editor sees: the account's name (or e-mail) and the organisation's name. */
async function peopleOf(db: Db, roundId: string) {
  const rows = await db
    .select({
      signupId: kriskrasSignups.id,
      name: users.name,
      email: users.email,
      organisation: kriskrasOrganisations.name,
    })
    .from(kriskrasSignups)
    .innerJoin(users, eq(users.id, kriskrasSignups.userId))
    .innerJoin(kriskrasOrganisations, eq(kriskrasOrganisations.id, kriskrasSignups.organisationId))
    .where(eq(kriskrasSignups.roundId, roundId));
  return new Map(
    rows.map((row) => [row.signupId, { name: row.name || row.email, organisation: row.organisation }]),
  );
}

async function groupInRound(db: Db, roundId: string, groupId: string) {
  const [group] = await db
    .select()
    .from(kriskrasGroups)
    .where(and(eq(kriskrasGroups.id, groupId), eq(kriskrasGroups.roundId, roundId)));
  if (!group) throw new AppError("not_found", NOT_FOUND);
  return group;
}

/** Refuses a group in a slot the person said they cannot come to. */
async function assertCanAttend(db: Db, signupId: string, slotId: string) {
  const [answer] = await db
    .select({ answer: kriskrasAvailability.answer })
    .from(kriskrasAvailability)
    .where(and(eq(kriskrasAvailability.signupId, signupId), eq(kriskrasAvailability.slotId, slotId)));
  if (answer?.answer !== "ja" && answer?.answer !== IF_NEEDED) {
    throw new AppError("conflict", "problems.kriskras.cannotAttend");
  }
}

async function signupInRound(db: Db, roundId: string, signupId: string) {
  const [signup] = await db
    .select()
    .from(kriskrasSignups)
    .where(and(eq(kriskrasSignups.id, signupId), eq(kriskrasSignups.roundId, roundId)));
  if (!signup) throw new AppError("not_found", NOT_FOUND);
  return signup;
}

/**
 * Puts people in a group by hand (or takes them out of every group with `groupId` null), all or none:
 * when one of them cannot attend the group's slot, nobody moves. A person moved by hand is locked
 * there, so composing again keeps them; the scores of the groups they left and joined are stored anew.
 */
export async function movePeople(options: {
  db: Db;
  roundId: string;
  signupIds: string[];
  groupId: string | null;
}): Promise<void> {
  const { roundId } = options;
  const signupIds = [...new Set(options.signupIds)];
  if (signupIds.length === 0) throw new AppError("invalid", "problems.kriskras.chooseToMove");
  await options.db.transaction(async (tx) => {
    const target = options.groupId ? await groupInRound(tx, roundId, options.groupId) : undefined;
    const touched: (string | undefined)[] = [target?.id];
    for (const signupId of signupIds) {
      await signupInRound(tx, roundId, signupId);
      if (target) await assertCanAttend(tx, signupId, target.slotId);
      const [before] = await tx
        .delete(kriskrasGroupMembers)
        .where(eq(kriskrasGroupMembers.signupId, signupId))
        .returning();
      if (target) {
        await tx.insert(kriskrasGroupMembers).values({ groupId: target.id, signupId, locked: true });
      }
      // A host who leaves their group leaves it without one until the editor chooses.
      if (before && before.groupId !== target?.id) {
        await tx
          .update(kriskrasGroups)
          .set({ hostSignupId: null })
          .where(and(eq(kriskrasGroups.id, before.groupId), eq(kriskrasGroups.hostSignupId, signupId)));
      }
      touched.push(before?.groupId);
    }
    await rescore(tx, roundId, touched);
  });
}

/** Swaps two people between their groups; both are locked in their new group. */
export async function swapPeople(options: {
  db: Db;
  roundId: string;
  signupA: string;
  signupB: string;
}): Promise<void> {
  const { db, roundId } = options;
  const membership = async (signupId: string) => {
    await signupInRound(db, roundId, signupId);
    const [member] = await db
      .select()
      .from(kriskrasGroupMembers)
      .where(eq(kriskrasGroupMembers.signupId, signupId));
    if (!member) throw new AppError("invalid", "problems.kriskras.swapNeedsGroups");
    return member;
  };
  const a = await membership(options.signupA);
  const b = await membership(options.signupB);
  if (a.groupId === b.groupId) throw new AppError("invalid", "problems.kriskras.sameGroup");
  const [groupA, groupB] = await Promise.all([
    groupInRound(db, roundId, a.groupId),
    groupInRound(db, roundId, b.groupId),
  ]);
  await assertCanAttend(db, options.signupA, groupB.slotId);
  await assertCanAttend(db, options.signupB, groupA.slotId);
  await db.transaction(async (tx) => {
    await tx
      .delete(kriskrasGroupMembers)
      .where(inArray(kriskrasGroupMembers.signupId, [options.signupA, options.signupB]));
    await tx.insert(kriskrasGroupMembers).values([
      { groupId: b.groupId, signupId: options.signupA, locked: true },
      { groupId: a.groupId, signupId: options.signupB, locked: true },
    ]);
    for (const [groupId, leaving] of [
      [a.groupId, options.signupA],
      [b.groupId, options.signupB],
    ] as const) {
      await tx
        .update(kriskrasGroups)
        .set({ hostSignupId: null })
        .where(and(eq(kriskrasGroups.id, groupId), eq(kriskrasGroups.hostSignupId, leaving)));
    }
    await rescore(tx, roundId, [a.groupId, b.groupId]);
  });
}

/** Makes a member the host of their group. */
export async function setHost(options: { db: Db; roundId: string; signupId: string }): Promise<void> {
  const [member] = await options.db
    .select({ groupId: kriskrasGroupMembers.groupId })
    .from(kriskrasGroupMembers)
    .innerJoin(kriskrasGroups, eq(kriskrasGroups.id, kriskrasGroupMembers.groupId))
    .where(
      and(eq(kriskrasGroupMembers.signupId, options.signupId), eq(kriskrasGroups.roundId, options.roundId)),
    );
  if (!member) throw new AppError("not_found", NOT_FOUND);
  await options.db
    .update(kriskrasGroups)
    .set({ hostSignupId: options.signupId })
    .where(eq(kriskrasGroups.id, member.groupId));
}

/** Locks people in their groups (composing again keeps them) or frees them, all or none. */
export async function setPeopleLocked(options: {
  db: Db;
  roundId: string;
  signupIds: string[];
  locked: boolean;
}): Promise<void> {
  const signupIds = [...new Set(options.signupIds)];
  if (signupIds.length === 0) throw new AppError("invalid", "problems.kriskras.chooseToLock");
  await options.db.transaction(async (tx) => {
    for (const signupId of signupIds) {
      await signupInRound(tx, options.roundId, signupId);
      const updated = await tx
        .update(kriskrasGroupMembers)
        .set({ locked: options.locked })
        .where(eq(kriskrasGroupMembers.signupId, signupId))
        .returning();
      if (updated.length === 0) throw new AppError("invalid", "problems.kriskras.notInGroup");
    }
  });
}

/** Stores the score of each named group anew from its members. */
async function rescore(tx: Db, roundId: string, groupIds: (string | undefined)[]) {
  const ids = [...new Set(groupIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return;
  const [round] = await tx.select().from(kriskrasRounds).where(eq(kriskrasRounds.id, roundId));
  if (!round) return;
  const candidates = await listCandidates(tx, roundId);
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const metBefore = await metBeforeAmong(
    tx,
    candidates.map((candidate) => candidate.userId),
    roundId,
  );
  const members = await tx
    .select()
    .from(kriskrasGroupMembers)
    .where(inArray(kriskrasGroupMembers.groupId, ids));
  for (const id of ids) {
    const inGroup = members
      .filter((member) => member.groupId === id)
      .map((member) => byId.get(member.signupId))
      .filter((candidate): candidate is Candidate => candidate !== undefined);
    await tx
      .update(kriskrasGroups)
      .set({ score: scoreGroup(inGroup, round.weights, metBefore).score })
      .where(eq(kriskrasGroups.id, id));
  }
}
