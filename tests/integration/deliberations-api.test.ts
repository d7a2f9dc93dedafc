// The Dilemma-wijzer's private records through the API, on each database: a person writes a record step
// by step with a personal token, two saves never overwrite each other, downloads show the text as
// text, and nobody else (not an editor, not an operator) learns anything about someone's record.
import http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import type { Role } from "../../app/modules/accounts/authorization.ts";
import { createSession, SESSION_COOKIE } from "../../app/modules/accounts/sessions.server.ts";
import { STEPS } from "../../app/modules/deliberation/deliberation-steps.ts";
import { MAX_SUGGESTIONS } from "../../app/modules/deliberation/suggestions.server.ts";
import { ProblemOutput } from "../../app/modules/guide/guide.validation.ts";
import {
  DeliberationConflictOutput,
  DeliberationExportOutput,
  DeliberationOutput,
} from "../../server/api/deliberations-api.ts";
import { API_VERSION } from "../../server/api/openapi.ts";
import { problemType } from "../../server/api/problem.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { expectNoServerError, type FuzzRequest, sendFuzzRequest } from "./fuzz-http.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

type Person = "eigenaar" | "collega" | "redacteur" | "beheerder";
const ROLES: Record<Person, Role[]> = {
  eigenaar: [],
  collega: [],
  redacteur: ["redacteur"],
  beheerder: ["beheerder"],
};

