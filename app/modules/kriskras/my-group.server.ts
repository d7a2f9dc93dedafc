// What a person sees of their own group once the round is published: when and where, the first names
// and organisations of the others, who hosts, the programme, the calendar entry again; and for the host
// the one-click live conversation.

import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { Id } from "../../infra/fields.ts";
import type { Quotas } from "../../infra/quotas.server.ts";
import { createConversation, findRunningConversation } from "../conversations/conversations.server.ts";
import { type ConversationTemplate, templateFor } from "../conversations/templates.ts";
import { digestOf, type Invitation, invitationCalendar, oneLine, organizerOf } from "./invitation-mail.ts";
import { kriskrasGroups, kriskrasInvitations, kriskrasRounds, kriskrasSignups } from "./kriskras.schema.ts";
import { getInvitations } from "./publication.server.ts";
import { type SlotTimes, slotTimes } from "./slot-times.ts";

type RoundRow = typeof kriskrasRounds.$inferSelect;

const NOT_FOUND = "problems.kriskras.myGroupNotFound";

export interface MyGroup {
  round: RoundRow;
  invitation: Invitation;
  /** The sequence of the last invitation sent. */
  sequence: number;
  /** False when the groups changed after the last publication and the change has not been sent yet. */
  upToDate: boolean;
  /** The slot's date and times in Amsterdam, for the page to write in the reader's language. */
  times: SlotTimes;
  template: ConversationTemplate;
}

/**
 * A person's own group in a published round, as their invitation says: 404 for anyone not placed in
 * it, before it is published, after a cancellation, and for a round that does not exist.
 */
export async function getMyGroup(options: { db: Db; roundId: string; userId: string }): Promise<MyGroup> {
  if (!Id.safeParse(options.roundId).success) throw new AppError("not_found", NOT_FOUND);
  const [round] = await options.db
    .select()
    .from(kriskrasRounds)
    .where(eq(kriskrasRounds.id, options.roundId));
  if (!round || round.publishedAt === null || round.purgedAt !== null)
    throw new AppError("not_found", NOT_FOUND);
  const [signup] = await options.db
    .select({ id: kriskrasSignups.id, sent: kriskrasInvitations })
    .from(kriskrasSignups)
    .innerJoin(kriskrasInvitations, eq(kriskrasInvitations.signupId, kriskrasSignups.id))
    .where(and(eq(kriskrasSignups.roundId, round.id), eq(kriskrasSignups.userId, options.userId)));
  if (!signup || signup.sent.cancelled) throw new AppError("not_found", NOT_FOUND);
  const invitation = (await getInvitations(options.db, round.id)).get(signup.id);
  if (!invitation) throw new AppError("not_found", NOT_FOUND);
  const template = templateFor("kriskras");
  if (!template) throw new Error("the kriskras conversation template is missing");
  return {
    round,
    invitation,
    sequence: signup.sent.sequence,
    upToDate: digestOf(invitation) === signup.sent.digest,
    times: slotTimes(invitation.slot),
    template,
  };
}

/** The published rounds in which this person has a group, newest first, for the link to their page. */
export async function listPublishedGroups(options: { db: Db; userId: string }) {
  return options.db
    .select({ roundId: kriskrasRounds.id, title: kriskrasRounds.title })
    .from(kriskrasInvitations)
    .innerJoin(kriskrasSignups, eq(kriskrasSignups.id, kriskrasInvitations.signupId))
    .innerJoin(kriskrasRounds, eq(kriskrasRounds.id, kriskrasSignups.roundId))
    .where(and(eq(kriskrasSignups.userId, options.userId), eq(kriskrasInvitations.cancelled, false)))
    .orderBy(asc(kriskrasRounds.signupClosesAt));
}

/** The person's invitation again as a calendar file: the same UID, the sequence last sent. */
export async function myInvitationFile(options: {
  db: Db;
  roundId: string;
  userId: string;
  origin: string;
  config: { mailFrom: string };
  now?: Date;
}): Promise<string> {
  const mine = await getMyGroup(options);
  return invitationCalendar({
    round: mine.round,
    invitation: mine.invitation,
    sequence: mine.sequence,
    link: `${options.origin}/kriskras/${mine.round.id}/mijn-groep`,
    organizer: organizerOf(options.config.mailFrom),
    now: options.now ?? new Date(),
  });
}

/** The title of a group's live conversation. */
const conversationTitleOf = (round: RoundRow, number: number) =>
  `Kris-kras-gesprek ${oneLine(round.title)}, groep ${number}`.slice(0, 120);

/**
 * For the host only: a live conversation from the kris-kras template, owned by them, so they can run it
 * without the gespreksleider role; a second click finds the conversation not yet ended instead of making
 * another. Gives the conversation's id.
 */
export async function startGroupConversation(options: {
  db: Db;
  quotas: Quotas;
  roundId: string;
  userId: string;
  maxParticipants: number;
  defaultMinAnswers: number;
}): Promise<string> {
  const mine = await getMyGroup(options);
  if (!mine.invitation.host.isYou) {
    throw new AppError("forbidden", "problems.kriskras.hostOnly");
  }
  return options.db.transaction(async (tx) => {
    // The group's row is locked, so two clicks at once make one conversation.
    const [group] = await tx
      .select({ number: kriskrasGroups.number, conversationId: kriskrasGroups.conversationId })
      .from(kriskrasGroups)
      .where(eq(kriskrasGroups.id, mine.invitation.groupId))
      .for("update");
    if (!group) throw new AppError("not_found", "problems.kriskras.groupGone");
    if (group.conversationId) {
      const earlier = await findRunningConversation({
        db: tx,
        id: group.conversationId,
        ownerId: options.userId,
      });
      if (earlier) return earlier.id;
    }
    const made = await createConversation({
      db: tx,
      quotas: options.quotas,
      ownerId: options.userId,
      input: {
        title: conversationTitleOf(mine.round, group.number),
        description: mine.template.description,
        questions: mine.template.questions,
      },
      maxParticipants: options.maxParticipants,
      defaultMinAnswers: options.defaultMinAnswers,
    });
    await tx
      .update(kriskrasGroups)
      .set({ conversationId: made.id })
      .where(eq(kriskrasGroups.id, mine.invitation.groupId));
    return made.id;
  });
}
