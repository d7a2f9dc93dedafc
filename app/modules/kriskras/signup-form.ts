// Reads the posted sign-up form of a kris-kras round as typed, ready to check with `signupInputFor` and to
// show again after a mistake.
import { textOf } from "../../infra/form-data.ts";
import { AVAILABILITY_FIELD_PREFIX, type SignupFormValues } from "./signup.validation.ts";

/** A round has 10 to 20 slots; more radio groups than this in one post are not from the form. */
const MAX_SLOTS = 100;
const SLOT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the posted form as typed; which slots belong to the round is checked by `signupInputFor`. */
export function readSignupForm(form: FormData): SignupFormValues {
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
    organisationId: textOf(form, "organisationId"),
    workKind: textOf(form, "workKind"),
    scaleBand: textOf(form, "scaleBand"),
    serviceBand: textOf(form, "serviceBand"),
    region: textOf(form, "region"),
    availability,
    accessNeeds: textOf(form, "accessNeeds"),
    consent: textOf(form, "consent") === "ja",
  };
}
