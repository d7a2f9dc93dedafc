// The seven steps of the Dilemma-wijzer and which fields of a record each one fills. Pure: the step
// pages, the API's per-step update and the exports all read the steps from here.
import { PRINCIPLES } from "../dilemmas/dilemma-tags.ts";
import type { DeliberationContent, DeliberationPatch } from "./deliberation.validation.ts";

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
