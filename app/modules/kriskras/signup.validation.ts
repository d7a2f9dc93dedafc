// The sign-up form of a kris-kras round, shared by the page and the action. What may be chosen comes
// from the database (the round's slots, the active organisations and answer options), so the schema is
// made from those choices; the messages are Dutch, as people read them next to the fields.
import { z } from "zod";
import { storableText } from "../../infra/fields.ts";
import { AVAILABILITY, type Availability } from "./kriskras-kinds.ts";

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
      accessNeeds: storableText({
        max: ACCESS_NEEDS_MAX,
        tooLong: `Wat je nodig hebt mag hoogstens ${ACCESS_NEEDS_MAX} tekens hebben. Maak het korter.`,
      }),
      consent: z.literal(true, {
        error: "Geef toestemming om je gegevens te gebruiken, anders kun je niet meedoen.",
      }),
    })
    .transform(({ consent: _consent, ...input }): SignupInput => input);
}
