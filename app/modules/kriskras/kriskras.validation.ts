// What editors send to set up a kris-kras round: the round, its time slots, its organisers, the
// organisations and the answer options. Shared by the forms and the module; Dutch messages. Times are
// Europe/Amsterdam wall-clock times; the schemas turn them into instants.
import { z } from "zod";
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
import { amsterdamToUtc } from "./calendar-invite.ts";
import { EVALUATION_QUESTIONS, type EvaluationQuestion } from "./evaluation.ts";
import { ATTRIBUTES, type Attribute, WEIGHT_FIELDS } from "./kriskras-kinds.ts";
import { MAX_GROUP_SIZE, MAX_WEIGHT, OPTION_ATTRIBUTES } from "./kriskras-options.ts";

const capitalised = (label: string) => `${label[0]?.toUpperCase()}${label.slice(1)}`;

/** A whole number typed in a form (or sent as a number). */
const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
    z
      .number({ error: `Vul ${label} in als een heel getal.` })
      .int(`Vul ${label} in als een heel getal.`)
      .min(min, `${capitalised(label)} is minstens ${min}.`)
      .max(max, `${capitalised(label)} is hoogstens ${max}.`),
  );

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

const SKIPPED_HOUR = "Dit tijdstip bestaat niet: de klok gaat die nacht een uur vooruit.";

type Issues = { addIssue: (issue: { code: "custom"; message: string; path: string[] }) => void };

/** Adds an issue when a date and time are both fine but do not exist in Amsterdam. */
function checkInstant(ctx: Issues, date: unknown, time: unknown, path: string): Date | undefined {
  const instant = instantOf(date, time);
  if (!instant && wellFormed(date, time))
    ctx.addIssue({ code: "custom", message: SKIPPED_HOUR, path: [path] });
  return instant;
}

const WEIGHT_LABELS: Record<Attribute, string> = {
  organisation: "het gewicht van organisatie",
  workKind: "het gewicht van soort werk",
  scaleBand: "het gewicht van salarisschaal",
  serviceBand: "het gewicht van dienstjaren",
  region: "het gewicht van regio",
};

const weight = (attribute: Attribute) => wholeNumber(WEIGHT_LABELS[attribute], 0, MAX_WEIGHT);

/**
 * A round as the form sends it: title, description, the sign-up period (Amsterdam time), the group
 * sizes and a weight per attribute. The output has the instants and the weights together.
 */
export const RoundInput = z
  .object({
    title: labelledText("de titel", 1, 120),
    description: labelledText("de beschrijving", 0, 2000).default(""),
    opensDate: LocalDate,
    opensTime: LocalTime,
    closesDate: LocalDate,
    closesTime: LocalTime,
    groupMin: wholeNumber("de kleinste groep", 2, MAX_GROUP_SIZE),
    groupTarget: wholeNumber("de gewenste groepsgrootte", 2, MAX_GROUP_SIZE),
    groupMax: wholeNumber("de grootste groep", 2, MAX_GROUP_SIZE),
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
        message: "De aanmelding moet sluiten na het moment dat ze opengaat.",
        path: ["closesDate"],
      });
    }
    const { groupMin: min, groupTarget: target, groupMax: max } = round;
    const numbers = [min, target, max].every((value) => typeof value === "number");
    if (numbers && target < min) {
      ctx.addIssue({
        code: "custom",
        message: "De gewenste groepsgrootte mag niet kleiner zijn dan de kleinste groep.",
        path: ["groupTarget"],
      });
    }
    if (numbers && max < target) {
      ctx.addIssue({
        code: "custom",
        message: "De grootste groep mag niet kleiner zijn dan de gewenste groepsgrootte.",
        path: ["groupMax"],
      });
    }
    const weights = ATTRIBUTES.map((attribute) => round[WEIGHT_FIELDS[attribute]]);
    if (weights.every((value) => value === 0)) {
      ctx.addIssue({
        code: "custom",
        message: "Geef minstens één kenmerk een gewicht hoger dan 0.",
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

const OnlineUrl = storableText({ max: 500, tooLong: "De link mag hoogstens 500 tekens hebben." }).refine(
  (value) => {
    if (value === "") return true;
    try {
      const url = new URL(value);
      return url.protocol === "https:" && url.hostname !== "";
    } catch {
      return false;
    }
  },
  "Vul een volledige link in die begint met https://.",
);

/** A time slot: the day, start and end in Amsterdam time, a place and/or a link, and how many fit. */
export const SlotInput = z
  .object({
    date: LocalDate,
    startTime: LocalTime,
    endTime: LocalTime,
    place: labelledText("de plaats", 0, 200).default(""),
    onlineUrl: OnlineUrl.default(""),
    capacity: wholeNumber("het aantal plaatsen", 2, 2000),
  })
  .superRefine((slot, ctx) => {
    const starts = checkInstant(ctx, slot.date, slot.startTime, "startTime");
    const ends = checkInstant(ctx, slot.date, slot.endTime, "endTime");
    if (starts && ends && ends.getTime() <= starts.getTime()) {
      ctx.addIssue({
        code: "custom",
        message: "De eindtijd moet na de begintijd liggen.",
        path: ["endTime"],
      });
    }
    if (slot.place === "" && slot.onlineUrl === "") {
      ctx.addIssue({ code: "custom", message: "Vul een plaats of een online link in.", path: ["place"] });
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
  .string({ error: "Vul een code in." })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Gebruik voor de code alleen kleine letters, cijfers en streepjes.")
  .max(40, "De code mag hoogstens 40 tekens hebben.");

/** A checkbox: a form sends it only when ticked, so anything absent is no. */
const Checkbox = z.preprocess((value) => value === true || value === "ja" || value === "on", z.boolean());

export const OrganisationInput = z.object({
  name: labelledText("de naam", 2, 160, { tooShort: "Vul de naam in." }),
  kind: OptionKey,
  active: Checkbox,
});
export type OrganisationInput = z.output<typeof OrganisationInput>;

export const OptionAttributeInput = z.enum(OPTION_ATTRIBUTES, { error: "Kies een kenmerk uit de lijst." });

/** An answer option; an empty code is made from the Dutch label. */
export const AnswerOptionInput = z.object({
  attribute: OptionAttributeInput,
  key: z.union([z.literal(""), OptionKey]).default(""),
  labelNl: labelledText("de Nederlandse tekst", 1, 120),
  labelEn: labelledText("de Engelse tekst", 1, 120),
  position: wholeNumber("de volgorde", 0, 999),
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
const Score = z.coerce
  .number({ error: "Kies een antwoord van 1 tot en met 5." })
  .int("Kies een antwoord van 1 tot en met 5.")
  .min(1, "Kies een antwoord van 1 tot en met 5.")
  .max(5, "Kies een antwoord van 1 tot en met 5.");

export const EvaluationInput = z.object(
  Object.fromEntries(EVALUATION_QUESTIONS.map((question) => [question, Score])) as Record<
    EvaluationQuestion,
    typeof Score
  >,
);
export type EvaluationInput = z.infer<typeof EvaluationInput>;
