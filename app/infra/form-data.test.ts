import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formValuesOf, readFormData, textFieldsOf, textOf, textsOf } from "./form-data.ts";
import { dottedPathOf, fieldErrorsOf } from "./form-errors.ts";

const formOf = (pairs: [string, string | Blob][]) => {
  const form = new FormData();
  for (const [name, value] of pairs) form.append(name, value);
  return form;
};

describe("reading a posted form", () => {
  it("treats a body that is not a form as an empty form, so the schema can say what is missing", async () => {
    const request = new Request("http://localhost/", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=nothing" },
      body: "this is no form",
    });
    expect([...(await readFormData(request)).keys()]).toEqual([]);
  });

  it("reads a field as text, and a missing field or a file as empty", () => {
    const form = formOf([
      ["title", "Een titel"],
      ["file", new Blob(["x"])],
    ]);
    expect(textOf(form, "title")).toBe("Een titel");
    expect(textOf(form, "missing")).toBe("");
    expect(textOf(form, "file")).toBe("");
    expect(textFieldsOf(form, ["title", "missing"])).toEqual({ title: "Een titel", missing: "" });
  });

  it("reads every text under a repeated name", () => {
    const form = formOf([
      ["roles", "redacteur"],
      ["roles", "beheerder"],
    ]);
    expect(textsOf(form, "roles")).toEqual(["redacteur", "beheerder"]);
  });

  it("gives a schema a list where it wants one, also of one ticked box or of none", () => {
    const Schema = z
      .object({ userId: z.string(), roles: z.array(z.string()).default([]) })
      .refine(() => true);
    expect(formValuesOf(formOf([["userId", "a"]]), Schema)).toEqual({ userId: "a", roles: [] });
    expect(
      formValuesOf(
        formOf([
          ["userId", "a"],
          ["roles", "redacteur"],
        ]),
        Schema,
      ),
    ).toEqual({ userId: "a", roles: ["redacteur"] });
    const Transformed = z.object({ tags: z.array(z.string()).transform((tags) => tags.join(",")) });
    expect(formValuesOf(formOf([["tags", "a"]]), Transformed)).toEqual({ tags: ["a"] });
    const Preprocessed = z.object({ tags: z.preprocess((value) => value, z.array(z.string()).optional()) });
    expect(formValuesOf(formOf([["tags", "a"]]), Preprocessed)).toEqual({ tags: ["a"] });
    // Without a schema, a repeated name keeps its first value.
    expect(
      formValuesOf(
        formOf([
          ["userId", "a"],
          ["userId", "b"],
        ]),
      ),
    ).toEqual({ userId: "a" });
  });

  it("keeps a field called __proto__ as a field", () => {
    const values = formValuesOf(formOf([["__proto__", "x"]]));
    expect(Object.hasOwn(values, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(values)).toBeNull();
  });
});

describe("messages per form field", () => {
  const Schema = z.object({
    title: z.string().min(3, "Te kort."),
    questions: z.array(z.object({ text: z.string().min(1, "Vul de vraag in.") })),
  });
  const failure = Schema.safeParse({ title: "", questions: [{ text: "" }] }).error as z.ZodError;

  it("names a field by the first step of its path, or as the whole form", () => {
    expect(fieldErrorsOf(failure)).toEqual({ title: "Te kort.", questions: "Vul de vraag in." });
    const whole = z.string().safeParse(1).error as z.ZodError;
    expect(Object.keys(fieldErrorsOf(whole))).toEqual(["form"]);
  });

  it("names nested fields as the form does, with a prefix for a second form", () => {
    const nameOf = (path: readonly PropertyKey[]) =>
      path[0] === "questions" ? `vraag-${String(path[1])}-tekst` : String(path[0]);
    expect(fieldErrorsOf(failure, { nameOf, prefix: "adopt-" })).toEqual({
      "adopt-title": "Te kort.",
      "adopt-vraag-0-tekst": "Vul de vraag in.",
    });
  });

  it("names fields by their whole path for the API, and keeps a field's first message", () => {
    const twice = z.object({ code: z.string().min(6, "Eerste.").regex(/^x/, "Tweede.") });
    const error = twice.safeParse({ code: "a" }).error as z.ZodError;
    expect(fieldErrorsOf(error, { nameOf: dottedPathOf("input") })).toEqual({ code: "Eerste." });
    expect(fieldErrorsOf(failure, { nameOf: dottedPathOf("input") })).toEqual({
      title: "Te kort.",
      "questions.0.text": "Vul de vraag in.",
    });
  });
});
