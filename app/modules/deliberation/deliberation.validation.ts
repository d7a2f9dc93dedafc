// What a record of the Dilemma-wijzer holds, step by step. Every field is optional while the person is
// still thinking; sizes are limited with clear messages. Shared by the pages and the API.
import { z } from "zod";
import { storableText } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import { PERSPECTIVES, PRINCIPLES, VALUES } from "../dilemmas/dilemma-tags.ts";
import type { ContentField, Step } from "./deliberation-steps.ts";

/** A free text field; `label` is the key of its name in the locale files (`problems.labels.situation`). */
const text = (label: string, max: number) =>
  storableText({
    max,
    tooLong: message("problems.deliberation.tooLong", { label: { key: label }, max }),
    unstorable: message("problems.deliberation.unstorable", { label: { key: label } }),
    trim: false,
  });

/** Every field, without defaults: a patch names only what it changes. */
const FIELDS = {
  // 1. Situation
  situation: text("problems.labels.situation", 4000),
  moment: text("problems.labels.choosingMoment", 1000),
  // 2. Dilemma
  optionA: text("problems.labels.optionA", 1000),
  riskA: text("problems.labels.riskA", 2000),
  optionB: text("problems.labels.optionB", 1000),
  riskB: text("problems.labels.riskB", 2000),
  // 3. Who is involved
  perspectives: z.partialRecord(z.enum(PERSPECTIVES), text("problems.labels.aPerspective", 1000)),
  others: z
    .array(
      z.object({ who: text("problems.labels.otherWho", 200), need: text("problems.labels.otherNeed", 1000) }),
    )
    .max(10, message("problems.deliberation.tooManyOthers", { max: 10 })),
  // 4. What is at stake
  principles: z.array(z.enum(PRINCIPLES)).max(PRINCIPLES.length),
  dismissed: z.array(z.enum(PRINCIPLES)).max(PRINCIPLES.length),
  values: z.array(z.enum(VALUES)).max(VALUES.length),
  // 5. Alternatives
  alternatives: text("problems.labels.otherWays", 4000),
  // 6. Choice
  choice: text("problems.labels.yourChoice", 1000),
  because: text("problems.labels.yourReason", 2000),
  evenThough: text("problems.labels.evenThough", 2000),
  limitDamage: text("problems.labels.limitDamage", 2000),
  // 7. Accountability
  accountability: text("problems.labels.accountability", 4000),
};

/** A whole record: every field present, empty where nothing is written yet. */
export const DeliberationContent = z.object({
  situation: FIELDS.situation.default(""),
  moment: FIELDS.moment.default(""),
  optionA: FIELDS.optionA.default(""),
  riskA: FIELDS.riskA.default(""),
  optionB: FIELDS.optionB.default(""),
  riskB: FIELDS.riskB.default(""),
  perspectives: FIELDS.perspectives.default({}),
  others: FIELDS.others.default([]),
  principles: FIELDS.principles.default([]),
  dismissed: FIELDS.dismissed.default([]),
  values: FIELDS.values.default([]),
  alternatives: FIELDS.alternatives.default(""),
  choice: FIELDS.choice.default(""),
  because: FIELDS.because.default(""),
  evenThough: FIELDS.evenThough.default(""),
  limitDamage: FIELDS.limitDamage.default(""),
  accountability: FIELDS.accountability.default(""),
});
export type DeliberationContent = z.output<typeof DeliberationContent>;

/** Part of a record, as one step's form or an autosave sends it: only the fields it names. */
export const DeliberationPatch = z.object(FIELDS).partial();
export type DeliberationPatch = z.output<typeof DeliberationPatch>;

export const EMPTY_CONTENT: DeliberationContent = DeliberationContent.parse({});

/** The body a step accepts in the API: only that step's fields, each optional. */
export function stepPatchSchema(step: Step) {
  const mask = Object.fromEntries(step.fields.map((field) => [field, true])) as Record<ContentField, true>;
  return DeliberationPatch.pick(mask).strict();
}
