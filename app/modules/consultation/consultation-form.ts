// The editors' form for a new consultation, read into what ConsultationInput checks, and the names its
// fields have in the form. Pure.
import { textOf, textsOf } from "../../infra/form-data.ts";

export interface ConsultationFormValues {
  vraag: string;
  inleiding: string;
  adres: string;
  toegang: string;
  deelnemers: string;
  begint: string;
  eindigt: string;
  stellingen: string;
  deel: string;
  kaarten: string[];
}

/** The form's field for each field of the input. */
export const FIELD_OF_INPUT: Record<string, keyof ConsultationFormValues> = {
  question: "vraag",
  introduction: "inleiding",
  slug: "adres",
  access: "toegang",
  participantStatements: "deelnemers",
  opensOn: "begint",
  closesOn: "eindigt",
  statements: "stellingen",
  guidePartSlug: "deel",
  cardSlugs: "kaarten",
};

export const formFieldOf = (path: readonly PropertyKey[]) => FIELD_OF_INPUT[String(path[0])] ?? "formulier";

export function readConsultationForm(form: FormData): ConsultationFormValues {
  return {
    vraag: textOf(form, "vraag"),
    inleiding: textOf(form, "inleiding"),
    adres: textOf(form, "adres"),
    toegang: textOf(form, "toegang"),
    deelnemers: textOf(form, "deelnemers"),
    begint: textOf(form, "begint"),
    eindigt: textOf(form, "eindigt"),
    stellingen: textOf(form, "stellingen"),
    deel: textOf(form, "deel"),
    kaarten: textsOf(form, "kaarten"),
  };
}

/** What ConsultationInput parses: one statement per line, empty lines left out. */
export function inputOfForm(values: ConsultationFormValues) {
  return {
    question: values.vraag,
    introduction: values.inleiding,
    slug: values.adres,
    access: values.toegang,
    participantStatements: values.deelnemers,
    opensOn: values.begint,
    closesOn: values.eindigt,
    statements: values.stellingen
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    guidePartSlug: values.deel,
    cardSlugs: values.kaarten,
  };
}
