// The shape of the insights in the API, for the OpenAPI document and the tests that read it: one schema
// per table with every column described, from the same table list the dashboard and the CSV files use.
// The descriptions are the API's documentation, in Dutch like the rest of it.
import { z } from "zod";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { type ColumnKind, INSIGHT_TABLE_IDS, INSIGHT_TABLES, type InsightTableId } from "./insight-tables.ts";

const t = translatorFor("nl");
const HIDDEN = " Leeg (null) waar het cijfer niet getoond wordt.";

const column = (kind: ColumnKind) => {
  switch (kind) {
    case "number":
      return z.int().min(0).nullable();
    case "decimal":
      return z.number().min(0).nullable();
    case "date":
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
    case "month":
      return z.string().regex(/^\d{4}-\d{2}$/);
    case "text":
      return z.string();
  }
};

function tableOutput(id: InsightTableId) {
  const definition = INSIGHT_TABLES[id];
  const row = z.object(
    Object.fromEntries(
      definition.columns.map(([name, kind]) => [
        name,
        column(kind).describe(
          `${t(`insights.columns.${name}`)}.${kind === "number" || kind === "decimal" ? HIDDEN : ""}`,
        ),
      ]),
    ),
  );
  return z
    .object({
      id: z.literal(id),
      columns: z.array(
        z.object({ name: z.string(), kind: z.enum(["text", "number", "decimal", "date", "month"]) }),
      ),
      rows: z.array(row),
      total: z
        .int()
        .min(0)
        .nullable()
        .describe(
          definition.totalColumn
            ? `Het totaal van de kolom ${definition.totalColumn}, ook van rijen die niet getoond worden; wat niet getoond wordt, is samen nul of minstens de minimale groep.`
            : "Deze tabel heeft geen totaal (null).",
        ),
    })
    .describe(
      `${t(`insights.tables.${id}.title`)}. ${t(`insights.tables.${id}.chart`).replace(/^[^:]+: /, "")}`,
    );
}

const [first, second, ...rest] = INSIGHT_TABLE_IDS.map(tableOutput);

export const InsightTableOutput = z.discriminatedUnion("id", [
  first as ReturnType<typeof tableOutput>,
  second as ReturnType<typeof tableOutput>,
  ...rest,
]);

export const InsightsOutput = z.object({
  period: z
    .object({ from: z.string().regex(/^\d{4}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}$/) })
    .describe("De periode: hele maanden, beide maanden doen mee"),
  minimumGroup: z
    .int()
    .min(5)
    .describe("De kleinste groep waar een cijfer over gaat (INSIGHTS_MIN_GROUP); kleiner wordt niet getoond"),
  computedAt: z
    .string()
    .nullable()
    .describe("Wanneer de cijfers het laatst zijn berekend; null als dat nog niet is gebeurd"),
  tables: z.array(InsightTableOutput),
});
