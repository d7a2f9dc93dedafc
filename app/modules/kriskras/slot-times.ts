// A time slot as people read it: the date and times on the Amsterdam wall clock, whatever the server's
// time zone, and a date written out in Dutch or English.
import { utcToAmsterdam } from "../../infra/amsterdam-time.ts";

export interface SlotTimes {
  /** YYYY-MM-DD in Amsterdam. */
  date: string;
  /** HH:MM in Amsterdam. */
  startTime: string;
  endTime: string;
}

export function slotTimes(slot: { startsAt: Date; endsAt: Date }): SlotTimes {
  const start = utcToAmsterdam(slot.startsAt);
  const end = utcToAmsterdam(slot.endsAt);
  return { date: start.date, startTime: start.time, endTime: end.time };
}

/** "dinsdag 3 maart 2026" / "Tuesday 3 March 2026" for an Amsterdam date (YYYY-MM-DD). */
export function formatLocalDate(date: string, language: "nl" | "en"): string {
  const [year, month, day] = date.split("-").map(Number);
  // The date is already Amsterdam's: format it as a UTC date so no time zone shifts the day.
  return new Intl.DateTimeFormat(language === "nl" ? "nl-NL" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

/** One line for a slot: "dinsdag 3 maart 2026, 14:00 tot 16:00, Den Haag" (or "online"). */
export function slotLine(
  slot: SlotTimes & { place: string; onlineUrl: string },
  language: "nl" | "en",
): string {
  const until = language === "nl" ? "tot" : "to";
  const where = slot.place.trim() || (slot.onlineUrl ? "online" : "");
  return [formatLocalDate(slot.date, language), `${slot.startTime} ${until} ${slot.endTime}`, where]
    .filter(Boolean)
    .join(", ");
}
