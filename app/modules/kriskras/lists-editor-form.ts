// The fields of the lists editor's forms (an organisation, an answer option) and their readers: each
// field as typed, for the schemas to check and for the page to show again after a mistake.
import { textFieldsOf } from "../../infra/form-data.ts";

export const ORGANISATION_FIELDS = ["name", "kind", "active"] as const;
export type OrganisationFormValues = Record<(typeof ORGANISATION_FIELDS)[number], string>;
export const OPTION_FIELDS = ["attribute", "key", "labelNl", "labelEn", "position", "active"] as const;
export type OptionFormValues = Record<(typeof OPTION_FIELDS)[number], string>;

export function readOrganisationForm(form: FormData): OrganisationFormValues {
  return textFieldsOf(form, ORGANISATION_FIELDS);
}

export function readOptionForm(form: FormData): OptionFormValues {
  return textFieldsOf(form, OPTION_FIELDS);
}
