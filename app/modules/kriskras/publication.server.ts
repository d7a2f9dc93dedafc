// Publishing a round's groups: each placed person gets an e-mail with a calendar invitation, a later
// publication mails only the people whose invitation changed (an update with a higher sequence, or a
// cancellation for someone who lost their place), and who met whom is recorded for the next rounds.
// Also what a person sees of their own group afterwards, and the host's one-click live session.
import { createHash } from "node:crypto";
import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { enqueueMail, type MailMessage } from "../../infra/mail.server.ts";
import { users } from "../accounts/accounts.schema.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import { conversations } from "../conversations/conversations.schema.ts";
import { createConversation } from "../conversations/conversations.server.ts";
import { type ConversationTemplate, templateFor } from "../conversations/templates.ts";
import { buildCalendarInvite, type InviteMethod, utcToAmsterdam } from "./calendar-invite.ts";
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
import { formatLocalDate, type SlotTimes, slotTimes } from "./slot-times.ts";

type RoundRow = typeof kriskrasRounds.$inferSelect;
type SlotRow = typeof kriskrasSlots.$inferSelect;

/** A group member as the others see them: a first name and an organisation, nothing more. */
export interface GroupMember {
  firstName: string;
  organisation: string;
}

/** What one person's invitation says; its digest decides whether a new one is due. */
export interface Invitation {
  signupId: string;
  userId: string;
  email: string;
  name: string;
  slot: { id: string; startsAt: Date; endsAt: Date; place: string; onlineUrl: string };
  groupId: string;
  /** The other members, in a stable order. */
  others: GroupMember[];
  host: GroupMember & { isYou: boolean };
}

export interface PublishCounts {
  sent: number;
  updated: number;
  cancelled: number;
  unchanged: number;
}

const NOT_FOUND = "Deze groep bestaat niet, of je zit er niet in.";
const Id = z.uuid();
/** The name of someone who left their name empty. */
const NAMELESS = "een collega";

/** The calendar entry's UID: the same for this person in this round, with no address or name in it. */
export const invitationUid = (roundId: string, signupId: string) =>
  `kriskras-${roundId}-${signupId}@vakmanschap`;

/** The first word of a name, or "een collega". */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] || NAMELESS;
}

/**
 * The digest of what an invitation says, prefixed with its slot's id: a cancellation has only what was
 * stored, and needs the slot's times for the calendar entry it removes.
 */
function digestOf(invitation: Invitation): string {
  const said = JSON.stringify({
    slot: invitation.slot.id,
    startsAt: invitation.slot.startsAt.toISOString(),
    endsAt: invitation.slot.endsAt.toISOString(),
    place: invitation.slot.place,
    onlineUrl: invitation.slot.onlineUrl,
    group: invitation.groupId,
    others: invitation.others,
    host: invitation.host,
  });
  return `${invitation.slot.id}:${createHash("sha256").update(said).digest("hex")}`;
}

const slotIdOfDigest = (digest: string) => digest.split(":")[0] ?? "";

