import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { ProblemOutput } from "../../app/modules/guide/guide.validation.ts";
import {
  CompareOutput,
  PartOutput,
  VersionOutput,
  VersionWithPartsOutput,
} from "../../app/modules/guide/guide-output.ts";
import { SearchOutput } from "../../app/modules/search/search-output.ts";
import { API_VERSION } from "../../server/api/openapi.ts";
import { startApiServer } from "./app-server.ts";
import { createTestDatabase, databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

describe.each(databaseKinds)("the guide's API on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startApiServer>>;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    server = await startApiServer({ database });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await test.drop();
  });

  async function json(path: string, status = 200) {
    const response = await server.get(path);
    expect(response.status, path).toBe(status);
    expect(response.headers.get("api-version")).toBe(API_VERSION);
    return response.json();
  }

  it("lists the versions as documented", async () => {
    const body = await json("/api/v1/versies");
    const versions = body.versions.map((version: unknown) => VersionOutput.parse(version));
    expect(versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
  });

  it("gives a version with its parts and a part with its paragraphs", async () => {
    const version = VersionWithPartsOutput.parse(await json("/api/v1/versies/1"));
    expect(version.parts.filter((part) => part.kind === "principe")).toHaveLength(7);
    const part = PartOutput.parse(await json("/api/v1/versies/1/delen/loyale-tegenspraak"));
    expect(part.blocks.length).toBeGreaterThan(5);
    const current = PartOutput.parse(await json("/api/v1/delen/loyale-tegenspraak"));
    expect(current).toEqual(part);
  });

  it("compares two versions", async () => {
    const comparison = CompareOutput.parse(await json("/api/v1/vergelijk?van=1&naar=2"));
    expect(comparison.counts).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it("searches and links to the paragraph", async () => {
    const result = SearchOutput.parse(await json("/api/v1/zoeken?q=luisteren&limit=5"));
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.length).toBeLessThanOrEqual(5);
    const paragraph = result.hits.find((hit) => hit.kind === "paragraph");
    expect(paragraph?.url).toMatch(/^\/gids\/[a-z-]+#[a-z0-9-]+$/);
  });

  it("searches one kind, or an older version, and refuses an unknown kind", async () => {
    const cards = SearchOutput.parse(await json("/api/v1/zoeken?q=minister&soort=dilemmas"));
    expect(cards.hits.every((hit) => hit.kind === "card" && hit.url.startsWith("/dilemmas/"))).toBe(true);
    const older = SearchOutput.parse(await json("/api/v1/zoeken?q=burgers&versie=1"));
    expect(older.version).toBe(1);
    const refused = await server.get("/api/v1/zoeken?q=burgers&soort=fietsen");
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toMatch(/application\/problem\+json/);
  });

  it.each([
    "/api/v1/zoeken?q=%22a%22%20OR%20'b'",
    "/api/v1/zoeken?q=%F0%9F%99%82",
    "/api/v1/zoeken?q=%00%01%07",
    `/api/v1/zoeken?q=${"x".repeat(10_000)}`,
    "/api/v1/zoeken",
  ])("answers odd search input normally: %#", async (path) => {
    SearchOutput.parse(await json(path));
  });

  it.each([
    ["/api/v1/versies/abc", 400],
    ["/api/v1/versies/0", 400],
    ["/api/v1/versies/99", 404],
    ["/api/v1/versies/1/delen/bestaat-niet", 404],
    ["/api/v1/versies/1/delen/NIET%20GELDIG", 400],
    ["/api/v1/vergelijk?van=1", 400],
    ["/api/v1/vergelijk?van=1&naar=77", 404],
    ["/api/v1/zoeken?q=a&limit=500", 400],
    ["/api/v1/zoeken?q=a&q=b", 400],
    ["/api/v1/bestaat-niet", 404],
  ])("answers %s with a problem (status %i)", async (path, status) => {
    const response = await server.get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.headers.get("api-version")).toBe(API_VERSION);
    const problem = ProblemOutput.parse(await response.json());
    expect(problem.status).toBe(status);
    expect(problem.detail.length).toBeGreaterThan(0);
  });

  it("publishes an OpenAPI 3.1 document that names every route", async () => {
    const document = await json("/api/v1/openapi.json");
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/afwegingen",
        "/afwegingen/{id}",
        "/afwegingen/{id}/export",
        "/afwegingen/{id}/stappen/{stap}",
        "/afwegingen/{id}/suggesties",
        "/bijdragen",
        "/bijdragen/{id}",
        "/bijdragen/{id}/meldingen",
        "/bijdragen/{id}/moderatie",
        "/bijdragen/{id}/reacties",
        "/bijdragen/{id}/status",
        "/bijdragen/{id}/steun",
        "/deelname",
        "/deelname/antwoorden/{vraag}",
        "/deelname/stroom",
        "/delen/{slug}",
        "/dilemmas",
        "/dilemmas/{slug}",
        "/gesprekken",
        "/gesprekken/sjablonen",
        "/gesprekken/{id}",
        "/gesprekken/{id}/acties",
        "/gesprekken/{id}/moderatie",
        "/gesprekken/{id}/samenvatting",
        "/gesprekken/{id}/stroom",
        "/ik",
        "/inzichten",
        "/inzichten/{tabel}",
        "/peilingen",
        "/peilingen/{slug}",
        "/peilingen/{slug}/deelname",
        "/peilingen/{slug}/deelname/stellingen",
        "/peilingen/{slug}/deelname/stemmen/{nummer}",
        "/peilingen/{slug}/resultaten",
        "/peilingen/{slug}/resultaten/stroom",
        "/reacties/{id}/meldingen",
        "/reacties/{id}/moderatie",
        "/vergelijk",
        "/versies",
        "/versies/{nummer}",
        "/versies/{nummer}/delen/{slug}",
        "/zoeken",
      ].sort(),
    );
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/[A-Za-z0-9]+/g) ?? [];
    for (const ref of new Set(refs)) {
      expect(document.components.schemas[ref.split("/").pop() ?? ""], ref).toBeDefined();
    }
  });

  it("reports liveness and readiness", async () => {
    expect((await server.get("/healthz")).status).toBe(200);
    const ready = await server.get("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", database: kind });
  });

  it("shows metrics only to allowed addresses or with the token", async () => {
    const open = await server.get("/metrics");
    expect(open.status).toBe(200);
    expect(await open.text()).toMatch(/http_requests_total\{kind="api",method="GET",status="200"\}/);
    const closed = await startApiServer({
      database,
      env: { METRICS_ALLOW: "10.0.0.0/8", METRICS_TOKEN: "een-lang-geheim-token-123" },
    });
    try {
      expect((await closed.get("/metrics")).status).toBe(403);
      const withToken = await closed.get("/metrics", {
        headers: { Authorization: "Bearer een-lang-geheim-token-123" },
      });
      expect(withToken.status).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it("answers 503 honestly when the database is gone", async () => {
    const spare = await createTestDatabase(kind);
    const broken = await spare.openAnother();
    const brokenServer = await startApiServer({ database: broken });
    await broken.close();
    try {
      expect((await brokenServer.get("/readyz")).status).toBe(503);
      const response = await brokenServer.get("/api/v1/versies");
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    } finally {
      await brokenServer.close();
      await spare.drop();
    }
  });
});
