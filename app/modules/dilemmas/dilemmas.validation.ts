// The one schema of a dilemma card, shared by the content files, the submission form and the API.
import { z } from "zod";
import { labelledText } from "../../infra/fields.ts";
import { PERSPECTIVES, PRINCIPLES, THEMES, VALUES, WORK_KINDS } from "./dilemma-tags.ts";

const list = <T extends string>(values: readonly T[], label: string, min: number, max: number) =>
  z
    .array(z.enum(values as unknown as [T, ...T[]], { error: `Kies ${label} uit de lijst.` }), {
      error: `Kies ${label} uit de lijst.`,
    })
    .min(min, `Kies minstens ${min === 1 ? "één" : min} ${label}.`)
    .max(max, `Kies hoogstens ${max} ${label}.`)
    .transform((items) => [...new Set(items)]);

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Gebruik alleen kleine letters, cijfers en streepjes.")
  .min(3)
  .max(80);

export const DilemmaCardInput = z.object({
  title: labelledText("de titel", 3, 120),
  case: labelledText("de situatie", 40, 1500),
  optionA: labelledText("keuze A", 3, 300),
  riskA: labelledText("wat er misgaat bij A", 3, 400),
  optionB: labelledText("keuze B", 3, 300),
  riskB: labelledText("wat er misgaat bij B", 3, 400),
  perspectives: z
    .partialRecord(
      z.enum(PERSPECTIVES),
      z.string().trim().max(400, "Een perspectief mag hoogstens 400 tekens hebben."),
    )
    .default({})
    .transform(
      (record) =>
        Object.fromEntries(Object.entries(record).filter(([, value]) => value && value.length > 0)) as Record<
          string,
          string
        >,
    ),
  principles: list(PRINCIPLES, "principe", 1, 3),
  values: list(VALUES, "waarden", 0, 3).default([]),
  workKinds: list(WORK_KINDS, "soort werk", 1, 5),
  themes: list(THEMES, "thema", 1, 3),
  questions: z
    .array(labelledText("een vraag", 5, 300))
    .max(6, "Schrijf hoogstens 6 vragen.")
    .default([]),
});
export type DilemmaCardInput = z.output<typeof DilemmaCardInput>;

export const ContentCard = DilemmaCardInput.extend({ slug: Slug });
export type ContentCard = z.output<typeof ContentCard>;

/** The filters of the library, from the query string; anything unknown is ignored. */
export const CardFilter = z.object({
  principe: z.enum(PRINCIPLES).optional().catch(undefined),
  werk: z.enum(WORK_KINDS).optional().catch(undefined),
  thema: z.enum(THEMES).optional().catch(undefined),
});
export type CardFilter = z.output<typeof CardFilter>;

/** A card sent in through the API: the card, and whether the sender's name may be shown. */
export const SubmitCardInput = DilemmaCardInput.extend({
  anonymous: z.boolean({ error: "Geef met true of false aan of je naam verborgen blijft." }).default(true),
});

/** A published card as the API shows it. */
export const CardOutput = z.object({
  slug: z.string(),
  title: z.string(),
  case: z.string(),
  optionA: z.string(),
  riskA: z.string(),
  optionB: z.string(),
  riskB: z.string(),
  perspectives: z.record(z.string(), z.string()),
  principles: z.array(z.object({ slug: z.string(), title: z.string() })),
  values: z.array(z.string()),
  workKinds: z.array(z.string()),
  themes: z.array(z.string()),
  questions: z.array(z.string()),
  publishedAt: z.string().nullable(),
});
