// What editors send to set up a kris-kras round: the round, its time slots, its organisers, the
// organisations and the answer options. Shared by the forms and the module; every message is a key of
// the locale files. Times are Europe/Amsterdam wall-clock times; the schemas turn them into instants.
import { z } from "zod";
import { amsterdamToUtc } from "../../infra/amsterdam-time.ts";
import { AppError } from "../../infra/errors.ts";
import {
  EmailAddress,
  isCalendarDate,
  isTimeOfDay,
  LocalDate,
  LocalTime,
  labelledText,
  storableText,
} from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import { EVALUATION_QUESTIONS, type EvaluationQuestion } from "./evaluation.ts";
import { ATTRIBUTES, type Attribute, WEIGHT_FIELDS } from "./kriskras-kinds.ts";
import { MAX_GROUP_SIZE, MAX_WEIGHT, OPTION_ATTRIBUTES } from "./kriskras-options.ts";

/** A whole number typed in a form (or sent as a number); `label` is the key of the field's name. */
const wholeNumber = (label: string, min: number, max: number) => {
  const notWhole = message("problems.kriskras.wholeNumber", { label: { key: label } });
  return z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
    z
      .number({ error: notWhole })
      .int(notWhole)
      .min(min, message("problems.kriskras.atLeast", { label: { key: label }, min }))
      .max(max, message("problems.kriskras.atMost", { label: { key: label }, max })),
  );
};

/** A date and a time that each passed their own checks (a refinement sees them either way). */
function wellFormed(date: unknown, time: unknown): date is string {
  return typeof date === "string" && typeof time === "string" && isCalendarDate(date) && isTimeOfDay(time);
}

/** The instant of an Amsterdam date and time, or undefined when the clocks skip that hour. */
function instantOf(date: unknown, time: unknown): Date | undefined {
  if (!wellFormed(date, time) || typeof time !== "string") return undefined;
  try {
    return amsterdamToUtc({ date, time });
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

const SKIPPED_HOUR = message("problems.kriskras.skippedHour");

type Issues = { addIssue: (issue: { code: "custom"; message: string; path: string[] }) => void };

/** Adds an issue when a date and time are both fine but do not exist in Amsterdam. */
function checkInstant(ctx: Issues, date: unknown, time: unknown, path: string): Date | undefined {
  const instant = instantOf(date, time);
  if (!instant && wellFormed(date, time))
    ctx.addIssue({ code: "custom", message: SKIPPED_HOUR, path: [path] });
  return instant;
}

const WEIGHT_LABELS: Record<Attribute, string> = {
  organisation: "problems.labels.weightOrganisation",
  workKind: "problems.labels.weightWorkKind",
  scaleBand: "problems.labels.weightScaleBand",
  serviceBand: "problems.labels.weightServiceBand",
  region: "problems.labels.weightRegion",
};

const weight = (attribute: Attribute) => wholeNumber(WEIGHT_LABELS[attribute], 0, MAX_WEIGHT);

/**
 * A round as the form sends it: title, description, the sign-up period (Amsterdam time), the group
 * sizes and a weight per attribute. The output has the instants and the weights together.
 */
export const RoundInput = z
  .object({
    title: labelledText("problems.labels.title", 1, 120),
    description: labelledText("problems.labels.description", 0, 2000).default(""),
    opensDate: LocalDate,
    opensTime: LocalTime,
    closesDate: LocalDate,
    closesTime: LocalTime,
    groupMin: wholeNumber("problems.labels.groupMin", 2, MAX_GROUP_SIZE),
    groupTarget: wholeNumber("problems.labels.groupTarget", 2, MAX_GROUP_SIZE),
    groupMax: wholeNumber("problems.labels.groupMax", 2, MAX_GROUP_SIZE),
    weightOrganisation: weight("organisation"),
    weightWorkKind: weight("workKind"),
    weightScaleBand: weight("scaleBand"),
    weightServiceBand: weight("serviceBand"),
    weightRegion: weight("region"),
  })
  .superRefine((round, ctx) => {
    const opens = checkInstant(ctx, round.opensDate, round.opensTime, "opensTime");
    const closes = checkInstant(ctx, round.closesDate, round.closesTime, "closesTime");
    if (opens && closes && closes.getTime() <= opens.getTime()) {
      ctx.addIssue({
        code: "custom",
        message: message("problems.kriskras.closesAfterOpens"),
        path: ["closesDate"],
      });
    }
    const { groupMin: min, groupTarget: target, groupMax: max } = round;
    const numbers = [min, target, max].every((value) => typeof value === "number");
    if (numbers && target < min) {
      ctx.addIssue({
        code: "custom",
        message: message("problems.kriskras.targetBelowMin"),
        path: ["groupTarget"],
      });
    }
    if (numbers && max < target) {
      ctx.addIssue({
        code: "custom",
        message: message("problems.kriskras.maxBelowTarget"),
        path: ["groupMax"],
      });
    }
    const weights = ATTRIBUTES.map((attribute) => round[WEIGHT_FIELDS[attribute]]);
    if (weights.every((value) => value === 0)) {
      ctx.addIssue({
        code: "custom",
        message: message("problems.kriskras.noWeight"),
        path: [WEIGHT_FIELDS.organisation],
      });
    }
  })
  .transform((round) => ({
    title: round.title,
    description: round.description,
    // Checked above: both instants exist when the parse gets here.
    signupOpensAt: instantOf(round.opensDate, round.opensTime) as Date,
    signupClosesAt: instantOf(round.closesDate, round.closesTime) as Date,
    groupMin: round.groupMin,
    groupTarget: round.groupTarget,
    groupMax: round.groupMax,
    weights: Object.fromEntries(
      ATTRIBUTES.map((attribute) => [attribute, round[WEIGHT_FIELDS[attribute]]]),
    ) as Record<Attribute, number>,
  }));
export type RoundInput = z.output<typeof RoundInput>;

const OnlineUrl = storableText({
  max: 500,
  tooLong: message("problems.fields.tooLong", { label: { key: "problems.labels.link" }, max: 500 }),
}).refine((value) => {
  if (value === "") return true;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "";
  } catch {
    return false;
  }
}, message("problems.kriskras.linkForm"));

/** A time slot: the day, start and end in Amsterdam time, a place and/or a link, and how many fit. */
export const SlotInput = z
  .object({
    date: LocalDate,
    startTime: LocalTime,
    endTime: LocalTime,
    place: labelledText("problems.labels.place", 0, 200).default(""),
    onlineUrl: OnlineUrl.default(""),
    capacity: wholeNumber("problems.labels.capacity", 2, 2000),
  })
  .superRefine((slot, ctx) => {
    const starts = checkInstant(ctx, slot.date, slot.startTime, "startTime");
    const ends = checkInstant(ctx, slot.date, slot.endTime, "endTime");
    if (starts && ends && ends.getTime() <= starts.getTime()) {
      ctx.addIssue({
        code: "custom",
        message: message("problems.kriskras.endAfterStart"),
        path: ["endTime"],
      });
    }
    if (slot.place === "" && slot.onlineUrl === "") {
      ctx.addIssue({ code: "custom", message: message("problems.kriskras.placeOrLink"), path: ["place"] });
    }
  })
  .transform((slot) => ({
    startsAt: instantOf(slot.date, slot.startTime) as Date,
    endsAt: instantOf(slot.date, slot.endTime) as Date,
    place: slot.place,
    onlineUrl: slot.onlineUrl,
    capacity: slot.capacity,
  }));
export type SlotInput = z.output<typeof SlotInput>;

/** Another editor to organise a round with, by e-mail address. */
export const OrganiserInput = z.object({ email: EmailAddress });

const OptionKey = z
  .string({ error: message("problems.kriskras.codeMissing") })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, message("problems.kriskras.codeForm"))
  .max(40, message("problems.fields.tooLong", { label: { key: "problems.labels.code" }, max: 40 }));

