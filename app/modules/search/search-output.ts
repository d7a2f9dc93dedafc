// The shape of the site search's answer in the API, for its OpenAPI document and the tests that read it.
// The descriptions are the API's documentation, in Dutch like the rest of it (see server/api/openapi.ts).
import { z } from "zod";
import { DOCUMENT_KINDS, SEARCH_FILTER_NAMES } from "./search-filters.ts";

export const SearchInput = z.object({
  q: z.string().max(20_000, "problems.guide.searchTooLong").default(""),
  limit: z.coerce
    .number({ error: "problems.guide.limitNotNumber" })
    .int("problems.guide.limitNotWhole")
    .min(1, "problems.guide.limitMin")
    .max(50, "problems.guide.limitMax")
    .default(20),
  soort: z.enum(SEARCH_FILTER_NAMES, { error: "problems.search.unknownKind" }).optional(),
  versie: z.coerce
    .number({ error: "problems.guide.versionNotNumber" })
    .int("problems.guide.versionNotWhole")
    .min(1, "problems.guide.versionMin")
    .max(1_000_000, "problems.guide.versionTooHigh")
    .optional(),
});
export type SearchInput = z.infer<typeof SearchInput>;

export const SearchOutput = z
  .object({
    query: z.string().describe("De zoekvraag zoals die is gebruikt, na opschonen"),
    version: z.number().int().describe("De versie van de gids waarin is gezocht"),
    hits: z.array(
      z.object({
        kind: z
          .enum(DOCUMENT_KINDS)
          .describe(
            "part: een deel van de gids, paragraph: een stuk tekst daaruit, card: een dilemmakaart, " +
              "template: een opzet voor een teamgesprek, contribution: een bijdrage aan Meedenken",
          ),
        slug: z.string().describe("Van het deel, de kaart of de opzet; het id van een bijdrage"),
        anchor: z.string().describe("Het anker van een stuk tekst in zijn deel; leeg bij de andere soorten"),
        title: z.string().describe("De titel: van het deel bij een stuk tekst uit de gids"),
        partTitle: z.string().describe("Hetzelfde als title; blijft voor bestaande gebruikers"),
        url: z.string().describe("Het adres van de pagina op deze site"),
        snippetHtml: z.string().describe("HTML-veilige tekst met <mark> om gevonden woorden"),
        complete: z.boolean().describe("Of elk gezocht woord (of een synoniem) erin staat"),
      }),
    ),
    counts: z
      .record(z.enum(DOCUMENT_KINDS), z.number().int())
      .describe("Hoeveel resultaten elke soort heeft, vóór het filter en de limiet"),
    suggestions: z.array(z.string()).describe("Verbeterde spelling die meer vindt dan wat er stond"),
  })
  .meta({ id: "SearchResult" });
