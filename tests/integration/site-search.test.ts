import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { requireCurrentVersion } from "../../app/modules/guide/guide.server.ts";
import { searchGuide } from "../../app/modules/guide/guide-search.server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

describe.each(databaseKinds)("searching the guide on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let versionId: string;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    versionId = (await requireCurrentVersion({ db: database.db })).id;
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  const search = (query: string) => searchGuide({ db: database.db, versionId, query });
  const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]?.toLowerCase());

  it("finds other forms of a word through Dutch stemming", async () => {
    const result = await search("luisteren");
    expect(result.hits.length).toBeGreaterThan(0);
    const words = result.hits.flatMap((hit) => marked(hit.snippetHtml));
    expect(words).toContain("luistert");
    const plural = await search("burgers");
    expect(plural.hits.flatMap((hit) => marked(hit.snippetHtml))).toContain("burger");
  });

  it("forgives a small typo", async () => {
    const result = await search("burgrs");
    expect(result.plan?.terms[0]?.corrections).toContain("burgers");
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it("matches the start of the last word while typing", async () => {
    const result = await search("tegensp");
    expect(result.hits.flatMap((hit) => marked(hit.snippetHtml))).toContain("tegenspraak");
  });

  it("expands civil-service jargon with synonyms", async () => {
    const result = await search("bewindspersoon");
    const words = result.hits.flatMap((hit) => marked(hit.snippetHtml));
    expect(words.some((word) => word === "minister" || word === "staatssecretaris")).toBe(true);
    const critique = await search("tegenspraak");
    expect(critique.hits.flatMap((hit) => marked(hit.snippetHtml))).toContain("kritiek");
  });

  it("links every result to a paragraph and escapes the snippet", async () => {
    const result = await search("vertrouwen");
    for (const hit of result.hits) {
      expect(hit.anchor).toMatch(/^[a-z0-9-]+$/);
      expect(hit.snippetHtml.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    }
  });

  it("says honestly that nothing was found and suggests a correction", async () => {
    const nothing = await search("xylofoonconcert");
    expect(nothing.hits).toEqual([]);
    const typo = await search("menselijke maatt zorgvuldigheit");
    expect(typo.hits.length + typo.suggestions.length).toBeGreaterThan(0);
  });

  it.each([
    ["\"a\" OR 'b'"],
    ["&|!:*()<>\\"],
    ["luisteren ".repeat(1000)],
    ["x".repeat(10_000)],
    ["🙂 burgers 🏛️"],
    ["\u0000\u0001burger\u0007"],
    ["'; drop table guide_blocks; --"],
    [""],
  ])("answers normally for odd input %#", async (input) => {
    const result = await search(input);
    expect(Array.isArray(result.hits)).toBe(true);
  });
});
