// Publishing a round's groups: each placed person gets an e-mail with a calendar invitation, a later
// publication mails only the people whose invitation changed (an update with a higher sequence, or a
// cancellation for someone who lost their place), and who met whom is recorded for the next rounds.
// The mails themselves are written in invitation-mail.ts.

import { eq } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { Id } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import { enqueueMail } from "../../infra/mail.server.ts";
import { users } from "../accounts/accounts.schema.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import {
  cancellationMail,
  digestOf,
  firstNameOf,
  type GroupMember,
  type Invitation,
  invitationMail,
  invitationUid,
  organizerOf,
  slotIdOfDigest,
} from "./invitation-mail.ts";
import {
  kriskrasGroupMembers,
  kriskrasGroups,
  kriskrasInvitations,
  kriskrasMeetings,
  kriskrasOrganisations,
  kriskrasRounds,
  kriskrasSignups,
  kriskrasSlots,
} from "./kriskras.schema.ts";

export interface PublishCounts {
  sent: number;
  updated: number;
  cancelled: number;
  unchanged: number;
}

/** Every placed person's invitation as the groups stand now, keyed by sign-up. */
export async function getInvitations(db: Db, roundId: string): Promise<Map<string, Invitation>> {
  const rows = await db
    .select({
      signupId: kriskrasSignups.id,
      userId: kriskrasSignups.userId,
      email: users.email,
      name: users.name,
      organisation: kriskrasOrganisations.name,
      groupId: kriskrasGroups.id,
      hostSignupId: kriskrasGroups.hostSignupId,
      slot: kriskrasSlots,
    })
    .from(kriskrasGroupMembers)
    .innerJoin(kriskrasGroups, eq(kriskrasGroups.id, kriskrasGroupMembers.groupId))
    .innerJoin(kriskrasSlots, eq(kriskrasSlots.id, kriskrasGroups.slotId))
    .innerJoin(kriskrasSignups, eq(kriskrasSignups.id, kriskrasGroupMembers.signupId))
    .innerJoin(users, eq(users.id, kriskrasSignups.userId))
    .innerJoin(kriskrasOrganisations, eq(kriskrasOrganisations.id, kriskrasSignups.organisationId))
    .where(eq(kriskrasGroups.roundId, roundId));
  const memberOf = (row: (typeof rows)[number]): GroupMember => ({
    firstName: firstNameOf(row.name),
    organisation: row.organisation,
  });
  const byGroup = new Map<string, typeof rows>();
  for (const row of rows) byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), row]);
  const result = new Map<string, Invitation>();
  for (const row of rows) {
    const group = byGroup.get(row.groupId) ?? [];
    const host = group.find((member) => member.signupId === row.hostSignupId);
    const others = group
      .filter((member) => member.signupId !== row.signupId)
      .map(memberOf)
      .sort(
        (a, b) =>
          a.organisation.localeCompare(b.organisation, "nl") || a.firstName.localeCompare(b.firstName, "nl"),
      );
    result.set(row.signupId, {
      signupId: row.signupId,
      userId: row.userId,
      email: row.email,
      name: row.name,
      slot: {
        id: row.slot.id,
        startsAt: row.slot.startsAt,
        endsAt: row.slot.endsAt,
        place: row.slot.place,
        onlineUrl: row.slot.onlineUrl,
      },
      groupId: row.groupId,
      others,
      host: {
        ...(host ? memberOf(host) : { firstName: "", organisation: "" }),
        isYou: row.signupId === row.hostSignupId,
      },
    });
  }
  return result;
}

/**
 * Publishes (or publishes again) a round's groups, in one transaction: raises the round's publication,
 * mails a calendar invitation to everyone placed for the first time, an update to everyone whose
 * invitation changed, a cancellation to everyone who lost their place, and nothing to the rest; and
 * replaces the round's record of who met whom. Refused while there are no groups or a group has no host.
 */
