// A table of the insights as a CSV file for spreadsheets: every column (addresses and codes too), in the
// reader's language, the same rows as the page and the API, then the hidden rest and the total.
import { csvText } from "../../infra/csv.ts";
import { formatNumber } from "../../infra/i18n/format-number.ts";
import type { Language } from "../../infra/i18n/i18n.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { INSIGHT_TABLES, type InsightTable, restOf } from "./insight-tables.ts";

export function insightCsv(table: InsightTable, language: Language): string {
  const t = translatorFor(language);
  const { columns, totalColumn } = INSIGHT_TABLES[table.id];
  const header = columns.map(([name]) => t(`insights.columns.${name}`));
  const rows = table.rows.map((row) =>
    columns.map(([name, kind]) => {
      const value = row[name] ?? null;
      // A decimal in the reader's notation: a Dutch spreadsheet reads 4,5, not 4.5.
      return typeof value === "number" && kind === "decimal"
        ? formatNumber({ value, language, format: "decimal" })
        : value;
    }),
  );
  const summary = (label: string, value: number) =>
    columns.map(([name], index) => (index === 0 ? label : name === totalColumn ? value : null));
  const rest = restOf(table);
  if (totalColumn && rest > 0) rows.push(summary(t("insights.others"), rest));
  if (totalColumn && table.total !== null) rows.push(summary(t("insights.total"), table.total));
  return csvText([header, ...rows]);
}
