// Turns a zod failure into one message per form field, for the error summary and the fields, and for the
// API's problem details. The one place that maps a zod issue to a field; a field keeps its first message.
// Messages stay keys of the locale files (see `message`) until `translateFields` says them in the
// reader's language, where they become a page (answerRefusedForm) or a problem (sendProblem).
import type { z } from "zod";
import type { TFunction } from "./i18n/translate.ts";

export type FieldErrorsOptions = {
  /**
   * The field an issue belongs to, from its path. By default the first step of the path ("titel"), or
   * "form" when the issue is about the whole input. Forms with nested fields name them here
   * (`questions.0.text` → `vraag-0-tekst`).
   */
  nameOf?: (path: readonly PropertyKey[]) => string;
  /** Put before every name, for a second form on the same page whose fields carry a prefix ("adopt-"). */
  prefix?: string;
};

export function fieldErrorsOf(error: z.ZodError, options: FieldErrorsOptions = {}): Record<string, string> {
  const nameOf = options.nameOf ?? firstStepOf;
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    fields[`${options.prefix ?? ""}${nameOf(issue.path)}`] ??= issue.message;
  }
  return fields;
}

/**
 * The messages of an `invalid` error named the way a form names its fields. A module names them by
 * their path in its input, dotted as the API reports them (`minAnswers`, `questions.0.cardSlug`); the
 * form may call that field otherwise (`minimum`, `vraag-0-kaartkeuze`).
 */
export function formFieldsOf(
  fields: Record<string, string>,
  options: FieldErrorsOptions = {},
): Record<string, string> {
  const nameOf = options.nameOf ?? firstStepOf;
  const named: Record<string, string> = {};
  for (const [name, said] of Object.entries(fields)) {
    const path = name.split(".").map((step) => (/^\d+$/.test(step) ? Number(step) : step));
    named[`${options.prefix ?? ""}${nameOf(path)}`] ??= said;
  }
  return named;
}

function firstStepOf(path: readonly PropertyKey[]): string {
  return String(path[0] ?? "form");
}

/** Names a field by its whole path joined with dots (`questions.0.text`), as the API reports it. */
export function dottedPathOf(fallback: string): (path: readonly PropertyKey[]) => string {
  return (path) => path.map(String).join(".") || fallback;
}

/** Field messages said in the reader's language. */
export function translateFields(t: TFunction, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, said]) => [name, t(said)]));
}
