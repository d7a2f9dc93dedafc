// Reading a posted form, the one way every action does it: the request's form, its fields as text, and
// the whole form as the plain object a zod schema parses.
import type { z } from "zod";

/**
 * The request's form. A body that is missing or not a form counts as an empty form, so the schema says
 * which fields are missing (a 400 with messages) instead of the request failing as a whole.
 */
export async function readFormData(request: Request): Promise<FormData> {
  return request.formData().catch(() => new FormData());
}

/** A field's text, or "" when the field is missing or holds a file. */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Every text under a repeated name (checkboxes, a multiple select), in the order sent. */
export function textsOf(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === "string");
}

/** The named fields' texts, each "" when missing: a form as typed, to check and to show again. */
export function textFieldsOf<T extends string>(form: FormData, names: readonly T[]): Record<T, string> {
  return Object.fromEntries(names.map((name) => [name, textOf(form, name)])) as Record<T, string>;
}

/**
 * The form as a plain object for `schema.safeParse`: one value per name, and every value of a repeated
 * name as an array where the schema wants an array (one ticked checkbox is a list of one, none an empty
 * list). Files stay files, for the schema to refuse.
 */
export function formValuesOf(
  form: FormData,
  schema?: z.core.$ZodType,
): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const shape = objectShapeOf(schema);
  // Without a prototype, a field called `__proto__` is just a field.
  const values: Record<string, FormDataEntryValue | FormDataEntryValue[]> = Object.create(null);
  for (const name of new Set(form.keys())) {
    const field = shape && Object.hasOwn(shape, name) ? shape[name] : undefined;
    values[name] = wantsArray(field) ? form.getAll(name) : (form.get(name) as FormDataEntryValue);
  }
  // A list with nothing ticked is not sent at all; for the schema it is an empty list.
  for (const [name, field] of Object.entries(shape ?? {})) {
    if (!Object.hasOwn(values, name) && wantsArray(field)) values[name] = [];
  }
  return values;
}

/** The fields of an object schema, also when it is wrapped in a refinement, default or transform. */
function objectShapeOf(schema: z.core.$ZodType | undefined): Record<string, z.core.$ZodType> | undefined {
  const def = unwrapped(schema)?._zod.def;
  return def?.type === "object" ? (def as z.core.$ZodObjectDef).shape : undefined;
}

function wantsArray(schema: z.core.$ZodType | undefined): boolean {
  return unwrapped(schema)?._zod.def.type === "array";
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

/**
 * The schema under optional, nullable, default, catch and pipes (transforms and preprocessing). Read
 * from the schema's definition, so this file needs no zod code and stays light in the browser.
 */
function unwrapped(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._zod.def as {
      type: string;
      innerType?: z.core.$ZodType;
      in?: z.core.$ZodType;
      out?: z.core.$ZodType;
    };
    if (WRAPPERS.has(def.type)) current = def.innerType;
    // A transform's input is what the form must send; a preprocessing step's output is the schema.
    else if (def.type === "pipe") current = def.in?._zod.def.type === "transform" ? def.out : def.in;
    else return current;
  }
  return current;
}
