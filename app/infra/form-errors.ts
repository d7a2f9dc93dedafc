// Turns a zod failure into one message per form field, for the error summary and the fields.
import type { z } from "zod";

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? "form");
    fields[name] ??= issue.message;
  }
  return fields;
}
