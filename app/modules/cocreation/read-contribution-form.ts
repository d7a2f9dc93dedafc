// Reads the posted form of a contribution as typed: for `ContributionInput`, and to show it again after
// a mistake.
import { textOf } from "../../infra/form-data.ts";

export interface ContributionFormValues {
  kind: string;
  version: string;
  part?: string;
  anchor?: string;
  body: string;
  proposedText: string;
  title: string;
  showName: boolean;
}

/** The posted form as typed (for the schema, and to show it again after a mistake). */
export function readContributionForm(form: FormData): ContributionFormValues {
  return {
    kind: textOf(form, "kind"),
    version: textOf(form, "version"),
    part: textOf(form, "part") || undefined,
    anchor: textOf(form, "anchor") || undefined,
    body: textOf(form, "body"),
    proposedText: textOf(form, "proposedText"),
    title: textOf(form, "title"),
    showName: form.get("showName") === "ja",
  };
}
