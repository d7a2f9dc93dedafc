// Relevance of the principle suggestions, as the platform builds them from the seeded database: for
// the dilemmas people described in their own words (tests/fixtures/dilemma-descriptions.json, written
// before the suggester and never changed to fit it), the principle they meant is among the first three
// suggestions in at least nine of ten.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import {
  chanceQuality,
  type DescribedDilemma,
  measureQuality,
  textOf,
} from "../../app/modules/deliberation/suggestion-quality.ts";
import { getSuggester } from "../../app/modules/deliberation/suggestions.server.ts";
import { PRINCIPLES } from "../../app/modules/dilemmas/dilemma-tags.ts";
import { openSeededDatabase, type TestDatabase } from "./databases.ts";

const dilemmas = JSON.parse(
  fs.readFileSync("tests/fixtures/dilemma-descriptions.json", "utf8"),
) as DescribedDilemma[];

describe("suggested principles for dilemmas in people's own words", () => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase("pglite"));
  });
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });

  it("the test set is big and spread enough to mean something", () => {
    expect(dilemmas.length).toBeGreaterThanOrEqual(40);
    for (const principle of PRINCIPLES) {
      expect(
        dilemmas.filter((dilemma) => dilemma.expected === principle).length,
        principle,
      ).toBeGreaterThanOrEqual(5);
    }
  });

  it("has the meant principle in the top three for at least 90 %, well above chance", async () => {
    const suggester = await getSuggester({ db: database.db });
    const quality = measureQuality(suggester, dilemmas);
    const chance = chanceQuality(PRINCIPLES.length);
    console.log(
      `top-1 ${(100 * quality.top1).toFixed(1)} %, top-3 ${(100 * quality.top3).toFixed(1)} %, ` +
        `MRR ${quality.meanReciprocalRank.toFixed(3)} (chance: ${(100 * chance.top1).toFixed(1)} %, ` +
        `${(100 * chance.top3).toFixed(1)} %, ${chance.meanReciprocalRank.toFixed(3)})`,
    );
    expect(quality.top3).toBeGreaterThanOrEqual(0.9);
    expect(quality.top1).toBeGreaterThan(2 * chance.top1);
  });

  it("explains each suggestion with the person's own words", async () => {
    const suggester = await getSuggester({ db: database.db });
    const [dilemma] = dilemmas;
    if (!dilemma) throw new Error("no dilemmas");
    const [first] = suggester.suggest(textOf(dilemma), { limit: 3 });
    expect(first?.because.length).toBeGreaterThan(0);
    const written = textOf(dilemma)
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "");
    for (const word of first?.because ?? []) expect(written).toContain(word);
    expect(first?.title).not.toBe(first?.slug);
  });
});
