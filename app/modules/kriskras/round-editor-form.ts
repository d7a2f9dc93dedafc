// The fields of the round editor's forms (a round, a time slot) and their readers: each field as typed,
// for `RoundInput` and `SlotInput` to check and for the page to show again after a mistake.
import { textFieldsOf } from "../../infra/form-data.ts";
import { WEIGHT_FIELDS } from "./kriskras-kinds.ts";

export const ROUND_FIELDS = [
  "title",
  "description",
  "opensDate",
  "opensTime",
  "closesDate",
  "closesTime",
  "groupMin",
  "groupTarget",
  "groupMax",
  ...Object.values(WEIGHT_FIELDS),
] as const;

/** What the round form holds: every field as typed. */
export type RoundFormValues = Record<(typeof ROUND_FIELDS)[number], string>;

export function readRoundForm(form: FormData): RoundFormValues {
  return textFieldsOf(form, ROUND_FIELDS);
}

export const SLOT_FIELDS = ["date", "startTime", "endTime", "place", "onlineUrl", "capacity"] as const;
export type SlotFormValues = Record<(typeof SLOT_FIELDS)[number], string>;

export function readSlotForm(form: FormData): SlotFormValues {
  return textFieldsOf(form, SLOT_FIELDS);
}
