// Reads the posted form of a dilemma card into the shape `DilemmaCardInput` checks. Pure, so the pages,
// and the Dilemma-wijzer's card from a record, share it without loading the form's components.
import { textOf, textsOf } from "../../infra/form-data.ts";
import { PERSPECTIVES } from "./dilemma-tags.ts";

/** What the form holds: the card's fields as typed (strings and lists of strings). */
export interface CardFormValues {
  title?: string;
  case?: string;
  optionA?: string;
  riskA?: string;
  optionB?: string;
  riskB?: string;
  perspectives?: Record<string, string | undefined>;
  principles?: string[];
  values?: string[];
  workKinds?: string[];
  themes?: string[];
  questions?: string[];
}

/** Reads the form's fields into the shape `DilemmaCardInput` checks. */
export function readCardForm(form: FormData) {
  const text = (name: string) => textOf(form, name);
  const many = (name: string) => textsOf(form, name);
  return {
    title: text("title"),
    case: text("case"),
    optionA: text("optionA"),
    riskA: text("riskA"),
    optionB: text("optionB"),
    riskB: text("riskB"),
    perspectives: Object.fromEntries(PERSPECTIVES.map((key) => [key, text(`perspectief-${key}`)])),
    principles: many("principles"),
    values: many("values"),
    workKinds: many("workKinds"),
    themes: many("themes"),
    questions: text("questions")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  };
}
