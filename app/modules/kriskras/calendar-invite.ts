// Calendar invitations for kris-kras conversations as iCalendar text (RFC 5545) sent by mail as iTIP
// (RFC 5546), so an update replaces the earlier entry in Outlook, Google or Apple and a cancellation
// removes it. Pure: the caller stores the UID and SEQUENCE and sends the mail.
import { AMSTERDAM, amsterdamToUtc, type LocalDateTime } from "../../infra/amsterdam-time.ts";
import { AppError } from "../../infra/errors.ts";

export type InviteMethod = "REQUEST" | "CANCEL";

export interface InvitePerson {
  name?: string;
  email: string;
}

export interface CalendarInviteOptions {
  /**
   * The same for every message about one person's place in one slot, so calendars match updates and
   * cancellations to the entry. Keep e-mail addresses and names out of it (RFC 7986 §5.3): it travels
   * to every calendar the invitation is forwarded to.
   */
  uid: string;
  /** 0 for the first invitation, one higher for every later message with the same UID. */
  sequence: number;
  method: InviteMethod;
  start: LocalDateTime;
  end: LocalDateTime;
  timeZone?: typeof AMSTERDAM;
  summary: string;
  description: string;
  /** A room or address; left out, the online link takes its place, as not every calendar app shows URL. */
  location?: string;
  /** The online meeting link, http(s) only. */
  url?: string;
  /** Should be the mail's sender: Gmail and Outlook only treat the message as an invitation then. */
  organizer: InvitePerson & { name: string };
  attendee: InvitePerson;
  /** When this version of the invitation was made; becomes DTSTAMP. */
  stamp: Date;
  /** Minutes before the start for a reminder on a REQUEST; null for none. Defaults to 30. */
  reminderMinutes?: number | null;
}

// Thirty minutes: enough to walk to another building or find the link, and close enough to the start
// that it is not dismissed and forgotten. A day ahead would duplicate the invitation mail itself.
const DEFAULT_REMINDER_MINUTES = 30;

export const CALENDAR_INVITE_FILE_NAME = "invite.ics";

/** The Content-Type of the mail part with the invitation; iMIP (RFC 6047) requires the method in it. */
export function calendarInviteContentType(options: { method: InviteMethod }): string {
  return `text/calendar; charset=utf-8; method=${options.method}`;
}

/** The invitation or cancellation as iCalendar text with CRLF line ends, ready to attach to a mail. */
export function buildCalendarInvite(options: CalendarInviteOptions): string {
  const timeZone = options.timeZone ?? AMSTERDAM;
  if (timeZone !== AMSTERDAM) invalid("timeZone", `only ${AMSTERDAM} is supported, not ${timeZone}`);
  if (!options.uid.trim() || hasControlCharacter(options.uid)) invalid("uid", "must be a non-empty line");
  if (!Number.isSafeInteger(options.sequence) || options.sequence < 0) {
    invalid("sequence", `must be a whole number of 0 or more, not ${options.sequence}`);
  }
  if (Number.isNaN(options.stamp.getTime())) invalid("stamp", "is not a valid date");
  if (!options.summary.trim()) invalid("summary", "must not be empty");

  const start = amsterdamToUtc(options.start, "start");
  const end = amsterdamToUtc(options.end, "end");
  if (end.getTime() <= start.getTime()) {
    invalid("end", `must be after the start (${formatLocal(options.start)} – ${formatLocal(options.end)})`);
  }
  const url = options.url === undefined ? undefined : requireWebUrl(options.url);
  const location = options.location?.trim() ? options.location : url;
  const reminder = options.reminderMinutes === undefined ? DEFAULT_REMINDER_MINUTES : options.reminderMinutes;
  if (reminder !== null && (!Number.isSafeInteger(reminder) || reminder < 0)) {
    invalid("reminderMinutes", `must be a whole number of 0 or more, not ${reminder}`);
  }

  const cancelled = options.method === "CANCEL";
  const lines = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Vakmanschap//Kris-kras//NL",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `METHOD:${options.method}`,
    ...AMSTERDAM_VTIMEZONE,
    "BEGIN:VEVENT",
    `UID:${escapeText(options.uid)}`,
    `SEQUENCE:${options.sequence}`,
    `DTSTAMP:${formatUtc(options.stamp)}`,
    `DTSTART;TZID=${AMSTERDAM}:${formatLocalValue(options.start)}`,
    `DTEND;TZID=${AMSTERDAM}:${formatLocalValue(options.end)}`,
    `SUMMARY:${escapeText(options.summary)}`,
    ...(options.description.trim() ? [`DESCRIPTION:${escapeText(options.description)}`] : []),
    ...(location === undefined ? [] : [`LOCATION:${escapeText(location)}`]),
    ...(url === undefined ? [] : [`URL:${url}`]),
    `ORGANIZER${nameParameter(options.organizer)}:${mailtoOf(options.organizer, "organizer")}`,
    // RSVP=FALSE: the application reads no iTIP replies; people change their participation in it.
    `ATTENDEE${nameParameter(options.attendee)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:${mailtoOf(options.attendee, "attendee")}`,
    `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    ...(cancelled || reminder === null
      ? []
      : [
          "BEGIN:VALARM",
          "ACTION:DISPLAY",
          `DESCRIPTION:${escapeText(options.summary)}`,
          `TRIGGER:-PT${reminder}M`,
          "END:VALARM",
        ]),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join("");
}

// The EU rules in force since 1996; the DTSTARTs are the conventional 1970 anchors most clients write.
// Should the EU ever drop summer time, this block and the time zone data behind Intl must change together.
const AMSTERDAM_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${AMSTERDAM}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function formatLocal(local: LocalDateTime): string {
  return `${local.date} ${local.time}`;
}

function formatLocalValue(local: LocalDateTime): string {
  return `${local.date.replaceAll("-", "")}T${local.time.replace(":", "")}00`;
}

function formatUtc(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replaceAll("-", "").replaceAll(":", "")}Z`;
}

