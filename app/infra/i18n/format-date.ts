// Dates and times as people in the Netherlands read them, in the interface language.
import type { Language } from "./i18n.ts";

export type DateFormat = "date" | "dateTime" | "dateTimeSeconds" | "month" | "shortDate";

const OPTIONS: Record<DateFormat, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "long" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  dateTimeSeconds: { dateStyle: "short", timeStyle: "medium" },
  month: { month: "long", year: "numeric" },
  shortDate: { day: "numeric", month: "short" },
};

/** Made once per language and format: making a formatter costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(options: { iso: string; language: Language; format: DateFormat }): string {
  const key = `${options.language} ${options.format}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(options.language === "nl" ? "nl-NL" : "en-GB", {
      ...OPTIONS[options.format],
      timeZone: "Europe/Amsterdam",
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(options.iso));
}
