// The one way an action answers a form whose work was refused: the messages per field and what was
// typed go back to the page, with the status that says why. Anything else (an outage, a bug) is thrown
// on, so the route's error handling answers 503 or 500 as always.
import { data } from "react-router";
import { z } from "zod";
import { type AppErrorCode, isAppError } from "./errors.ts";
import { type FieldErrorsOptions, fieldErrorsOf, formFieldsOf, translateFields } from "./form-errors.ts";
import { languageOf } from "./i18n/i18n.ts";
import { translatorFor } from "./i18n/texts.server.ts";
import { type QuotaKind, type Quotas, quotaRefusalOf } from "./quotas.server.ts";

/** Every refusal of what a person asked, as opposed to an outage (`unavailable`), which is for the error page. */
export const EVERY_REFUSAL: readonly AppErrorCode[] = [
  "unauthenticated",
  "forbidden",
  "not_found",
  "invalid",
  "conflict",
  "too_large",
  "rate_limited",
];

export interface RefusedFormOptions<V, E extends object> {
  /** The request the form came with: its messages are said in the reader's language. */
  request: Request;
  /** What was typed, shown again so nothing is lost. */
  values?: V;
  /**
   * The field a message that names no field belongs to. Without it the message is the answer's
   * `problem`, for the page to show above the form.
   */
  field?: string;
  /**
   * Which other refusals are said on the form with their own status and message (a closed round is
   * a `conflict`). An `invalid` error with messages per field and a zod failure always are.
   */
  say?: readonly AppErrorCode[];
  /**
   * A refused quota is said on the form (429) in the reader's language: beside `field`, or without one
   * as the answer's `problem` (a button that starts something has no field).
   */
  quota?: { quotas: Quotas; kind: QuotaKind; kept?: boolean; field?: string };
  /** How a zod failure's paths and an `invalid` error's fields name the form's fields. */
  fieldNames?: FieldErrorsOptions;
  /** More of the answer, for the page (the answer that was typed, the people that were chosen). */
  extra?: E;
  headers?: HeadersInit;
}

export type RefusedForm<V, E extends object> = {
  errors: Record<string, string>;
  problem: string | null;
  values: V | null;
} & E;

/** What a refused form says: its status, the messages per field and above the form, in the reader's language. */
export interface Refusal {
  status: number;
  errors: Record<string, string>;
  problem: string | null;
}

/**
 * What a refusal says on a form: a zod failure or an `invalid` error with field messages (400), a
 * refused quota (429), or a refusal named in `say` (its own status). Throws anything else. For a
 * dispatcher that answers several forms in its own shape; a route answers with `answerRefusedForm`.
 */
export function refusalOf(
  error: unknown,
  options: Omit<RefusedFormOptions<unknown, object>, "values" | "extra" | "headers">,
): Refusal {
  const t = translatorFor(languageOf(options.request));
  const said = (status: number, errors: Record<string, string>, problem: string | null = null): Refusal => ({
    status,
    errors: translateFields(t, errors),
    problem: problem === null ? null : t(problem),
  });
  if (error instanceof z.ZodError) return said(400, fieldErrorsOf(error, options.fieldNames));
  if (!isAppError(error)) throw error;
  if (error.code === "invalid" && error.fields)
    return said(400, formFieldsOf(error.fields, options.fieldNames));
  if (options.quota) {
    const refused = quotaRefusalOf({ ...options.quota, request: options.request, error });
    // Already in the reader's language; a text without a key of that name stays as it is.
    if (refused) {
      const { field } = options.quota;
      return field === undefined ? said(429, {}, refused) : said(429, { [field]: refused });
    }
  }
  if (!options.say?.includes(error.code)) throw error;
  return options.field === undefined
    ? said(error.status, {}, error.message)
    : said(error.status, { [options.field]: error.message });
}

/** The answer to a refused form (see `refusalOf`), with what was typed and the page's `extra`. */
export function answerRefusedForm<V = never, E extends object = Record<never, never>>(
  error: unknown,
  options: RefusedFormOptions<V, E>,
) {
  const { status, errors, problem } = refusalOf(error, options);
  return data(
    { errors, problem, values: options.values ?? null, ...(options.extra as E) } as RefusedForm<V, E>,
    {
      status,
      headers: options.headers,
    },
  );
}