function invalid(field: string, problem: string): never {
  throw new AppError("invalid", `Calendar invitation: ${field} ${problem}`, { fields: { [field]: problem } });
}

// Everything below U+0020 but tab, and DEL: not allowed in a TEXT value or a parameter value.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

function hasControlCharacter(text: string): boolean {
  return text.search(CONTROL_CHARACTERS) >= 0;
}

/** A TEXT value (RFC 5545 §3.3.11): control characters other than tab are not allowed, so they go. */
function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replaceAll("\n", "\\n")
    .replace(CONTROL_CHARACTERS, "");
}

/**
 * `;CN=...` for a person with a name. A parameter value cannot hold a double quote, and RFC 6868's
 * escapes are not read by every client, so a double quote becomes a single one and line breaks spaces.
 */
function nameParameter(person: InvitePerson): string {
  const name = person.name
    ?.replace(/[\r\n]+/g, " ")
    .replace(CONTROL_CHARACTERS, "")
    .replaceAll('"', "'")
    .trim();
  if (!name) return "";
  return /[:;,]/.test(name) ? `;CN="${name}"` : `;CN=${name}`;
}

// Stricter than RFC 5322 on purpose: whatever passes needs no percent-encoding in a mailto URI and no
// quoting in a property value.
const EMAIL_PATTERN = /^[^\s@:;,"<>()[\]\\?%]+@[^\s@:;,"<>()[\]\\?%]+\.[^\s@:;,"<>()[\]\\?%]+$/;

function mailtoOf(person: InvitePerson, field: string): string {
  if (!EMAIL_PATTERN.test(person.email))
    invalid(field, `e-mail address ${JSON.stringify(person.email)} is not usable`);
  return `mailto:${person.email}`;
}

function requireWebUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    invalid("url", `${JSON.stringify(url)} is not a web address`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    invalid("url", `must start with https:// or http://, not ${JSON.stringify(url)}`);
  }
  // The URL serialisation percent-encodes spaces and control characters, so it is safe as a URI value.
  return parsed.href;
}

const encoder = new TextEncoder();

/**
 * Splits a content line into lines of at most 75 octets (RFC 5545 §3.1), continuation lines starting
 * with a space. It cuts between code points, so no UTF-8 sequence is split across lines.
 */
function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const pieces: string[] = [];
  let piece = "";
  let octets = 0;
  // The first line holds 75 octets; each continuation line 74 after its leading space.
  let limit = 75;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > limit) {
      pieces.push(piece);
      piece = "";
      octets = 0;
      limit = 74;
    }
    piece += character;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join("\r\n ");
}
