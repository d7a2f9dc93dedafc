import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { labelledText } from "./fields.ts";
import type { Quotas } from "./quotas.server.ts";
import { answerRefusedForm, EVERY_REFUSAL } from "./refused-form.server.ts";

const values = { title: "Wat ik typte" };
const quotas = { enabled: true, perHour: { contribution: 3 } } as unknown as Quotas;
const request = new Request("http://localhost/meedenken/nieuw", { headers: { Cookie: "taal=nl" } });

describe("answering a refused form", () => {
  it("gives the messages of a zod failure per field, with what was typed (400)", () => {
    const failure = z.object({ title: z.string().min(20, "Te kort.") }).safeParse(values).error as z.ZodError;
    const answer = answerRefusedForm(failure, { request, values });
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toEqual({ errors: { title: "Te kort." }, problem: null, values });
  });

  it("gives the field messages of an invalid error, and more of the answer when asked", () => {
    const error = new AppError("invalid", "Niet goed.", { fields: { title: "Te kort." } });
    const answer = answerRefusedForm(error, { request, values, extra: { note: "n" } });
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toEqual({ errors: { title: "Te kort." }, problem: null, values, note: "n" });
  });

  it("names an invalid error's fields the way the form names them", () => {
    const error = new AppError("invalid", "Te laag.", { fields: { minAnswers: "Te laag." } });
    const answer = answerRefusedForm(error, {
      request,
      values,
      fieldNames: {
        nameOf: ([name]) => (name === "minAnswers" ? "minimum" : String(name)),
        prefix: "nieuw-",
      },
    });
    expect(answer.init?.status).toBe(400);
    expect(answer.data.errors).toEqual({ "nieuw-minimum": "Te laag." });
  });

  it("says a refused quota beside its field in the reader's language (429)", () => {
    const error = new AppError("rate_limited", "Te veel.", { retryAfterSeconds: 120 });
    const answer = answerRefusedForm(error, {
      request,
      values,
      quota: { quotas, kind: "contribution", field: "body" },
    });
    expect(answer.init?.status).toBe(429);
    expect(answer.data.errors.body).toMatch(/2 minuten/);
    expect(answer.data.values).toEqual(values);
  });

  it("says a refused quota of a button without a field as the problem", () => {
    const error = new AppError("rate_limited", "quota.refused", { retryAfterSeconds: 60 });
    const answer = answerRefusedForm(error, {
      request,
      quota: { quotas, kind: "contribution", kept: false },
    });
    expect(answer.init?.status).toBe(429);
    expect(answer.data.errors).toEqual({});
    expect(answer.data.problem).toMatch(/1 minuut/);
    expect(answer.data.problem).not.toMatch(/staat er nog/);
  });

  it("says a refusal it was told to say as the problem, or beside a field, with its own status", () => {
    const closed = new AppError("conflict", "De aanmelding is dicht.");
    const asProblem = answerRefusedForm(closed, { request, values, say: ["conflict"] });
    expect(asProblem.init?.status).toBe(409);
    expect(asProblem.data).toEqual({ errors: {}, problem: "De aanmelding is dicht.", values });
    const unknown = new AppError("not_found", "Deze code kennen we niet.");
    const besideField = answerRefusedForm(unknown, { request, field: "code", say: EVERY_REFUSAL });
    expect(besideField.init?.status).toBe(404);
    expect(besideField.data.errors).toEqual({ code: "Deze code kennen we niet." });
  });

  it("says keys of the locale files in the reader's language, with the values they name", () => {
    const english = new Request("http://localhost/dilemmas/nieuw", { headers: { Cookie: "taal=en" } });
    const failure = z
      .object({ title: labelledText("problems.labels.title", 3, 120) })
      .safeParse({ title: "x".repeat(121) }).error as z.ZodError;
    expect(answerRefusedForm(failure, { request: english }).data.errors).toEqual({
      title: "The title can have at most 120 characters.",
    });
    expect(answerRefusedForm(failure, { request }).data.errors).toEqual({
      title: "De titel mag hoogstens 120 tekens hebben.",
    });
    const gone = new AppError("not_found", "problems.api.tooLarge");
    expect(answerRefusedForm(gone, { request: english, say: ["not_found"] }).data.problem).toBe(
      "The request is too large.",
    );
  });

  it("throws anything else on, so an outage stays an outage", () => {
    const outage = new AppError("unavailable", "De database is weg.");
    expect(() => answerRefusedForm(outage, { request, values, say: EVERY_REFUSAL })).toThrow(outage);
    const closed = new AppError("conflict", "Dicht.");
    expect(() => answerRefusedForm(closed, { request, values })).toThrow(closed);
    const bug = new TypeError("oeps");
    expect(() => answerRefusedForm(bug, { request, values, say: EVERY_REFUSAL })).toThrow(bug);
    const noFields = new AppError("invalid", "Niet goed.");
    expect(() => answerRefusedForm(noFields, { request, values })).toThrow(noFields);
  });
});
