// Numbers as people in the Netherlands read them (1.234,5) or in English (1,234.5): whole numbers, one
// decimal, or a percentage. One place for it, so a table, a chart and a CSV file write them alike.
import type { Language } from "./i18n.ts";

export type NumberFormat = "whole" | "decimal" | "percent";

const OPTIONS: Record<NumberFormat, Intl.NumberFormatOptions> = {
  whole: { maximumFractionDigits: 0 },
  decimal: { maximumFractionDigits: 1 },
  percent: { style: "percent", maximumFractionDigits: 0 },
};

/** Made once per language and format: making a formatter costs far more than using one. */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(options: { value: number; language: Language; format?: NumberFormat }): string {
  const format = options.format ?? "whole";
  const key = `${options.language} ${format}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(options.language === "nl" ? "nl-NL" : "en-GB", OPTIONS[format]);
    formatters.set(key, formatter);
  }
  return formatter.format(options.value);
}