/** A checkbox: a form sends it only when ticked, so anything absent is no. */
const Checkbox = z.preprocess((value) => value === true || value === "ja" || value === "on", z.boolean());

export const OrganisationInput = z.object({
  name: labelledText("problems.labels.name", 2, 160, {
    tooShort: message("problems.fields.fillIn", { label: { key: "problems.labels.name" } }),
  }),
  kind: OptionKey,
  active: Checkbox,
});
export type OrganisationInput = z.output<typeof OrganisationInput>;

export const OptionAttributeInput = z.enum(OPTION_ATTRIBUTES, {
  error: message("problems.kriskras.chooseAttribute"),
});

/** An answer option; an empty code is made from the Dutch label. */
export const AnswerOptionInput = z.object({
  attribute: OptionAttributeInput,
  key: z.union([z.literal(""), OptionKey]).default(""),
  labelNl: labelledText("problems.labels.labelNl", 1, 120),
  labelEn: labelledText("problems.labels.labelEn", 1, 120),
  position: wholeNumber("problems.labels.position", 0, 999),
  active: Checkbox,
});
export type AnswerOptionInput = z.output<typeof AnswerOptionInput>;

/** The code of an answer option made from its label: "Den Haag e.o." becomes `den-haag-e-o`. */
export function optionKeyFrom(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

// The evaluation after a conversation: each of the five statements answered from 1 to 5.
const SCORE = message("problems.kriskras.score");
const Score = z.coerce.number({ error: SCORE }).int(SCORE).min(1, SCORE).max(5, SCORE);

export const EvaluationInput = z.object(
  Object.fromEntries(EVALUATION_QUESTIONS.map((question) => [question, Score])) as Record<
    EvaluationQuestion,
    typeof Score
  >,
);
export type EvaluationInput = z.infer<typeof EvaluationInput>;