describe.each(databaseKinds)("the deliberations API on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  const tokens = {} as Record<Person, string>;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    // The fuzzed test makes many records as one person; the hourly quota is tested in quotas.test.ts
    // and must not decide which later test of this file still may start a record.
    server = await startApiServer({ database, env: { QUOTA_DELIBERATIONS_PER_HOUR: "10000" } });
    for (const person of Object.keys(ROLES) as Person[]) {
      const user = await upsertUser({ db: database.db, email: `${person}@example.nl` });
      await setUserRoles({ db: database.db, userId: user.id, roles: ROLES[person], actor: null });
      tokens[person] = (
        await createApiToken({ quotas, db: database.db, userId: user.id, name: "test" })
      ).token;
    }
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  /** A call to /api/v1 as a person (their token), or anonymously from this site's own origin. */
  const call = (who: Person | "anoniem", method: string, path: string, body?: unknown) =>
    server.get(`/api/v1${path}`, {
      method,
      headers: {
        Origin: server.base,
        ...(who === "anoniem" ? {} : { Authorization: `Bearer ${tokens[who]}` }),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function startRecord(body?: unknown) {
    const response = await call("eigenaar", "POST", "/afwegingen", body);
    expect(response.status).toBe(201);
    return DeliberationOutput.parse(await response.json());
  }

  async function problemOf(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    return ProblemOutput.parse(await response.json());
  }

  it("a person starts a record, reads it back and finds it in their own list", async () => {
    const created = await call("eigenaar", "POST", "/afwegingen", {
      situation: "Een collega vraagt me een aanvraag sneller te behandelen.",
      optionA: "Ik help haar",
      optionB: "Ik volg de rij",
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("private, no-store");
    const record = DeliberationOutput.parse(await created.json());
    expect(created.headers.get("location")).toBe(`/api/v1/afwegingen/${record.id}`);
    expect(record).toMatchObject({ revision: 1, title: "Ik help haar of Ik volg de rij" });
    expect(record.content.situation).toBe("Een collega vraagt me een aanvraag sneller te behandelen.");
    expect(record.content.riskA).toBe("");

    const read = await call("eigenaar", "GET", `/afwegingen/${record.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get("cache-control")).toBe("private, no-store");
    expect(await read.json()).toEqual(record);

    const list = await call("eigenaar", "GET", "/afwegingen");
    expect(list.headers.get("cache-control")).toBe("private, no-store");
    const { deliberations } = (await list.json()) as { deliberations: { id: string; title: string }[] };
    expect(deliberations).toContainEqual({ id: record.id, title: record.title, updatedAt: record.updatedAt });
    const others = (await (await call("collega", "GET", "/afwegingen")).json()) as {
      deliberations: unknown[];
    };
    expect(others.deliberations).toEqual([]);

    const empty = await startRecord();
    expect(empty.title).toBe("");
    expect(empty.content.situation).toBe("");
  });

  it("refuses a new record with a field a record does not have, and names it", async () => {
    const problem = await problemOf(await call("eigenaar", "POST", "/afwegingen", { situatie: "x" }), 400);
    expect(problem.errors).toEqual([
      { in: "body", name: "situatie", message: "Het veld situatie bestaat niet in een afweging." },
    ]);
    const sneaky = await call(
      "eigenaar",
      "POST",
      "/afwegingen",
      JSON.parse('{"__proto__":{"situation":"x"}}'),
    );
    expect((await problemOf(sneaky, 400)).errors?.map((error) => error.name)).toEqual(["__proto__"]);
  });

  it("works with the browser's session too, from this site only", async () => {
    const owner = await upsertUser({ db: database.db, email: "eigenaar@example.nl" });
    const { secret } = await createSession({
      db: database.db,
      userId: owner.id,
      config: { sessionIdleMinutes: 60, sessionAbsoluteHours: 1 },
    });
    const cookie = `${SESSION_COOKIE}=${secret}`;
    const sameSite = await server.get("/api/v1/afwegingen", {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.base },
    });
    expect(sameSite.status).toBe(201);
    const otherSite = await server.get("/api/v1/afwegingen", {
      method: "POST",
      headers: { Cookie: cookie, Origin: "https://evil.example" },
    });
    expect(otherSite.status).toBe(403);
  });

  it("saves one step at a time: the fields sent replace those fields, the others stay", async () => {
    const record = await startRecord({
      optionA: "Ik zeg het",
      optionB: "Ik zwijg",
      situation: "Op de gang.",
    });
    const saved = await call("eigenaar", "PATCH", `/afwegingen/${record.id}/stappen/2`, {
      revision: 1,
      riskA: "Mijn leidinggevende is boos.",
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get("cache-control")).toBe("private, no-store");
    const after = DeliberationOutput.parse(await saved.json());
    expect(after.revision).toBe(2);
    expect(after.content).toMatchObject({
      situation: "Op de gang.",
      optionA: "Ik zeg het",
      riskA: "Mijn leidinggevende is boos.",
      optionB: "Ik zwijg",
    });

    const step3 = await call("eigenaar", "PATCH", `/afwegingen/${record.id}/stappen/3`, {
      revision: 2,
      perspectives: { burger: "Een eerlijk antwoord." },
      others: [{ who: "De wethouder", need: "Tijd om te reageren." }],
    });
    expect(step3.status).toBe(200);
    const read = DeliberationOutput.parse(
      await (await call("eigenaar", "GET", `/afwegingen/${record.id}`)).json(),
    );
    expect(read.revision).toBe(3);
    expect(read.content.perspectives).toEqual({ burger: "Een eerlijk antwoord." });
    expect(read.content.riskA).toBe("Mijn leidinggevende is boos.");
  });

  it("refuses a save based on an older revision with 409 and the current record, overwriting nothing", async () => {
    const record = await startRecord();
    const first = await call("eigenaar", "PATCH", `/afwegingen/${record.id}/stappen/1`, {
      revision: 1,
      situation: "Uit het eerste venster.",
    });
    expect(first.status).toBe(200);
    const second = await call("eigenaar", "PATCH", `/afwegingen/${record.id}/stappen/1`, {
      revision: 1,
      situation: "Uit het tweede venster.",
    });
    expect(second.status).toBe(409);
    expect(second.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const conflict = DeliberationConflictOutput.parse(await second.json());
    expect(conflict).toMatchObject({
      status: 409,
      title: "Deze afweging is intussen ergens anders veranderd",
      type: `${server.base}/api/v1/openapi.json#/components/schemas/DeliberationConflict`,
    });
    expect(conflict.detail).toContain("revisie 2");
    expect(conflict.current).toMatchObject({ id: record.id, revision: 2 });
    expect(conflict.current.content.situation).toBe("Uit het eerste venster.");

    const merged = await call("eigenaar", "PATCH", `/afwegingen/${record.id}/stappen/1`, {
      revision: conflict.current.revision,
      situation: "Uit het eerste venster. Uit het tweede venster.",
    });
    expect(merged.status).toBe(200);
  });

  it("refuses a field of another step and names it, with the step it belongs to", async () => {
    const record = await startRecord();
    const problem = await problemOf(
      await call("eigenaar", "PATCH", `/afwegingen/${record.id}/stappen/1`, {
        revision: 1,
        situation: "Dit mag.",
        optionA: "Dit hoort bij stap 2.",
        choice: "Dit hoort bij stap 6.",
      }),
      400,
    );
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { in: "body", name: "optionA", message: "Het veld optionA hoort bij stap 2, niet bij stap 1." },
        { in: "body", name: "choice", message: "Het veld choice hoort bij stap 6, niet bij stap 1." },
      ]),
    );
    expect(problem.errors).toHaveLength(2);

    const noRevision = await problemOf(
      await call("eigenaar", "PATCH", `/afwegingen/${record.id}/stappen/1`, { situation: "x" }),
      400,
    );
    expect(noRevision.errors?.map((error) => error.name)).toEqual(["revision"]);
    expect(noRevision.detail).toContain("revisienummer");
    for (const step of ["0", "8", "1e0", "een"]) {
      const unknown = await call("eigenaar", "PATCH", `/afwegingen/${record.id}/stappen/${step}`, {
        revision: 1,
      });
      expect(unknown.status, step).toBe(404);
    }
    const unchanged = DeliberationOutput.parse(
      await (await call("eigenaar", "GET", `/afwegingen/${record.id}`)).json(),
    );
    expect(unchanged.revision).toBe(1);
  });

  it("refuses text that is too long with a clear Dutch message", async () => {
    const record = await startRecord();
    const problem = await problemOf(
      await call("eigenaar", "PATCH", `/afwegingen/${record.id}/stappen/1`, {
        revision: 1,
        situation: "x".repeat(4001),
      }),
      400,
    );
    expect(problem.detail).toBe("De situatie mag hoogstens 4000 tekens hebben. Maak de tekst korter.");
    expect(problem.errors).toEqual([{ in: "body", name: "situation", message: problem.detail }]);
    const tooLong = await call("eigenaar", "POST", "/afwegingen", { accountability: "y".repeat(4001) });
    expect((await problemOf(tooLong, 400)).detail).toContain("hoogstens 4000 tekens");
  });

  it("tells anyone else, an editor and an operator too, that someone's record does not exist", async () => {
    const record = await startRecord({ situation: "Iets wat alleen ik mag lezen." });
    const unknown = await problemOf(
      await call("collega", "GET", "/afwegingen/00000000-0000-4000-8000-000000000000"),
      404,
    );
    for (const who of ["collega", "redacteur", "beheerder"] as const) {
      for (const [method, path, body] of [
        ["GET", `/afwegingen/${record.id}`],
        ["PATCH", `/afwegingen/${record.id}/stappen/1`, { revision: 1, situation: "Overschreven." }],
        ["GET", `/afwegingen/${record.id}/export?formaat=markdown`],
        ["GET", `/afwegingen/${record.id}/export?formaat=json`],
        ["GET", `/afwegingen/${record.id}/suggesties`],
        ["DELETE", `/afwegingen/${record.id}`],
      ] as const) {
        const response = await call(who, method, path, body);
        const where = `${who}: ${method} ${path}`;
        expect(response.status, where).toBe(404);
        expect(response.headers.get("cache-control"), where).toBe("private, no-store");
        const text = await response.text();
        expect(text, where).not.toContain("alleen ik");
        expect(JSON.parse(text).detail, where).toBe(unknown.detail);
      }
    }
    expect((await problemOf(await call("collega", "GET", "/afwegingen/niet-een-id"), 404)).detail).toBe(
      unknown.detail,
    );
    const still = DeliberationOutput.parse(
      await (await call("eigenaar", "GET", `/afwegingen/${record.id}`)).json(),
    );
    expect(still).toMatchObject({ revision: 1, content: { situation: "Iets wat alleen ik mag lezen." } });
  });

  it("deletes a record at once and for good", async () => {
    const record = await startRecord({ situation: "Weg ermee." });
    const deleted = await call("eigenaar", "DELETE", `/afwegingen/${record.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get("api-version")).toBe(API_VERSION);
    expect(await deleted.text()).toBe("");
    await problemOf(await call("eigenaar", "GET", `/afwegingen/${record.id}`), 404);
    await problemOf(await call("eigenaar", "DELETE", `/afwegingen/${record.id}`), 404);
    const { deliberations } = (await (await call("eigenaar", "GET", "/afwegingen")).json()) as {
      deliberations: { id: string }[];
    };
    expect(deliberations.map((item) => item.id)).not.toContain(record.id);
  });

  it("downloads the record as Markdown in which the person's text stays text", async () => {
    const record = await startRecord({
      situation: "Ik kreeg <script>alert(1)</script> in een mail.\n# Geen kop",
      optionA: "[klik](javascript:alert(1))",
      optionB: "*niets*",
    });
    const response = await call("eigenaar", "GET", `/afwegingen/${record.id}/export?formaat=markdown`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename=afweging-${record.id.slice(0, 8)}.md`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const markdown = await response.text();
    expect(markdown).toMatch(/^# \\\[klik\\\]\(javascript:alert\(1\)\) of \\\*niets\\\*\n/);
    expect(markdown).toContain("Ik kreeg \\<script\\>alert(1)\\</script\\> in een mail.");
    expect(markdown).toContain("\\# Geen kop");
    expect(markdown).toContain("## 1\\. Situatie");
    expect(markdown).toContain("_Niet ingevuld._");
    expect(markdown).not.toMatch(/(^|[^\\])<script/);
    expect(markdown).not.toMatch(/(^|[^\\])\[klik/);
  });

  it("downloads the record as data, with the titles of the chosen principles", async () => {
    const record = await startRecord({ situation: "Als gegevens.", principles: ["loyale-tegenspraak"] });
    const response = await call("eigenaar", "GET", `/afwegingen/${record.id}/export?formaat=json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename=afweging-${record.id.slice(0, 8)}.json`,
    );
    const exported = DeliberationExportOutput.parse(await response.json());
    expect(exported).toMatchObject({
      id: record.id,
      createdAt: record.createdAt,
      principleTitles: { "loyale-tegenspraak": "Spreek loyaal tegen" },
    });
    expect(exported.content).toEqual(record.content);

    const plain = await call("eigenaar", "GET", `/afwegingen/${record.id}/export`);
    expect(plain.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await plain.text()).toMatch(/^# Als gegevens\.\n/);
    for (const query of ["?formaat=pdf", "?formaat=", "?formaat=markdown&formaat=json"]) {
      const wrong = await call("eigenaar", "GET", `/afwegingen/${record.id}/export${query}`);
      const problem = await problemOf(wrong, 400);
      expect(problem.errors, query).toEqual([
        { in: "query", name: "formaat", message: "Kies als formaat markdown of json." },
      ]);
    }
  });

  it("suggests the principles that fit what the person wrote in steps 1 to 3", async () => {
    const empty = await startRecord({
      values: ["rechtmatigheid"],
      alternatives: "Nog niets over de zaak zelf.",
    });
    const none = await call("eigenaar", "GET", `/afwegingen/${empty.id}/suggesties`);
    expect(none.status).toBe(200);
    expect(none.headers.get("cache-control")).toBe("private, no-store");
    expect(await none.json()).toEqual({ suggestions: [] });

    const record = await startRecord({
      situation:
        "Een aanvrager is verdacht van fraude volgens een anonieme tip. Mijn teamleider wil extra controle, " +
        "bewijsstukken vooraf en een huisbezoek. Ik heb geen reden voor wantrouwen.",
      optionA: "Ik doe de extra controle",
      optionB: "Ik vertrouw op goede trouw",
    });
    const response = await call("eigenaar", "GET", `/afwegingen/${record.id}/suggesties`);
    expect(response.status).toBe(200);
    const { suggestions } = (await response.json()) as {
      suggestions: { slug: string; title: string; summary: string; score: number; because: string[] }[];
    };
    expect(suggestions[0]).toMatchObject({ slug: "vertrouwen-in-burgers" });
    expect(suggestions[0]?.title.length).toBeGreaterThan(0);
    expect(suggestions[0]?.because.length).toBeGreaterThan(0);
    const scores = suggestions.map((suggestion) => suggestion.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score > 0)).toBe(true);
    // The page and the API suggest the same principles: at most four.
    expect(suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
  });

  it("never fails on whatever a logged-in client sends (fuzzed)", async () => {
    const record = await startRecord({ situation: "Blijft leesbaar." });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const fieldName = fc.constantFrom(
      ...STEPS.flatMap((step) => step.fields),
      "revision",
      "__proto__",
      "constructor",
      "x",
    );
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.string({ maxLength: 40 }),
      fc.constantFrom("<script>alert(1)</script>", "x".repeat(5000), "\u0000", "\ud800", 1, 2, -1, 1.5),
      fc.array(fc.constantFrom("loyale-tegenspraak", "rechtmatigheid", "onzin"), { maxLength: 12 }),
      fc.dictionary(fc.constantFrom("burger", "ik", "onzin", "__proto__"), fc.string({ maxLength: 20 })),
      fc.array(fc.record({ who: fc.string({ maxLength: 10 }), need: fc.jsonValue() }), { maxLength: 12 }),
    );
    const body = fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fieldName, value, { maxKeys: 5 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null") },
      { weight: 1, arbitrary: fc.constantFrom("", "{", "[]", "null", '"x"', '{"revision":1e400}') },
    );
    const address = fc.oneof(
      fc.constant({ method: "POST", path: "/api/v1/afwegingen" }),
      fc
        .tuple(
          fc.constantFrom(
            record.id,
            "00000000-0000-4000-8000-000000000000",
            "1",
            "%00",
            record.id.toUpperCase(),
          ),
          fc.constantFrom("1", "2", "3", "4", "6", "7", "8", "0", "x", "%20"),
        )
        .map(([id, step]) => ({ method: "PATCH", path: `/api/v1/afwegingen/${id}/stappen/${step}` })),
      fc.constantFrom("markdown", "json", "", "pdf", "%00").map((formaat) => ({
        method: "GET",
        path: `/api/v1/afwegingen/${record.id}/export?formaat=${formaat}`,
      })),
      fc.constant({ method: "GET", path: `/api/v1/afwegingen/${record.id}/suggesties` }),
    );
    await fc.assert(
      fc.asyncProperty(address, body, async ({ method, path }, text) => {
        const request: FuzzRequest = {
          method,
          path,
          headers: { authorization: `Bearer ${tokens.eigenaar}`, "content-type": "application/json" },
          body: method === "GET" ? undefined : text,
        };
        const answer = await sendFuzzRequest({ base: server.base, agent, request });
        const what = expectNoServerError(request, answer);
        if (answer.contentType.includes("json")) expect(answer.text, what).not.toContain("<script");
      }),
      { numRuns: 300 },
    );
    agent.destroy();
    expect((await call("eigenaar", "GET", `/afwegingen/${record.id}`)).status).toBe(200);
  });

  it("answers 401 to anyone not logged in, for every operation", async () => {
    const record = await startRecord();
    for (const [method, path] of [
      ["GET", "/afwegingen"],
      ["POST", "/afwegingen"],
      ["GET", `/afwegingen/${record.id}`],
      ["PATCH", `/afwegingen/${record.id}/stappen/1`],
      ["DELETE", `/afwegingen/${record.id}`],
      ["GET", `/afwegingen/${record.id}/export?formaat=json`],
      ["GET", `/afwegingen/${record.id}/suggesties`],
    ] as const) {
      const problem = await problemOf(await call("anoniem", method, path), 401);
      expect(problem.type, `${method} ${path}`).toBe(problemType(server.base, "unauthenticated"));
    }
    expect((await call("eigenaar", "GET", `/afwegingen/${record.id}`)).status).toBe(200);
  });
});
