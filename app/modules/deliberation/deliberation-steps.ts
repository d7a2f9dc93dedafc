// The seven steps of the Dilemma-wijzer and which fields of a record each one fills. Pure: the step
// pages, the API's per-step update and the exports all read the steps from here.
import { PERSPECTIVES, PRINCIPLES } from "../dilemmas/dilemma-tags.ts";
import { type DeliberationContent, DeliberationPatch } from "./deliberation.validation.ts";

export type ContentField = keyof DeliberationContent;

export const STEPS = [
  { number: 1, key: "situatie", fields: ["situation", "moment"] },
  { number: 2, key: "dilemma", fields: ["optionA", "riskA", "optionB", "riskB"] },
  { number: 3, key: "betrokkenen", fields: ["perspectives", "others"] },
  { number: 4, key: "op-het-spel", fields: ["principles", "dismissed", "values"] },
  { number: 5, key: "alternatieven", fields: ["alternatives"] },
  { number: 6, key: "keuze", fields: ["choice", "because", "evenThough", "limitDamage"] },
  { number: 7, key: "verantwoording", fields: ["accountability"] },
] as const satisfies readonly { number: number; key: string; fields: readonly ContentField[] }[];

export type Step = (typeof STEPS)[number];
export type StepNumber = Step["number"];
export const STEP_COUNT = STEPS.length;

/** The step with this number, from a path segment or a body; undefined for anything else. */
export function stepOf(value: unknown): Step | undefined {
  const number = typeof value === "number" ? value : Number(String(value ?? ""));
  return STEPS.find((step) => step.number === number);
}

/** The body a step accepts in the API: only that step's fields, each optional. */
export function stepPatchSchema(step: Step) {
  const mask = Object.fromEntries(step.fields.map((field) => [field, true])) as Record<ContentField, true>;
  return DeliberationPatch.pick(mask).strict();
}

/** The free text of steps 1–3, which the principle suggestions read. */
export function describedDilemma(content: DeliberationContent): string {
  return [
    content.situation,
    content.moment,
    content.optionA,
    content.riskA,
    content.optionB,
    content.riskB,
    ...Object.values(content.perspectives),
    ...content.others.flatMap((other) => [other.who, other.need]),
  ]
    .filter((text) => text && text.trim().length > 0)
    .join("\n");
}

/** How far the person got: the steps in which something is filled in. */
export function filledSteps(content: DeliberationContent): StepNumber[] {
  return STEPS.filter((step) =>
    step.fields.some((field) => field !== "dismissed" && isFilled(content[field])),
  ).map((step) => step.number);
}

function isFilled(value: unknown): boolean {
  if (typeof value === "string") return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === "object") return Object.values(value).some(isFilled);
  return false;
}

/** How many rows for "someone else" a step 3 form shows: the filled ones and two empty. */
export const MAX_OTHERS = 10;
export const othersRows = (filled: number) => Math.min(MAX_OTHERS, filled + 2);

/**
 * One step's fields from a submitted form, as a patch. Field names: the content keys for text,
 * `perspectief-<who>` for step 3's perspectives, `ander-<n>-wie` / `ander-<n>-nodig` for others,
 * `principe`, `afgewezen` and `waarde` (repeated) for step 4. Unknown values are kept, so that
 * validation can name them instead of them being dropped silently.
 */
export function stepPatchFromForm(step: Step, form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.replace(/\r\n/g, "\n") : "";
  };
  const patch: Record<string, unknown> = {};
  for (const field of step.fields) {
    if (field === "perspectives") {
      const perspectives: Record<string, string> = {};
      for (const who of PERSPECTIVES) {
        const value = text(`perspectief-${who}`);
        if (value.trim()) perspectives[who] = value;
      }
      patch.perspectives = perspectives;
    } else if (field === "others") {
      const others: { who: string; need: string }[] = [];
      for (let row = 0; row < MAX_OTHERS + 5; row++) {
        const who = text(`ander-${row}-wie`);
        const need = text(`ander-${row}-nodig`);
        if (who.trim() || need.trim()) others.push({ who, need });
      }
      patch.others = others;
    } else if (field === "principles") {
      patch.principles = unique(form.getAll("principe"));
    } else if (field === "dismissed") {
      patch.dismissed = unique(form.getAll("afgewezen"));
    } else if (field === "values") {
      patch.values = unique(form.getAll("waarde"));
    } else {
      patch[field] = text(field);
    }
  }
  return patch;
}

const unique = (values: FormDataEntryValue[]) => [
  ...new Set(values.filter((value): value is string => typeof value === "string")),
];

/** What accepting, dismissing or restoring a suggestion does to step 4's choices. */
export function applySuggestionDecision(
  patch: Pick<DeliberationPatch, "principles" | "dismissed">,
  decision: string,
): Pick<DeliberationContent, "principles" | "dismissed"> {
  const [verb, slug] = decision.split(":");
  const principles = [...(patch.principles ?? [])];
  const dismissed = [...(patch.dismissed ?? [])];
  const principle = PRINCIPLES.find((candidate) => candidate === slug);
  if (!principle) return { principles, dismissed };
  const without = (list: typeof principles) => list.filter((item) => item !== principle);
  if (verb === "neem")
    return { principles: [...without(principles), principle], dismissed: without(dismissed) };
  if (verb === "wijs-af")
    return { principles: without(principles), dismissed: [...without(dismissed), principle] };
  if (verb === "terug") return { principles, dismissed: without(dismissed) };
  return { principles, dismissed };
}