export async function publishRound(options: {
  db: Db;
  roundId: string;
  origin: string;
  config: { mailFrom: string };
  /** The editor who publishes, for the audit log (null for a script). */
  actor?: Actor | null;
  now?: Date;
}): Promise<PublishCounts> {
  const now = options.now ?? new Date();
  const organizer = organizerOf(options.config.mailFrom);
  if (!Id.safeParse(options.roundId).success)
    throw new AppError("not_found", "problems.kriskras.roundNotFound");
  return options.db.transaction(async (tx) => {
    // Locked, so two editors publishing at once take turns and no sequence is used twice.
    const [round] = await tx
      .select()
      .from(kriskrasRounds)
      .where(eq(kriskrasRounds.id, options.roundId))
      .for("update");
    if (!round || round.purgedAt !== null) throw new AppError("not_found", "problems.kriskras.roundNotFound");
    const groups = await tx.select().from(kriskrasGroups).where(eq(kriskrasGroups.roundId, round.id));
    const current = await getInvitations(tx, round.id);
    const filled = new Set([...current.values()].map((invitation) => invitation.groupId));
    if (filled.size === 0) {
      throw new AppError("conflict", "problems.kriskras.nothingToPublish");
    }
    const withoutHost = groups.filter((group) => filled.has(group.id) && !group.hostSignupId);
    if (withoutHost.length > 0) {
      const numbers = withoutHost.map((group) => group.number).sort((a, b) => a - b);
      throw new AppError(
        "conflict",
        message("problems.kriskras.groupsWithoutHost", { groups: numbers.join(", ") }),
      );
    }
    await tx
      .update(kriskrasRounds)
      .set({ publication: round.publication + 1, publishedAt: now })
      .where(eq(kriskrasRounds.id, round.id));

    const stored = await tx
      .select({
        invitation: kriskrasInvitations,
        userId: kriskrasSignups.userId,
        email: users.email,
        name: users.name,
      })
      .from(kriskrasInvitations)
      .innerJoin(kriskrasSignups, eq(kriskrasSignups.id, kriskrasInvitations.signupId))
      .innerJoin(users, eq(users.id, kriskrasSignups.userId))
      .where(eq(kriskrasSignups.roundId, round.id));
    const slots = await tx.select().from(kriskrasSlots).where(eq(kriskrasSlots.roundId, round.id));
    const counts: PublishCounts = { sent: 0, updated: 0, cancelled: 0, unchanged: 0 };
    const before = new Map(stored.map((row) => [row.invitation.signupId, row]));
    const link = `${options.origin}/kriskras/${round.id}/mijn-groep`;

    for (const invitation of current.values()) {
      const digest = digestOf(invitation);
      const previous = before.get(invitation.signupId)?.invitation;
      if (previous && !previous.cancelled && previous.digest === digest) {
        counts.unchanged++;
        continue;
      }
      const sequence = previous ? previous.sequence + 1 : 0;
      const uid = invitationUid(round.id, invitation.signupId);
      await tx
        .insert(kriskrasInvitations)
        .values({ signupId: invitation.signupId, uid, sequence, digest, cancelled: false, sentAt: now })
        .onConflictDoUpdate({
          target: kriskrasInvitations.signupId,
          set: { uid, sequence, digest, cancelled: false, sentAt: now },
        });
      await enqueueMail({
        db: tx,
        message: invitationMail({
          round,
          invitation,
          sequence,
          changed: previous !== undefined,
          link,
          organizer,
          now,
        }),
      });
      if (previous) counts.updated++;
      else counts.sent++;
    }
    for (const { invitation: previous, email, name } of stored) {
      if (current.has(previous.signupId) || previous.cancelled) continue;
      const sequence = previous.sequence + 1;
      await tx
        .update(kriskrasInvitations)
        .set({ sequence, cancelled: true, sentAt: now })
        .where(eq(kriskrasInvitations.signupId, previous.signupId));
      // The slot the cancelled entry was in; removing a slot is refused once its groups are published.
      const slot = slots.find((candidate) => candidate.id === slotIdOfDigest(previous.digest)) ?? slots[0];
      await enqueueMail({
        db: tx,
        message: cancellationMail({ round, uid: previous.uid, sequence, slot, email, name, organizer, now }),
      });
      counts.cancelled++;
    }

    await recordMeetings(tx, round.id, current);
    await recordAudit({
      db: tx,
      actor: options.actor ?? null,
      action: "kriskras.round.published",
      target: round.id,
      details: { ...counts },
    });
    return counts;
  });
}

/** Replaces the round's record of who met whom with every pair of every group, on the slot's start. */
async function recordMeetings(tx: Db, roundId: string, current: Map<string, Invitation>): Promise<void> {
  await tx.delete(kriskrasMeetings).where(eq(kriskrasMeetings.roundId, roundId));
  const byGroup = new Map<string, Invitation[]>();
  for (const invitation of current.values()) {
    byGroup.set(invitation.groupId, [...(byGroup.get(invitation.groupId) ?? []), invitation]);
  }
  const pairs: (typeof kriskrasMeetings.$inferInsert)[] = [];
  for (const members of byGroup.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] as Invitation;
        const b = members[j] as Invitation;
        if (a.userId === b.userId) continue;
        const [userLow, userHigh] = a.userId < b.userId ? [a.userId, b.userId] : [b.userId, a.userId];
        pairs.push({ userLow, userHigh, roundId, metOn: a.slot.startsAt });
      }
    }
  }
  // In chunks: a round of 2,000 people makes some 130,000 pairs, beyond one statement's parameters.
  for (let start = 0; start < pairs.length; start += 5_000) {
    await tx
      .insert(kriskrasMeetings)
      .values(pairs.slice(start, start + 5_000))
      .onConflictDoNothing();
  }
}
