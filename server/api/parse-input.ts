// Checks an API request's input against a module's schema; a failure is one problem listing every
// field's message at once (API Design Rules). Zod's own messages (wrong type, unknown field) come in
// Dutch, like the schemas' own.
import { z } from "zod";
import { AppError } from "../../app/infra/errors.ts";
import { dottedPathOf, fieldErrorsOf } from "../../app/infra/form-errors.ts";

const DUTCH = z.locales.nl().localeError;

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, name?: string): z.infer<T> {
  const result = schema.safeParse(input, { error: DUTCH });
  if (result.success) return result.data;
  const fields = fieldErrorsOf(result.error, { nameOf: dottedPathOf(name ?? "input") });
  throw new AppError("invalid", Object.values(fields).join(" "), { fields });
}
