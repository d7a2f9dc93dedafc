// The dilemma library on each database: the shipped cards arrive once, cover the guide, and can be
// filtered, found and linked from the principles they are about.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { readDilemmaContent } from "../../app/modules/dilemmas/dilemma-content.server.ts";
import { PRINCIPLES, THEMES, WORK_KINDS } from "../../app/modules/dilemmas/dilemma-tags.ts";
import {
  cardsForPrinciple,
  getPublishedCard,
  listPublishedCards,
  principleTitles,
  seedDilemmas,
} from "../../app/modules/dilemmas/dilemmas.server.ts";
import { searchForReader } from "../../app/modules/search/site-search.server.ts";
import { CONTENT_DIR, databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

describe("the shipped dilemma cards", () => {
  it("are at least 24, and every principle, kind of work and theme has its cards", async () => {
    const cards = await readDilemmaContent({ contentDir: CONTENT_DIR });
    expect(cards.length).toBeGreaterThanOrEqual(24);
    for (const principle of PRINCIPLES) {
      expect(
        cards.filter((card) => card.principles[0] === principle).length,
        `cards mainly about ${principle}`,
      ).toBeGreaterThanOrEqual(3);
    }
    for (const kind of WORK_KINDS) {
      expect(cards.filter((card) => card.workKinds.includes(kind)).length, kind).toBeGreaterThanOrEqual(3);
    }
    for (const theme of THEMES) {
      expect(cards.filter((card) => card.themes.includes(theme)).length, theme).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(cards.map((card) => card.title)).size, "titles are unique").toBe(cards.length);
  });

  it("refuses a card file with a mistake, naming the file and the field", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-dilemmas-"));
    fs.mkdirSync(path.join(dir, "dilemmas"));
    const write = (name: string, frontMatter: string) =>
      fs.writeFileSync(path.join(dir, "dilemmas", name), `---\n${frontMatter}\n---\n`);
    const good = [
      "title: Een goede titel",
      "case: Een situatie van genoeg tekens om als casus door te gaan, met een moment van kiezen.",
      "optionA: Ik doe het",
      "riskA: Dan gaat het mis",
      "optionB: Ik laat het",
      "riskB: Dan gaat het ook mis",
      "principles: [loyale-tegenspraak]",
      "workKinds: [beleid]",
      "themes: [politiek]",
    ];
    try {
      write("kaart.md", ["slug: kaart", ...good].join("\n"));
      expect(await readDilemmaContent({ contentDir: dir })).toHaveLength(1);
      write("kaart.md", ["slug: andere-naam", ...good].join("\n"));
      await expect(readDilemmaContent({ contentDir: dir })).rejects.toThrow(/kaart\.md.*bestandsnaam/);
      write(
        "kaart.md",
        ["slug: kaart", ...good.slice(0, -3), "principles: [bestaat-niet]", ...good.slice(-2)].join("\n"),
      );
      await expect(readDilemmaContent({ contentDir: dir })).rejects.toThrow(/kaart\.md: principles\.0/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(databaseKinds)("the dilemma library on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it("holds every shipped card once, however often the seed runs", async () => {
    const { db } = database;
    const shipped = await readDilemmaContent({ contentDir: CONTENT_DIR });
    expect(await seedDilemmas({ db, contentDir: CONTENT_DIR })).toEqual({ added: 0 });
    const cards = await listPublishedCards({ db });
    expect(cards.map((card) => card.slug).sort()).toEqual(shipped.map((card) => card.slug).sort());
    // Alphabetical, as the library lists them.
    const titles = cards.map((card) => card.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("filters by principle, kind of work and theme together", async () => {
    const { db } = database;
    const all = await listPublishedCards({ db });
    const principle = "loyale-tegenspraak";
    const byPrinciple = await listPublishedCards({ db, filter: { principe: principle } });
    expect(byPrinciple.length).toBeGreaterThan(0);
    expect(byPrinciple.every((card) => card.principles.includes(principle))).toBe(true);
    expect(byPrinciple.length).toBe(all.filter((card) => card.principles.includes(principle)).length);
    const first = all[0];
    if (!first) throw new Error("no cards");
    const [work, theme] = [first.workKinds[0], first.themes[0]] as [
      (typeof WORK_KINDS)[number],
      (typeof THEMES)[number],
    ];
    const combined = await listPublishedCards({ db, filter: { werk: work, thema: theme } });
    expect(combined.map((card) => card.slug)).toContain(first.slug);
    expect(combined.every((card) => card.workKinds.includes(work) && card.themes.includes(theme))).toBe(true);
  });

  it("shows a card by its address and answers 'not found' for another", async () => {
    const { db } = database;
    const [card] = await listPublishedCards({ db });
    if (!card) throw new Error("no cards");
    expect((await getPublishedCard({ db, slug: card.slug })).title).toBe(card.title);
    await expect(getPublishedCard({ db, slug: "bestaat-niet" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("links each principle of the guide to its cards, the ones mainly about it first", async () => {
    const { db } = database;
    const titles = await principleTitles({ db });
    expect([...titles.keys()].sort()).toEqual([...PRINCIPLES].sort());
    for (const principle of PRINCIPLES) {
      const linked = await cardsForPrinciple({ db, principle });
      expect(linked.length, principle).toBeGreaterThan(0);
      const main = (await listPublishedCards({ db })).filter((card) => card.principles[0] === principle);
      expect(
        linked
          .slice(0, main.length)
          .map((card) => card.slug)
          .sort(),
      ).toEqual(main.map((card) => card.slug).sort());
    }
  });

  it("finds cards by words from their text, stemmed the Dutch way", async () => {
    const { db } = database;
    const [card] = await listPublishedCards({ db });
    if (!card) throw new Error("no cards");
    // The longest word of the title, as a search plan would pass it on.
    const word = card.title
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .sort((a, b) => b.length - a.length)[0];
    const found = await searchForReader({ db, query: word ?? "", filter: "dilemmas" });
    expect(found.hits.map((hit) => hit.slug)).toContain(card.slug);
    expect((await searchForReader({ db, query: "xyzzyplugh", filter: "dilemmas" })).hits).toEqual([]);
  });
});
