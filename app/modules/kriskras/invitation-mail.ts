// What a kris-kras invitation says, and the mails and calendar entries that carry it: the first
// invitation, an update with a higher sequence, and a cancellation. Pure: the publication
// (publication.server.ts) decides who gets which, and the personal page (my-group.server.ts) offers the
// calendar entry again. The mails go to others than the editor who publishes, so they are in Dutch (with
// a line in English); their texts are under `mails.kriskras.*` in the locale files.
import { createHash } from "node:crypto";
import { utcToAmsterdam } from "../../infra/amsterdam-time.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import type { MailMessage } from "../../infra/mail.server.ts";
import { buildCalendarInvite, type InviteMethod } from "./calendar-invite.ts";
import type { kriskrasRounds, kriskrasSlots } from "./kriskras.schema.ts";
import { formatLocalDate, slotTimes } from "./slot-times.ts";

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

const nl = translatorFor("nl");
const en = translatorFor("en");

/** The calendar entry's UID: the same for this person in this round, with no address or name in it. */
export const invitationUid = (roundId: string, signupId: string) =>
  `kriskras-${roundId}-${signupId}@vakmanschap`;

/** The first word of a name, or "een collega". */
export function firstNameOf(name: string): string {
  // Part of the invitation's digest, so it is the same for every reader: in Dutch, as the mails are.
  return name.trim().split(/\s+/)[0] || nl("mails.kriskras.nameless");
}

/**
 * The digest of what an invitation says, prefixed with its slot's id: a cancellation has only what was
 * stored, and needs the slot's times for the calendar entry it removes.
 */
export function digestOf(invitation: Invitation): string {
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

export const slotIdOfDigest = (digest: string) => digest.split(":")[0] ?? "";

/** "Naam <adres>" or a bare address, as MAIL_FROM may be written. */
export function organizerOf(mailFrom: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  if (match) return { name: match[1]?.trim() || "Vakmanschap", email: (match[2] ?? "").trim() };
  return { name: "Vakmanschap", email: mailFrom.trim() };
}

// Times are in Amsterdam.
export const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").trim();
const CALENDAR_FILE = "kriskras.ics";

function slotTextOf(slot: Invitation["slot"]) {
  const times = slotTimes(slot);
  const date = formatLocalDate(times.date, "nl");
  return {
    date,
    when: nl("mails.kriskras.invitation.whenText", { date, start: times.startTime, end: times.endTime }),
    where: slot.place.trim()
      ? slot.place
      : slot.onlineUrl
        ? nl("mails.kriskras.invitation.online", { url: slot.onlineUrl })
        : nl("mails.kriskras.invitation.placeUnknown"),
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
    summary: nl("mails.kriskras.invitation.calendarSummary", { title: oneLine(options.round.title) }),
    description:
      options.method === "CANCEL"
        ? nl("mails.kriskras.invitation.calendarCancelled")
        : nl("mails.kriskras.invitation.calendarDescription", { link: options.link }),
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

export function invitationMail(options: {
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
    invitation.name.trim()
      ? nl("mails.kriskras.helloName", { name: firstNameOf(invitation.name) })
      : nl("mails.kriskras.hello"),
    "",
    nl(options.changed ? "mails.kriskras.invitation.changed" : "mails.kriskras.invitation.placed", { title }),
    "",
    nl("mails.kriskras.invitation.when", { when: slot.when }),
    nl("mails.kriskras.invitation.where", { where: slot.where }),
    "",
    nl("mails.kriskras.invitation.members"),
    ...invitation.others.map((member) => `- ${memberLine(member)}`),
    "",
    invitation.host.isYou
      ? nl("mails.kriskras.invitation.youHost")
      : nl("mails.kriskras.invitation.host", { host: memberLine(invitation.host) }),
    "",
    nl("mails.kriskras.invitation.about"),
    "",
    nl("mails.kriskras.invitation.calendarHint"),
    options.link,
    "",
    // The same in a line of English, for whoever reads no Dutch.
    `(${en("mails.kriskras.invitation.summary")})`,
  ].join("\n");
  const subject = nl(
    options.changed ? "mails.kriskras.invitation.subjectChanged" : "mails.kriskras.invitation.subject",
    { date: slot.date, title },
  );
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

export function cancellationMail(options: {
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
    nl("mails.kriskras.hello"),
    "",
    nl(date ? "mails.kriskras.cancellation.textOnDate" : "mails.kriskras.cancellation.text", { title, date }),
    "",
    nl("mails.kriskras.cancellation.questions"),
    "",
    `(${en("mails.kriskras.cancellation.summary")})`,
  ].join("\n");
  const subject = nl(
    date ? "mails.kriskras.cancellation.subjectOnDate" : "mails.kriskras.cancellation.subject",
    { date, title },
  );
  return {
    to: options.email,
    subject: subject.slice(0, 250),
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
