// Dates and times as people in the Netherlands read them, in the interface language.
import type { Language } from "./i18n.ts";

export type DateFormat = "date" | "dateTime" | "dateTimeSeconds";

const OPTIONS: Record<DateFormat, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "long" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  dateTimeSeconds: { dateStyle: "short", timeStyle: "medium" },
};

export function formatDate(options: { iso: string; language: Language; format: DateFormat }): string {
  return new Intl.DateTimeFormat(options.language === "nl" ? "nl-NL" : "en-GB", {
    ...OPTIONS[options.format],
    timeZone: "Europe/Amsterdam",
  }).format(new Date(options.iso));
}
