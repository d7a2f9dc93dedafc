// Inzichten's part of the OpenAPI document: the dashboard's tables for a period, all or one.
import { INSIGHT_TABLE_IDS } from "../../app/modules/insights/insight-tables.ts";

import { InsightsOutput } from "../../app/modules/insights/insights-output.ts";
import { MAX_PERIOD_MONTHS } from "../../app/modules/insights/periods.ts";
import { loggedIn, privateResponse, problemResponses, ref } from "./openapi-parts.ts";

export const INSIGHTS_OUTPUTS = { Insights: InsightsOutput };

export const INSIGHTS_TAG = {
  name: "inzichten",
  description:
    "Inzichten voor het programma: wat mensen lezen, zoeken zonder te vinden, bespreken, voorstellen en waar " +
    "ze aan meedoen, per periode van hele maanden. Alleen voor redacteuren en beheerders. Een cijfer over " +
    "minder mensen, gesprekken of keren dan de minimale groep (INSIGHTS_MIN_GROUP, standaard 10) staat er " +
    "niet in, ook niet in een totaal of in het verschil tussen twee periodes. Nooit iets over één persoon " +
    "of één team, en nooit iets van wat iemand in de Dilemma-wijzer schrijft.",
};

const tag = ["inzichten"];
const month = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string", pattern: "^(19|20)\\d\\d-(0[1-9]|1[0-2])$" },
});
const period = [
  month("van", "De eerste maand (jjjj-mm). Standaard twaalf maanden vóór deze maand."),
  month(
    "tot",
    `De laatste maand (jjjj-mm), niet vóór \`van\` en ten hoogste ${MAX_PERIOD_MONTHS} maanden verder. Standaard de vorige maand.`,
  ),
];

export function insightsPaths() {
  return {
    "/inzichten": {
      get: {
        operationId: "getInsights",
        tags: tag,
        summary: "Alle tabellen van de inzichten voor een periode",
        description:
          "Dezelfde cijfers als op /inzichten en in de CSV-bestanden. Een maand die nog niet voorbij is, telt " +
          "niet mee. De kolommen van elke tabel staan bij de tabel beschreven.",
        security: loggedIn,
        parameters: period,
        responses: {
          "200": privateResponse("De tabellen", ref("Insights")),
          ...problemResponses(400, 401, 403, 503),
        },
      },
    },
    "/inzichten/{tabel}": {
      get: {
        operationId: "getInsightsTable",
        tags: tag,
        summary: "Eén tabel van de inzichten voor een periode",
        description:
          "Net als /inzichten, maar alleen de gevraagde tabel. Een tabel die niet bestaat, geeft 404.",
        security: loggedIn,
        parameters: [
          {
            name: "tabel",
            in: "path",
            required: true,
            description: "Welke tabel",
            schema: { type: "string", enum: INSIGHT_TABLE_IDS },
          },
          ...period,
        ],
        responses: {
          "200": privateResponse("De tabel, als enige in `tables`", ref("Insights")),
          ...problemResponses(400, 401, 403, 404, 503),
        },
      },
    },
  };
}
