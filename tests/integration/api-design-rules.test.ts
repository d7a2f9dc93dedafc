// The API follows the Dutch government's API Design Rules: the document it publishes at
// /api/v1/openapi.json passes the Spectral ruleset in spectral.yaml without an error or a warning,
// the ruleset really catches each rule it claims, and the answers do what the document says (every
// answer, an empty one too, carries API-Version; a problem says its kind in `type`).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { API_VERSION } from "../../server/api/openapi.ts";
import { problemType } from "../../server/api/problem.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";

const RULESET = path.resolve("spectral.yaml");
const SPECTRAL = path.resolve("node_modules/.bin/spectral");

type SpectralResult = { code: string; message: string; path: string[]; severity: number };

/** Lints a document with the ruleset; every result, whatever its severity (error 0 … hint 3). */
async function lint(document: unknown): Promise<SpectralResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-spectral-"));
  try {
    const file = path.join(dir, "openapi.json");
    const report = path.join(dir, "report.json");
    fs.writeFileSync(file, JSON.stringify(document));
    // Spectral exits with 1 when it finds something; the report says what, so the exit code is not needed.
    await promisify(execFile)(
      SPECTRAL,
      ["lint", "--ruleset", RULESET, "--format", "json", "--output", report, "--quiet", file],
      { timeout: 60_000 },
    ).catch((error: { code?: unknown }) => {
      if (error.code !== 1) throw error;
    });
    return JSON.parse(fs.readFileSync(report, "utf8")) as SpectralResult[];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Spectral takes some seconds to start; on a busy machine more. */
const LINT_TIMEOUT = 120_000;

const readable = (results: SpectralResult[]) =>
  results.map((result) => `${result.code} at ${result.path.join(".")}: ${result.message}`);

/** A small document that breaks each rule of the ruleset once. */
function documentBreakingEveryRule() {
  const versioned = { "API-Version": { schema: { type: "string" } } };
  const problem = {
    type: "object",
    properties: { title: { type: "string" }, status: { type: "integer" }, code: { type: "string" } },
    required: ["title", "status"],
  };
  const operation = (id: string, extra: object = {}) => ({
    operationId: id,
    summary: id,
    tags: ["proef"],
    responses: { "200": { description: "Goed", headers: versioned } },
    ...extra,
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "Proef",
      version: "1",
      description: "Een document dat elke regel één keer breekt.",
      contact: { name: "Proef" },
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: "https://proef.example.nl/api" }],
    tags: [{ name: "proef", description: "Proef" }],
    paths: {
      "/dingen/": {
        get: operation("trailingSlash", { description: "Met een schuine streep aan het eind." }),
      },
      "/Grote_Dingen": {
        get: operation("badCase", {
          description: "Met hoofdletters en een liggend streepje.",
          requestBody: { content: { "application/json": { schema: { type: "object" } } } },
        }),
        trace: operation("trace", { description: "Een methode die niet mag." }),
      },
      "/zonder-beschrijving": { get: operation("noDescription") },
      "/fouten": {
        get: operation("problems", {
          description: "Fouten die niet volgens RFC 9457 zijn.",
          responses: {
            "204": { description: "Leeg, zonder versie" },
            "400": {
              description: "Ongeldig",
              headers: versioned,
              content: { "application/json": { schema: { type: "object" } } },
            },
            "404": {
              description: "Niet gevonden",
              headers: versioned,
              content: { "application/problem+json": { schema: problem } },
            },
          },
        }),
      },
    },
  };
}

// The document does not depend on the database, so one kind (always PGlite first) is enough.
describe.each(databaseKinds.slice(0, 1))("the API Design Rules on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  let token: string;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    server = await startApiServer({ database, env: { RATE_LIMITS: "off" } });
    const user = await upsertUser({ db: database.db, email: "leider@example.nl" });
    await setUserRoles({ db: database.db, userId: user.id, roles: ["gespreksleider"], actor: null });
    ({ token } = await createApiToken({
      db: database.db,
      quotas: parseConfig({}).quotas,
      userId: user.id,
      name: "test",
    }));
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  const call = (method: string, address: string, body?: unknown) =>
    server.get(`/api/v1${address}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("an integrator reads a published document without a single error or warning", {
    timeout: LINT_TIMEOUT,
  }, async () => {
    const response = await server.get("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("api-version")).toBe(API_VERSION);
    const document = (await response.json()) as { openapi: string; info: { contact: object } };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.contact).toEqual({
      name: "Vakmanschap",
      email: "api@vakmanschap.invalid",
      url: `${server.base}/`,
    });
    expect(readable(await lint(document))).toEqual([]);
  });

  it("the ruleset catches a document that breaks each of its rules", { timeout: LINT_TIMEOUT }, async () => {
    const broken = documentBreakingEveryRule();
    const results = (await Promise.all([lint(broken), lint({ ...broken, openapi: "2.0.0" })])).flat();
    const found = new Set(results.map((result) => result.code));
    expect([...found].sort()).toEqual(
      expect.arrayContaining([
        "/core/doc-openapi",
        "/core/doc-openapi-contact",
        "/core/http-methods",
        "/core/http-methods-safe-without-body",
        "/core/no-trailing-slash",
        "/core/semver",
        "/core/uri-version",
        "/core/version-header",
        "operation-description",
        "path-segments-kebab-or-camel-case",
        "problem-details-media-type",
        "problem-details-members",
        "problem-details-required",
      ]),
    );
  });

  it("every answer carries API-Version, the empty answers of an ended conversation too", async () => {
    const made = await call("POST", "/gesprekken", {
      title: "Teamoverleg",
      questions: [{ kind: "open", text: "Wat helpt jou om eerlijk te zijn?", principles: [] }],
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    expect((await call("POST", `/gesprekken/${id}/acties`, { action: "beeindig" })).status).toBe(200);

    const stream = await call("GET", `/gesprekken/${id}/stroom`);
    expect(stream.status).toBe(204);
    expect(stream.headers.get("api-version")).toBe(API_VERSION);
    const deleted = await call("DELETE", `/gesprekken/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get("api-version")).toBe(API_VERSION);
  });

  it("a problem says its kind in type, with only the members the document allows", async () => {
    const response = await call("GET", "/bestaat-niet");
    expect(response.status).toBe(404);
    expect(response.headers.get("api-version")).toBe(API_VERSION);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toEqual({
      type: problemType(server.base, "not_found"),
      title: "Niet gevonden",
      status: 404,
      detail: "Onbekend adres: /bestaat-niet",
      instance: "/api/v1/bestaat-niet",
    });
    // The type leads to the description of that kind in the document.
    const document = (await (await server.get("/api/v1/openapi.json")).json()) as {
      components: { responses: Record<string, { description: string }> };
    };
    const fragment = new URL(String(problem.type)).hash.split("/").at(-1) ?? "";
    expect(document.components.responses[fragment]?.description).toBeTruthy();

    const invalid = (await (await call("GET", "/vergelijk?van=x&naar=1")).json()) as Record<string, unknown>;
    expect(Object.keys(invalid).sort()).toEqual(["detail", "errors", "instance", "status", "title", "type"]);
    expect(invalid.type).toBe(problemType(server.base, "invalid"));
  });
});
