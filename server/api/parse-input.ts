// Checks an API request's input against a module's schema; a failure is one problem listing every
// field's message at once (API Design Rules).
import type { z } from "zod";
import { AppError } from "../../app/infra/errors.ts";

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, name?: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join(".") || name || "input", issue.message]),
  );
  throw new AppError("invalid", Object.values(fields).join(" "), { fields });
}
