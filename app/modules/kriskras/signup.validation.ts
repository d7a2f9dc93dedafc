// The sign-up form of a kris-kras round, shared by the page and the action. What may be chosen comes
// from the database (the round's slots, the active organisations and answer options), so the schema is
// made from those choices; the messages are Dutch, as people read them next to the fields.
import { z } from "zod";
import { AVAILABILITY, type Availability } from "./kriskras.schema.ts";

/** The answer-option attributes the form asks, in the order of the form. */
export const SIGNUP_OPTION_ATTRIBUTES = ["workKind", "scaleBand", "serviceBand", "region"] as const;
export type SignupOptionAttribute = (typeof SIGNUP_OPTION_ATTRIBUTES)[number];

export const ACCESS_NEEDS_MAX = 1000;
/** Form fields of the availability radio groups: `availability-<slot id>`. */
export const AVAILABILITY_FIELD_PREFIX = "availability-";

/** What the person can choose from in one round. */
export interface SignupChoices {
  organisationIds: readonly string[];
  optionKeys: Record<SignupOptionAttribute, readonly string[]>;
  slotIds: readonly string[];
}

/** The form as it was typed: every value a string, nothing lost, ready to be shown again. */
export interface SignupFormValues {
  organisationId: string;
  workKind: string;
  scaleBand: string;
  serviceBand: string;
  region: string;
  availability: Record<string, string>;
  accessNeeds: string;
  consent: boolean;
}

export interface SignupInput {
  organisationId: string;
  workKind: string;
  scaleBand: string;
  serviceBand: string;
  region: string;
  availability: Record<string, Availability>;
  accessNeeds: string;
}

export const EMPTY_SIGNUP_FORM: SignupFormValues = {
  organisationId: "",
  workKind: "",
  scaleBand: "",
  serviceBand: "",
  region: "",
  availability: {},
  accessNeeds: "",
  consent: false,
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** A round has 10 to 20 slots; more radio groups than this in one post are not from the form. */
const MAX_SLOTS = 100;
const SLOT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the posted form as typed; which slots belong to the round is checked by `signupInputFor`. */
export function signupFormValues(form: FormData): SignupFormValues {
  const availability: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (!name.startsWith(AVAILABILITY_FIELD_PREFIX) || typeof value !== "string") continue;
    const slotId = name.slice(AVAILABILITY_FIELD_PREFIX.length);
    // Slot ids are UUIDs; anything else (`__proto__` too) names no slot.
    if (!SLOT_ID.test(slotId)) continue;
    if (Object.keys(availability).length >= MAX_SLOTS || Object.hasOwn(availability, slotId)) continue;
    if (value !== "") availability[slotId] = value;
  }
  return {
    organisationId: text(form, "organisationId"),
    workKind: text(form, "workKind"),
    scaleBand: text(form, "scaleBand"),
    serviceBand: text(form, "serviceBand"),
    region: text(form, "region"),
    availability,
    accessNeeds: text(form, "accessNeeds"),
    consent: text(form, "consent") === "ja",
  };
}

const MESSAGES: Record<SignupOptionAttribute, string> = {
  workKind: "Kies het soort werk dat je doet.",
  scaleBand: "Kies je salarisschaal.",
  serviceBand: "Kies hoe lang je bij de overheid werkt.",
  region: "Kies de regio waar je werkt.",
};

const oneOf = (allowed: readonly string[], message: string) =>
  z.string({ error: message }).refine((value) => allowed.includes(value), message);

/** The schema of a sign-up for a round with these choices. */
export function signupInputFor(choices: SignupChoices) {
  const answer = z.enum(AVAILABILITY, { error: "Kies ja, als het moet of nee." });
  return z
    .object({
      organisationId: oneOf(choices.organisationIds, "Kies je organisatie uit de lijst."),
      workKind: oneOf(choices.optionKeys.workKind, MESSAGES.workKind),
      scaleBand: oneOf(choices.optionKeys.scaleBand, MESSAGES.scaleBand),
      serviceBand: oneOf(choices.optionKeys.serviceBand, MESSAGES.serviceBand),
      region: oneOf(choices.optionKeys.region, MESSAGES.region),
      // A slot left open counts as "no": the form starts with "no" chosen everywhere.
      availability: z
        .record(z.string(), answer)
        .transform(
          (given) =>
            Object.fromEntries(
              choices.slotIds.map((slotId) => [slotId, given[slotId] ?? "nee"] as const),
            ) as Record<string, Availability>,
        )
        .refine(
          (answers) => Object.values(answers).some((value) => value !== "nee"),
          "Kies bij minstens één moment ja of als het moet.",
        ),
      accessNeeds: z
        .string()
        .trim()
        .max(
          ACCESS_NEEDS_MAX,
          `Wat je nodig hebt mag hoogstens ${ACCESS_NEEDS_MAX} tekens hebben. Maak het korter.`,
        )
        .refine(
          (value) => !value.includes("\u0000"),
          "Deze tekst bevat een teken dat niet kan worden opgeslagen.",
        ),
      consent: z.literal(true, {
        error: "Geef toestemming om je gegevens te gebruiken, anders kun je niet meedoen.",
      }),
    })
    .transform(({ consent: _consent, ...input }): SignupInput => input);
}
