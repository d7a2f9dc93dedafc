// The sign-up form of a kris-kras round, shared by the page and the action. What may be chosen comes
// from the database (the round's slots, the active organisations and answer options), so the schema is
// made from those choices; the messages are keys of the locale files, said next to the fields.
import { z } from "zod";
import { storableText } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
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
  workKind: "problems.kriskras.chooseWorkKind",
  scaleBand: "problems.kriskras.chooseScaleBand",
  serviceBand: "problems.kriskras.chooseServiceBand",
  region: "problems.kriskras.chooseRegion",
};

const oneOf = (allowed: readonly string[], refused: string) =>
  z.string({ error: refused }).refine((value) => allowed.includes(value), refused);

/** The schema of a sign-up for a round with these choices. */
export function signupInputFor(choices: SignupChoices) {
  const answer = z.enum(AVAILABILITY, { error: message("problems.kriskras.chooseAvailability") });
  return z
    .object({
      organisationId: oneOf(choices.organisationIds, message("problems.kriskras.chooseOrganisation")),
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
          message("problems.kriskras.chooseSomeSlot"),
        ),
      accessNeeds: storableText({
        max: ACCESS_NEEDS_MAX,
        tooLong: message("problems.kriskras.accessNeedsTooLong", { max: ACCESS_NEEDS_MAX }),
      }),
      consent: z.literal(true, {
        error: message("problems.kriskras.consent"),
      }),
    })
    .transform(({ consent: _consent, ...input }): SignupInput => input);
}
