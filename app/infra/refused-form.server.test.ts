import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors.ts";
import type { Quotas } from "./quotas.server.ts";
import { answerRefusedForm, EVERY_REFUSAL } from "./refused-form.server.ts";

const values = { title: "Wat ik typte" };
const quotas = { enabled: true, perHour: { contribution: 3 } } as unknown as Quotas;
const request = new Request("http://localhost/meedenken/nieuw", { headers: { Cookie: "taal=nl" } });

describe("answering a refused form", () => {
  it("gives the messages of a zod failure per field, with what was typed (400)", () => {
    const failure = z.object({ title: z.string().min(20, "Te kort.") }).safeParse(values).error as z.ZodError;
    const answer = answerRefusedForm(failure, { values });
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toEqual({ errors: { title: "Te kort." }, problem: null, values });
  });

  it("gives the field messages of an invalid error, and more of the answer when asked", () => {
    const error = new AppError("invalid", "Niet goed.", { fields: { title: "Te kort." } });
    const answer = answerRefusedForm(error, { values, extra: { note: "n" } });
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toEqual({ errors: { title: "Te kort." }, problem: null, values, note: "n" });
  });

  it("says a refused quota beside its field in the reader's language (429)", () => {
    const error = new AppError("rate_limited", "Te veel.", { retryAfterSeconds: 120 });
    const answer = answerRefusedForm(error, {
      values,
      quota: { request, quotas, kind: "contribution", field: "body" },
    });
    expect(answer.init?.status).toBe(429);
    expect(answer.data.errors.body).toMatch(/2 minuten/);
    expect(answer.data.values).toEqual(values);
  });

  it("says a refusal it was told to say as the problem, or beside a field, with its own status", () => {
    const closed = new AppError("conflict", "De aanmelding is dicht.");
    const asProblem = answerRefusedForm(closed, { values, say: ["conflict"] });
    expect(asProblem.init?.status).toBe(409);
    expect(asProblem.data).toEqual({ errors: {}, problem: "De aanmelding is dicht.", values });
    const unknown = new AppError("not_found", "Deze code kennen we niet.");
    const besideField = answerRefusedForm(unknown, { field: "code", say: EVERY_REFUSAL });
    expect(besideField.init?.status).toBe(404);
    expect(besideField.data.errors).toEqual({ code: "Deze code kennen we niet." });
  });

  it("throws anything else on, so an outage stays an outage", () => {
    const outage = new AppError("unavailable", "De database is weg.");
    expect(() => answerRefusedForm(outage, { values, say: EVERY_REFUSAL })).toThrow(outage);
    const closed = new AppError("conflict", "Dicht.");
    expect(() => answerRefusedForm(closed, { values })).toThrow(closed);
    const bug = new TypeError("oeps");
    expect(() => answerRefusedForm(bug, { values, say: EVERY_REFUSAL })).toThrow(bug);
    const noFields = new AppError("invalid", "Niet goed.");
    expect(() => answerRefusedForm(noFields, { values })).toThrow(noFields);
  });
});
