// The dilemma library through the API, on each database: read and filter the published cards, and send
// one in with a personal token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { listOwnSubmissions } from "../../app/modules/dilemmas/dilemma-submissions.server.ts";
import { API_VERSION } from "../../server/api/openapi.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

describe.each(databaseKinds)("the dilemmas API on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startApiServer>>;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    server = await startApiServer({ database });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  it("lists the published cards, filtered, each with its principles' titles", async () => {
    const all = (await (await server.get("/api/v1/dilemmas")).json()) as { cards: { slug: string }[] };
    expect(all.cards.length).toBeGreaterThanOrEqual(24);
    const response = await server.get("/api/v1/dilemmas?principe=loyale-tegenspraak&werk=beleid");
    expect(response.status).toBe(200);
    expect(response.headers.get("api-version")).toBe(API_VERSION);
    const filtered = (await response.json()) as {
      cards: { principles: { slug: string; title: string }[]; workKinds: string[] }[];
    };
    expect(filtered.cards.length).toBeGreaterThan(0);
    expect(filtered.cards.length).toBeLessThan(all.cards.length);
    for (const card of filtered.cards) {
      expect(card.principles.map((p) => p.slug)).toContain("loyale-tegenspraak");
      expect(card.principles.find((p) => p.slug === "loyale-tegenspraak")?.title).toBe("Spreek loyaal tegen");
      expect(card.workKinds).toContain("beleid");
    }
  });

  it("answers an unknown filter or card with a problem", async () => {
    const bad = await server.get("/api/v1/dilemmas?principe=onzin&kleur=rood");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const problem = (await bad.json()) as { errors?: { in: string; name: string; message: string }[] };
    expect(problem.errors?.map((error) => `${error.in}:${error.name}`).sort()).toEqual([
      "query:input",
      "query:principe",
    ]);
    // The unknown parameter is named in Dutch too, not in the validation library's English.
    const stray = problem.errors?.find((error) => error.name === "input")?.message ?? "";
    expect(stray).toContain("kleur");
    expect(stray).not.toMatch(/unrecognized|invalid/i);
    expect((await server.get("/api/v1/dilemmas/bestaat-niet")).status).toBe(404);
    const [first] = ((await (await server.get("/api/v1/dilemmas")).json()) as { cards: { slug: string }[] })
      .cards;
    expect((await server.get(`/api/v1/dilemmas/${first?.slug}`)).status).toBe(200);
  });

  it("takes a card sent in with a token, and lists every mistake at once", async () => {
    const user = await upsertUser({ db: database.db, email: "api-indiener@example.nl" });
    const { token } = await createApiToken({ quotas, db: database.db, userId: user.id, name: "test" });
    const send = (body: unknown) =>
      server.get("/api/v1/dilemmas", {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const wrong = await send({ title: "x", principles: ["onzin"] });
    expect(wrong.status).toBe(400);
    const errors = ((await wrong.json()) as { errors: { in: string; name: string }[] }).errors;
    expect(errors.every((error) => error.in === "body")).toBe(true);
    expect(errors.map((error) => error.name)).toEqual(
      expect.arrayContaining(["title", "case", "optionA", "principles.0", "workKinds", "themes"]),
    );

    const sent = await send({
      title: "Een kaart via de API",
      case: "Een koppeling stuurt een dilemma in namens een collega die het in een workshop opschreef.",
      optionA: "Ik stuur het in",
      riskA: "Het is misschien te herkenbaar.",
      optionB: "Ik stuur het niet in",
      riskB: "Het goede gesprek blijft uit.",
      principles: ["laat-zien-hoe-je-kiest"],
      workKinds: ["ondersteuning"],
      themes: ["openheid"],
      anonymous: false,
    });
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({ slug: "een-kaart-via-de-api", status: "ingediend" });
    expect(await listOwnSubmissions({ db: database.db, userId: user.id })).toEqual([
      expect.objectContaining({ title: "Een kaart via de API", anonymous: false }),
    ]);
    expect(
      (
        await server.get("/api/v1/dilemmas", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(403);
  });
});
