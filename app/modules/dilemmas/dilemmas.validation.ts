// The one schema of a dilemma card, shared by the content files, the submission form and the API.
import { z } from "zod";
import { labelledText } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import { PERSPECTIVES, PRINCIPLES, THEMES, VALUES, WORK_KINDS } from "./dilemma-tags.ts";

/**
 * A list of choices from a closed set; `label` is the key of the name of one choice in the locale files,
 * with a form per number (`problems.labels.themeChoice_one`, `_other`).
 */
const list = <T extends string>(values: readonly T[], label: string, min: number, max: number) => {
  const named = (count: number) => ({ key: label, values: { count } });
  const unknown = message("problems.dilemmas.chooseFromList", { label: named(2) });
  return z
    .array(z.enum(values as unknown as [T, ...T[]], { error: unknown }), { error: unknown })
    .min(min, message("problems.dilemmas.tooFewChosen", { count: min, label: named(min) }))
    .max(max, message("problems.dilemmas.tooManyChosen", { max, label: named(max) }))
    .transform((items) => [...new Set(items)]);
};

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, message("problems.dilemmas.slugForm"))
  .min(3)
  .max(80);

export const DilemmaCardInput = z.object({
  title: labelledText("problems.labels.title", 3, 120),
  case: labelledText("problems.labels.situation", 40, 1500),
  optionA: labelledText("problems.labels.optionA", 3, 300),
  riskA: labelledText("problems.labels.riskA", 3, 400),
  optionB: labelledText("problems.labels.optionB", 3, 300),
  riskB: labelledText("problems.labels.riskB", 3, 400),
  perspectives: z
    .partialRecord(
      z.enum(PERSPECTIVES),
      z
        .string()
        .trim()
        .max(
          400,
          message("problems.fields.tooLong", { label: { key: "problems.labels.aPerspective" }, max: 400 }),
        ),
    )
    .default({})
    .transform(
      (record) =>
        Object.fromEntries(Object.entries(record).filter(([, value]) => value && value.length > 0)) as Record<
          string,
          string
        >,
    ),
  principles: list(PRINCIPLES, "problems.labels.principleChoice", 1, 3),
  values: list(VALUES, "problems.labels.valueChoice", 0, 3).default([]),
  workKinds: list(WORK_KINDS, "problems.labels.workKindChoice", 1, 5),
  themes: list(THEMES, "problems.labels.themeChoice", 1, 3),
  questions: z
    .array(labelledText("problems.labels.aQuestion", 5, 300))
    .max(6, message("problems.dilemmas.tooManyQuestions", { max: 6 }))
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
  anonymous: z.boolean({ error: "problems.dilemmas.anonymousBoolean" }).default(true),
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
