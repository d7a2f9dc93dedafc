import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { requireCurrentVersion } from "../../app/modules/guide/guide.server.ts";
import { searchForReader, searchSite } from "../../app/modules/search/site-search.server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

describe.each(databaseKinds)("searching the site on %s", (kind) => {
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

  const search = (query: string) => searchSite({ db: database.db, versionId, query });
  const marked = (html: string) =>
    [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => (m[1] ?? "").toLowerCase());

  it("finds other forms of a word through Dutch stemming", async () => {
    const result = await search("luisteren");
    expect(result.hits.length).toBeGreaterThan(0);
    // Another form than the one typed ("luister", "luistert") is found and marked.
    const words = result.hits.flatMap((hit) => marked(hit.snippetHtml));
    expect(words.filter((word) => word.startsWith("luister") && word !== "luisteren")).not.toEqual([]);
    const singular = await search("burger");
    expect(singular.hits.flatMap((hit) => marked(hit.snippetHtml))).toContain("burgers");
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

  it("links every result to its page and escapes the snippet", async () => {
    const result = await searchForReader({ db: database.db, query: "vertrouwen" });
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) {
      if (hit.kind === "paragraph") expect(hit.address).toMatch(/^\/gids\/[a-z0-9-]+#[a-z0-9-]+$/);
      if (hit.kind === "card") expect(hit.address).toMatch(/^\/dilemmas\/[a-z0-9-]+$/);
      expect(hit.snippetHtml.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    }
  });

  it("answers a question in everyday words without every word having to match", async () => {
    const result = await search("mag ik mijn minister tegenspreken");
    expect(result.plan?.terms.map((term) => term.word)).toEqual(["minister", "tegenspreken"]);
    expect(result.hits.length).toBeGreaterThan(0);
    // Every result holds at least one of the words; those that hold every word come first.
    const complete = result.hits.map((hit) => hit.complete);
    expect(complete.indexOf(false) === -1 || complete.slice(complete.indexOf(false)).every((c) => !c)).toBe(
      true,
    );
    expect(result.suggestions).toEqual([]);
  });

  it("finds cards and conversation templates beside the guide, and narrows to one kind", async () => {
    const all = await search("team gesprek dilemma");
    const kinds = new Set(all.hits.map((hit) => hit.kind));
    expect(kinds.has("template")).toBe(true);
    expect(kinds.has("card") || kinds.has("paragraph")).toBe(true);
    const cards = await searchForReader({ db: database.db, query: "discriminatie", filter: "dilemmas" });
    expect(cards.hits.length).toBeGreaterThan(0);
    expect(cards.hits.every((hit) => hit.kind === "card")).toBe(true);
    expect(cards.counts.card).toBe(cards.hits.length);
  });

  it("searches an older published version, and refuses one that does not exist", async () => {
    const older = await searchForReader({ db: database.db, query: "burgers", version: 1 });
    expect(older.version.number).toBe(1);
    await expect(searchForReader({ db: database.db, query: "burgers", version: 99 })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("offers a corrected spelling only when it finds more", async () => {
    const typo = await search("integritiet");
    expect(typo.suggestions).toContain("integriteit");
    const fine = await search("integriteit");
    expect(fine.suggestions).toEqual([]);
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
