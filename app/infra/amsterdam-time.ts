// Wall-clock time in Amsterdam, where the programme's meetings and consultations are planned: a date
// and time people type, turned into an instant and back, over summer and winter time. Pure, without a
// time-zone library: Intl knows the rules.
import { AppError } from "./errors.ts";

/** A wall-clock moment in Europe/Amsterdam: `date` as YYYY-MM-DD, `time` as HH:MM (24-hour). */
export interface LocalDateTime {
  date: string;
  time: string;
}

export const AMSTERDAM = "Europe/Amsterdam";

/**
 * The instant of a wall-clock time in Amsterdam. A time in the spring-forward gap is refused. A time
 * that occurs twice in October is the first one, still summer time, as RFC 5545 §3.3.5 reads it too.
 * A date or time that is not one throws an `invalid` AppError that names `field`.
 */
export function amsterdamToUtc(local: LocalDateTime, field = "dateTime"): Date {
  const wall = parseLocal(local, field);
  // The offset a day either side covers both offsets around any transition (they are months apart).
  const offsets = new Set([offsetAt(wall - DAY), offsetAt(wall + DAY)]);
  const matches = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockAt(instant) === wall)
    .sort((a, b) => a - b);
  const first = matches[0];
  if (first === undefined) {
    invalid(field, `${local.date} ${local.time} does not exist in ${AMSTERDAM}: the clocks skip that hour`);
  }
  return new Date(first);
}

/** The wall-clock time in Amsterdam of an instant, to the minute (seconds are dropped). */
export function utcToAmsterdam(instant: Date): LocalDateTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new Error("utcToAmsterdam: not a valid date");
  const wall = new Date(wallClockAt(ms));
  const date = wall.toISOString().slice(0, 10);
  const time = wall.toISOString().slice(11, 16);
  return { date, time };
}

const DAY = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

const amsterdamParts = new Intl.DateTimeFormat("en-US", {
  timeZone: AMSTERDAM,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** The Amsterdam wall clock at an instant, as milliseconds of a UTC date with the same fields. */
function wallClockAt(instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of amsterdamParts.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const field = (name: string) => parts[name] ?? 0;
  const wall = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return wall + (instant - Math.floor(instant / 1000) * 1000);
}

function offsetAt(instant: number): number {
  return wallClockAt(instant) - instant;
}

function parseLocal(local: LocalDateTime, field: string): number {
  const date = DATE_PATTERN.exec(local.date);
  const time = TIME_PATTERN.exec(local.time);
  if (!date) invalid(field, `date must look like 2027-03-04, not ${JSON.stringify(local.date)}`);
  if (!time) invalid(field, `time must look like 14:00, not ${JSON.stringify(local.time)}`);
  const [year, month, day, hour, minute] = [date[1], date[2], date[3], time[1], time[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  // From 1996 on the EU rules in the VTIMEZONE hold; the upper bound keeps the year four digits.
  if (year < 1996 || year > 9999) invalid(field, `year ${year} is outside 1996–9999`);
  if (hour > 23 || minute > 59) invalid(field, `${local.time} is not a time of day`);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC rolls 31 April over to 1 May; a round trip shows the date did not exist.
  if (new Date(wall).toISOString().slice(0, 10) !== local.date) {
    invalid(field, `${local.date} is not a date in the calendar`);
  }
  return wall;
}

/** A programming error or a value no form let through: the field and what is wrong, in English. */
function invalid(field: string, problem: string): never {
  throw new AppError("invalid", `Amsterdam time: ${field} ${problem}`, { fields: { [field]: problem } });
}
