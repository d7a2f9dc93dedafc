// The field types that forms and the API share: text PostgreSQL can store, ids, e-mail addresses, and
// dates and times as people type them. Pure (zod only). Every message is a key in the locale files
// (`message`), translated into the reader's language where it becomes a page or a problem.
//
// Pages that run in the browser import this file for a constant or a function next to their schemas;
// zod must not follow them there. So every schema built when the file loads is marked `@__PURE__`:
// the bundler drops it, and zod with it, where nothing uses it.
import { z } from "zod";
import { message } from "./i18n/translate.ts";

/** PostgreSQL cannot keep the NUL character, so it is refused like a typing mistake. */
export function isStorable(text: string): boolean {
  return !text.includes("\u0000");
}

export type StorableTextOptions = {
  /** Longest allowed length, after trimming. */
  max: number;
  tooLong: string;
  /** Shortest allowed length, after trimming; leave out when the field may be empty. */
  min?: number;
  tooShort?: string;
  /** The message when no text was sent at all (zod's own when left out). */
  missing?: string;
  unstorable?: string;
  /** Trims spaces around the text before the checks (the default). */
  trim?: boolean;
};

/** Free text within length bounds that PostgreSQL can store. */
export function storableText(options: StorableTextOptions) {
  let text = options.missing === undefined ? z.string() : z.string({ error: options.missing });
  if (options.trim !== false) text = text.trim();
  if (options.min !== undefined && options.min > 0) text = text.min(options.min, options.tooShort);
  return text
    .max(options.max, options.tooLong)
    .refine(isStorable, options.unstorable ?? message("problems.fields.unstorable"));
}

/**
 * Storable text whose messages name the field: "Vul de titel in.", "De titel mag hoogstens 120 tekens
 * hebben." The label is the key of the field's name in the locale files (`problems.labels.title`). A
 * minimum above 1 says the text is too short, unless `tooShort` says otherwise.
 */
export function labelledText(label: string, min: number, max: number, options: { tooShort?: string } = {}) {
  const fillIn = message("problems.fields.fillIn", { label: { key: label } });
  return storableText({
    min,
    max,
    missing: fillIn,
    tooShort:
      options.tooShort ??
      (min <= 1 ? fillIn : message("problems.fields.tooShort", { label: { key: label }, min })),
    tooLong: message("problems.fields.tooLong", { label: { key: label }, max }),
  });
}

/** The id of a row, as in an address or a hidden field. */
export const Id = /* @__PURE__ */ (() => z.uuid())();

export const EmailAddress = /* @__PURE__ */ (() =>
  z
    .string({ error: message("problems.fields.emailMissing") })
    .trim()
    .min(1, message("problems.fields.emailMissing"))
    .max(254, message("problems.fields.emailTooLong"))
    .pipe(z.email({ error: message("problems.fields.emailInvalid") })))();

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a text is a date as 2026-05-12 that exists in the calendar. */
export function isCalendarDate(date: string): boolean {
  if (!DATE.test(date)) return false;
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
}

/** Whether a text is a time of day as 14:30. */
export function isTimeOfDay(time: string): boolean {
  return TIME.test(time);
}

/** A date as 2026-05-12 (what a date field sends) or as 12-5-2026 (what people type). */
export const LocalDate = /* @__PURE__ */ (() =>
  z.preprocess(
    (value) => {
      if (typeof value !== "string") return value;
      const typed = value.trim();
      const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(typed);
      if (!dutch) return typed;
      return `${dutch[3]}-${dutch[2]?.padStart(2, "0")}-${dutch[1]?.padStart(2, "0")}`;
    },
    z
      .string({ error: message("problems.fields.dateMissing") })
      .min(1, message("problems.fields.dateMissing"))
      .regex(DATE, message("problems.fields.dateForm"))
      .refine(isCalendarDate, message("problems.fields.dateUnknown"))
      .refine((date) => date >= "2000-01-01" && date <= "2999-12-31", message("problems.fields.dateRange")),
  ))();

/** A time of day as 14:30 (also 9:30 or 14.30). */
export const LocalTime = /* @__PURE__ */ (() =>
  z.preprocess(
    (value) => {
      if (typeof value !== "string") return value;
      const typed = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
      return typed ? `${typed[1]?.padStart(2, "0")}:${typed[2]}` : value.trim();
    },
    z
      .string({ error: message("problems.fields.timeMissing") })
      .min(1, message("problems.fields.timeMissing"))
      .regex(TIME, message("problems.fields.timeForm")),
  ))();
