// Input and output shapes of the guide, shared by the pages, the API and its OpenAPI document.
import { z } from "zod";
import { storableText } from "../../infra/fields.ts";
import { PART_KINDS } from "./guide-kinds.ts";

/** Search input: anything a person types is accepted and cleaned up later; only absurd sizes are cut. */
export const GuideSearchInput = z.object({
  q: z
    .string()
    .max(20_000, "De zoekvraag is te lang.")
    .default("")
    .describe("Wat je zoekt; woorden, delen van woorden of een zin"),
  limit: z.coerce
    .number({ error: "limit moet een getal zijn" })
    .int("limit moet een geheel getal zijn")
    .min(1, "limit is minstens 1")
    .max(50, "limit is hoogstens 50")
    .default(20),
});
export type GuideSearchInput = z.infer<typeof GuideSearchInput>;

export const VersionNumber = z.coerce
  .number({ error: "Het nummer van de weergave moet een getal zijn." })
  .int("Het nummer van de weergave moet een geheel getal zijn.")
  .min(1, "Het nummer van de weergave is minstens 1.")
  .max(1_000_000, "Die weergave bestaat niet.");

export const PartSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Dat deel bestaat niet.")
  .max(80);

export const CompareInput = z.object({ van: VersionNumber, naar: VersionNumber });

export const VersionOutput = z
  .object({
    number: z.number().int(),
    label: z.string(),
    edition: z.string().describe("Welke versie van de officiële gids deze weergave volgt"),
    status: z.enum(["concept", "gepubliceerd"]),
    isExample: z.boolean(),
    changelog: z.string().describe("Markdown"),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: "Version" });

export const PartSummaryOutput = z
  .object({
    slug: z.string(),
    kind: z.enum(["inleiding", "principe", "waarden", "fundament", "gebruik"]),
    title: z.string(),
    summary: z.string(),
  })
  .meta({ id: "PartSummary" });

export const BlockOutput = z
  .object({
    anchor: z.string().describe("Stabiel anker van de alinea, gelijk over versies heen"),
    kind: z.enum(["heading", "paragraph", "list", "quote"]),
    markdown: z.string(),
    text: z.string(),
  })
  .meta({ id: "Block" });

export const PartOutput = PartSummaryOutput.extend({
  related: z.array(z.string()),
  version: z.number().int(),
  blocks: z.array(BlockOutput),
}).meta({ id: "Part" });

export const VersionWithPartsOutput = VersionOutput.extend({ parts: z.array(PartSummaryOutput) }).meta({
  id: "VersionWithParts",
});

export const SearchOutput = z
  .object({
    query: z.string().describe("De zoekvraag zoals die is gebruikt, na opschonen"),
    version: z.number().int(),
    hits: z.array(
      z.object({
        slug: z.string(),
        partTitle: z.string(),
        anchor: z.string(),
        url: z.string(),
        snippetHtml: z.string().describe("HTML-veilige tekst met <mark> om gevonden woorden"),
      }),
    ),
    suggestions: z.array(z.string()),
  })
  .meta({ id: "SearchResult" });

const WordChange = z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() });
export const CompareOutput = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
    parts: z.array(
      z.object({
        slug: z.string(),
        title: z.string(),
        status: z.enum(["added", "removed", "changed", "unchanged"]),
        titleWords: z.array(WordChange).optional(),
        blocks: z.array(
          z.object({
            status: z.enum(["added", "removed", "changed", "unchanged"]),
            anchor: z.string(),
            kind: z.string(),
            text: z.string().optional(),
            words: z.array(WordChange).optional(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "Comparison" });

export const ProblemOutput = z
  .object({
    /** The kind of problem: a URI per kind, its description in the API's OpenAPI document. */
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ in: z.string(), name: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

const UNSTORABLE = "Deze tekst bevat een teken dat niet kan worden bewaard.";

/** A part of a draft as an editor writes it: the same limits as the front matter of a part file. */
export const DraftPartInput = z.object({
  title: storableText({
    min: 3,
    tooShort: "Geef het deel een titel van minstens 3 tekens.",
    max: 160,
    tooLong: "De titel mag hoogstens 160 tekens hebben.",
    unstorable: UNSTORABLE,
  }),
  summary: storableText({
    min: 3,
    tooShort: "Schrijf een samenvatting van minstens 3 tekens.",
    max: 400,
    tooLong: "De samenvatting mag hoogstens 400 tekens hebben.",
    unstorable: UNSTORABLE,
  }).refine((text) => !/[\r\n]/.test(text), "De samenvatting moet op één regel passen."),
  kind: z.enum(PART_KINDS, { error: "Kies wat voor deel het is." }),
});
export type DraftPartInput = z.infer<typeof DraftPartInput>;

/** The changelog, label and edition of a draft (the edition with the same minimum as `_versie.md`). */
export const DraftDetailsInput = z.object({
  label: storableText({
    min: 3,
    tooShort: "Geef de weergave een naam van minstens 3 tekens.",
    max: 200,
    tooLong: "De naam mag hoogstens 200 tekens hebben.",
    unstorable: UNSTORABLE,
  }).refine((text) => !/[\r\n]/.test(text), "De naam moet op één regel passen."),
  edition: storableText({
    min: 3,
    tooShort: "Schrijf welke versie van de officiële gids dit is, in minstens 3 tekens.",
    max: 120,
    tooLong: "Dit veld mag hoogstens 120 tekens hebben.",
    unstorable: UNSTORABLE,
  }).refine((text) => !/[\r\n]/.test(text), "Dit veld moet op één regel passen."),
  changelog: storableText({
    max: 20_000,
    tooLong: "De lijst van veranderingen mag hoogstens 20.000 tekens hebben.",
    unstorable: UNSTORABLE,
    trim: false,
  }),
});
export type DraftDetailsInput = z.infer<typeof DraftDetailsInput>;
