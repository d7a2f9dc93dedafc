// Checks an API request's input against a module's schema; a failure is one problem listing every
// field's message at once (API Design Rules). A schema that names no message gets one of
// form-errors.ts's; sendProblem says them all in the client's language.
import type { z } from "zod";
import { AppError } from "../../app/infra/errors.ts";
import { dottedPathOf, fieldErrorsOf } from "../../app/infra/form-errors.ts";

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, name?: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsOf(result.error, { nameOf: dottedPathOf(name ?? "input") });
  throw new AppError("invalid", "problems.api.invalidFields", { fields });
}