/** Every placed person's invitation as the groups stand now, keyed by sign-up. */
async function invitationsOf(db: Db, roundId: string): Promise<Map<string, Invitation>> {
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

/** "Naam <adres>" or a bare address, as MAIL_FROM may be written. */
export function organizerOf(mailFrom: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  if (match) return { name: match[1]?.trim() || "Vakmanschap", email: (match[2] ?? "").trim() };
  return { name: "Vakmanschap", email: mailFrom.trim() };
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
    throw new AppError("not_found", "Deze ronde bestaat niet (meer).");
  return options.db.transaction(async (tx) => {
    // Locked, so two editors publishing at once take turns and no sequence is used twice.
    const [round] = await tx
      .select()
      .from(kriskrasRounds)
      .where(eq(kriskrasRounds.id, options.roundId))
      .for("update");
    if (!round || round.purgedAt !== null) throw new AppError("not_found", "Deze ronde bestaat niet (meer).");
    const groups = await tx.select().from(kriskrasGroups).where(eq(kriskrasGroups.roundId, round.id));
    const current = await invitationsOf(tx, round.id);
    const filled = new Set([...current.values()].map((invitation) => invitation.groupId));
    if (filled.size === 0) {
      throw new AppError(
        "conflict",
        "Er zijn nog geen groepen om te publiceren. Stel eerst de groepen samen.",
      );
    }
    const withoutHost = groups.filter((group) => filled.has(group.id) && !group.hostSignupId);
    if (withoutHost.length > 0) {
      throw new AppError(
        "conflict",
        `Niet elke groep heeft een gastheer of gastvrouw (groep ${withoutHost
          .map((group) => group.number)
          .sort((a, b) => a - b)
          .join(", ")}). Kies die eerst.`,
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

// --- the mails (Dutch, B1; times in Amsterdam) -------------------------------------------------------

const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").trim();
const CALENDAR_FILE = "kriskras.ics";

function slotTextOf(slot: Invitation["slot"]) {
  const times = slotTimes(slot);
  return {
    date: formatLocalDate(times.date, "nl"),
    when: `${formatLocalDate(times.date, "nl")}, ${times.startTime} tot ${times.endTime} (Nederlandse tijd)`,
    where: slot.place.trim()
      ? slot.place
      : slot.onlineUrl
        ? `online, via deze link: ${slot.onlineUrl}`
        : "dat hoor je nog van de organisatie",
  };
}

function memberLine(member: GroupMember): string {
  return `${member.firstName} (${member.organisation})`;
}

function calendarText(options: {
  round: RoundRow;
  uid: string;
  sequence: number;
  method: InviteMethod;
  slot: Pick<SlotRow, "startsAt" | "endsAt" | "place" | "onlineUrl">;
  email: string;
  name: string;
  organizer: { name: string; email: string };
  link: string;
  now: Date;
}): string {
  const start = utcToAmsterdam(options.slot.startsAt);
  const end = utcToAmsterdam(options.slot.endsAt);
  return buildCalendarInvite({
    uid: options.uid,
    sequence: options.sequence,
    method: options.method,
    start,
    end,
    summary: `Kris-kras-gesprek: ${oneLine(options.round.title)}`,
    description:
      options.method === "CANCEL"
        ? "Dit kris-kras-gesprek gaat voor jou niet door."
        : `Een gesprek met collega's van andere organisaties. Je groep en het programma: ${options.link}`,
    ...(options.slot.place.trim() ? { location: options.slot.place } : {}),
    ...(options.slot.onlineUrl ? { url: options.slot.onlineUrl } : {}),
    organizer: options.organizer,
    attendee: { email: options.email, ...(options.name.trim() ? { name: options.name } : {}) },
    stamp: options.now,
  });
}

/** The calendar file of a person's current invitation, as the personal page offers it again. */
export function invitationCalendar(options: {
  round: RoundRow;
  invitation: Invitation;
  sequence: number;
  link: string;
  organizer: { name: string; email: string };
  now: Date;
}): string {
  return calendarText({
    round: options.round,
    uid: invitationUid(options.round.id, options.invitation.signupId),
    sequence: options.sequence,
    method: "REQUEST",
    slot: options.invitation.slot,
    email: options.invitation.email,
    name: options.invitation.name,
    organizer: options.organizer,
    link: options.link,
    now: options.now,
  });
}

function invitationMail(options: {
  round: RoundRow;
  invitation: Invitation;
  sequence: number;
  changed: boolean;
  link: string;
  organizer: { name: string; email: string };
  now: Date;
}): MailMessage {
  const { round, invitation } = options;
  const slot = slotTextOf(invitation.slot);
  const title = oneLine(round.title);
  const text = [
    invitation.name.trim() ? `Hallo ${firstNameOf(invitation.name)},` : "Hallo,",
    "",
    options.changed
      ? `Er is iets veranderd aan je kris-kras-gesprek van "${title}". Hieronder staat hoe het nu is. De afspraak in je agenda verandert mee.`
      : `Je bent ingedeeld voor een kris-kras-gesprek van "${title}". Fijn dat je meedoet!`,
    "",
    `Wanneer: ${slot.when}`,
    `Waar: ${slot.where}`,
    "",
    "Wie zitten er in je groep:",
    ...invitation.others.map((member) => `- ${memberLine(member)}`),
    "",
    invitation.host.isYou
      ? "Jij bent de gastheer of gastvrouw van deze groep. Je leidt het gesprek. Op je eigen pagina (zie hieronder) staat het programma. Daar start je ook het gesprek, met één klik."
      : `De gastheer of gastvrouw is ${memberLine(invitation.host)}. Die leidt het gesprek.`,
    "",
    "Wat is een kris-kras-gesprek? Je praat anderhalf uur met ongeveer twaalf collega's van verschillende organisaties. Het gaat over je werk: waar je trots op bent, lastige keuzes en de menselijke maat. Je hoort hoe anderen het aanpakken.",
    "",
    "In deze e-mail zit een afspraak voor je agenda. Je groep en het programma van het gesprek staan op je eigen pagina:",
    options.link,
    "",
    "(You have been placed in a kris-kras conversation. The time, the place and your group are above; the calendar entry is attached. Your page with the programme is at the link above.)",
  ].join("\n");
  const subject = `${options.changed ? "Gewijzigd: " : ""}Kris-kras-gesprek op ${slot.date}: ${title}`;
  return {
    to: invitation.email,
    subject: subject.slice(0, 250),
    text,
    calendar: {
      method: "REQUEST",
      filename: CALENDAR_FILE,
      content: calendarText({
        round,
        uid: invitationUid(round.id, invitation.signupId),
        sequence: options.sequence,
        method: "REQUEST",
        slot: invitation.slot,
        email: invitation.email,
        name: invitation.name,
        organizer: options.organizer,
        link: options.link,
        now: options.now,
      }),
    },
  };
}

function cancellationMail(options: {
  round: RoundRow;
  uid: string;
  sequence: number;
  slot: SlotRow | undefined;
  email: string;
  name: string;
  organizer: { name: string; email: string };
  now: Date;
}): MailMessage {
  const title = oneLine(options.round.title);
  const date = options.slot ? formatLocalDate(slotTimes(options.slot).date, "nl") : "";
  const text = [
    "Hallo,",
    "",
    `De groepen voor "${title}" zijn veranderd. Je zit nu niet meer in een groep${date ? ` op ${date}` : ""}. Het gesprek gaat voor jou dus niet door. De afspraak in je agenda vervalt.`,
    "",
    "Heb je hier vragen over? Beantwoord dan deze e-mail niet, maar neem contact op met de organisatie van de kris-kras-gesprekken.",
    "",
    "(The groups have changed and you are no longer in one, so this kris-kras conversation is cancelled for you. The calendar entry is removed.)",
  ].join("\n");
  return {
    to: options.email,
    subject: `Gaat niet door: kris-kras-gesprek${date ? ` op ${date}` : ""}: ${title}`.slice(0, 250),
    text,
    ...(options.slot
      ? {
          calendar: {
            method: "CANCEL" as const,
            filename: CALENDAR_FILE,
            content: calendarText({
              round: options.round,
              uid: options.uid,
              sequence: options.sequence,
              method: "CANCEL",
              slot: options.slot,
              email: options.email,
              name: options.name,
              organizer: options.organizer,
              link: "",
              now: options.now,
            }),
          },
        }
      : {}),
  };
}

// --- the person's own group ------------------------------------------------------------------------

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
  const invitation = (await invitationsOf(options.db, round.id)).get(signup.id);
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
export async function publishedGroupsFor(options: { db: Db; userId: string }) {
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

/** The title of a group's live session; also how the host's earlier session for it is found again. */
const sessionTitleOf = (round: RoundRow, number: number) =>
  `Kris-kras-gesprek ${oneLine(round.title)}, groep ${number}`.slice(0, 120);

/**
 * For the host only: a live session from the kris-kras template, owned by them, so they can run it
 * without the gespreksleider role; a second click finds the session not yet ended instead of making
 * another. Gives the session's id.
 */
export async function startGroupConversation(options: {
  db: Db;
  roundId: string;
  userId: string;
  maxParticipants: number;
  defaultMinAnswers: number;
}): Promise<string> {
  const mine = await getMyGroup(options);
  if (!mine.invitation.host.isYou) {
    throw new AppError("forbidden", "Alleen de gastheer of gastvrouw van de groep start het gesprek.");
  }
  const [group] = await options.db
    .select({ number: kriskrasGroups.number })
    .from(kriskrasGroups)
    .where(eq(kriskrasGroups.id, mine.invitation.groupId));
  const title = sessionTitleOf(mine.round, group?.number ?? 1);
  const [earlier] = await options.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.ownerId, options.userId),
        eq(conversations.title, title),
        ne(conversations.status, "afgelopen"),
      ),
    );
  if (earlier) return earlier.id;
  const made = await createConversation({
    db: options.db,
    ownerId: options.userId,
    input: { title, description: mine.template.description, questions: mine.template.questions },
    maxParticipants: options.maxParticipants,
    defaultMinAnswers: options.defaultMinAnswers,
  });
  return made.id;
}
