// Periods of the insights, in Amsterdam time: whole months (YYYY-MM), weeks by their Monday, the
// period a look may ask for and the one it starts with. Pure.
import { z } from "zod";
import { utcToAmsterdam } from "../../infra/amsterdam-time.ts";
import { message } from "../../infra/i18n/translate.ts";

/** The first day of the month an instant falls in, in Amsterdam, as YYYY-MM-01. */
export function monthOf(instant: Date): string {
  return `${utcToAmsterdam(instant).date.slice(0, 7)}-01`;
}

/** The Monday of the ISO week an instant falls in, in Amsterdam, as YYYY-MM-DD. */
export function weekOf(instant: Date): string {
  const day = new Date(`${utcToAmsterdam(instant).date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** A period of whole months, both ends included, as YYYY-MM. */
export interface InsightPeriod {
  from: string;
  to: string;
}

/** The longest period one look may span. */
export const MAX_PERIOD_MONTHS = 60;

const MONTH = z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, message("problems.insights.monthForm"));

const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7));

/** The last twelve months that have ended, as of `now`: the period a look starts with. */
export function defaultPeriod(now: Date): InsightPeriod {
  const thisMonth = monthOf(now).slice(0, 7);
  return { from: addMonths(thisMonth, -12), to: addMonths(thisMonth, -1) };
}

export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** `van` and `tot` from a query string; either may be left out (the default period's end then). */
export function periodSchema(now: Date) {
  const fallback = defaultPeriod(now);
  return z
    .object({ van: MONTH.optional(), tot: MONTH.optional() })
    .transform(({ van, tot }) => ({ from: van ?? fallback.from, to: tot ?? fallback.to }))
    .refine(({ from, to }) => from <= to, {
      message: message("problems.insights.periodReversed"),
      path: ["tot"],
    })
    .refine(({ from, to }) => monthsBetween(from, to) < MAX_PERIOD_MONTHS, {
      message: message("problems.insights.periodTooLong", { max: MAX_PERIOD_MONTHS }),
      path: ["tot"],
    });
}
