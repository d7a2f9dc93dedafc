// What a kris-kras invitation says, and the mails and calendar entries that carry it: the first
// invitation, an update with a higher sequence, and a cancellation. Pure: the publication
// (publication.server.ts) decides who gets which, and the personal page (my-group.server.ts) offers the
// calendar entry again.
import { createHash } from "node:crypto";
import type { MailMessage } from "../../infra/mail.server.ts";
import { buildCalendarInvite, type InviteMethod, utcToAmsterdam } from "./calendar-invite.ts";
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

// The mails are in Dutch (B1), with a line in English; times are in Amsterdam.
export const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").trim();
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
