// The shapes of the guide's answers in the API, for its OpenAPI document and the tests that read it. The
// descriptions are the API's documentation, in Dutch like the rest of it (see server/api/openapi.ts).
import { z } from "zod";

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
