// Principle suggestions (`npm run bench:suggest`): how often the principle a person meant is among the
// suggestions for 49 dilemmas described in people's own words (tests/fixtures, written before the
// suggester), against a random order and against the guide's text alone, all in this run; and the
// time a suggestion takes, against a trivial database query on the same database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../app/infra/db.server.ts";
import { PRINCIPLE_CUES } from "../app/modules/deliberation/principle-cues.ts";
import { buildSuggester } from "../app/modules/deliberation/principle-suggester.ts";
import {
  chanceQuality,
  type DescribedDilemma,
  measureQuality,
  textOf,
} from "../app/modules/deliberation/suggestion-quality.ts";
import { getSuggester } from "../app/modules/deliberation/suggestions.server.ts";
import { PRINCIPLES } from "../app/modules/dilemmas/dilemma-tags.ts";
import { seedDilemmas } from "../app/modules/dilemmas/dilemmas.server.ts";
import { getCurrentVersion, getVersionContent } from "../app/modules/guide/guide.server.ts";
import { seedGuide } from "../app/modules/guide/guide-import.server.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-bench-suggest-"));
const dilemmas = JSON.parse(
  fs.readFileSync("tests/fixtures/dilemma-descriptions.json", "utf8"),
) as DescribedDilemma[];

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;

const database = await openDatabase({ dataDir });
try {
  await database.migrate();
  await seedGuide({ db: database.db, contentDir: "content" });
  await seedDilemmas({ db: database.db, contentDir: "content" });
  const { db } = database;

  const builtAt = performance.now();
  const full = await getSuggester({ db });
  const buildMs = performance.now() - builtAt;

  // The same scoring with only the guide's own text about each principle: what the cards and the
  // signal words add.
  const version = await getCurrentVersion({ db });
  const parts = version ? await getVersionContent({ db, version }) : [];
  const guideOnly = buildSuggester(
    PRINCIPLES.map((slug) => {
      const part = parts.find((candidate) => candidate.slug === slug);
      const text = part
        ? [part.title, part.summary, ...part.blocks.map((block) => block.text)].join(" ")
        : "";
      return { slug, title: slug, summary: "", texts: [{ text, weight: 1 }] };
    }),
  );
  const cuesOnly = buildSuggester(
    PRINCIPLES.map((slug) => ({
      slug,
      title: slug,
      summary: "",
      texts: [{ text: PRINCIPLE_CUES[slug], weight: 1 }],
    })),
  );

  const chance = chanceQuality(PRINCIPLES.length);
  const rows = [
    ["random order (expected)", { ...chance, cases: dilemmas.length }],
    ["guide text only", measureQuality(guideOnly, dilemmas)],
    ["signal words only", measureQuality(cuesOnly, dilemmas)],
    ["as the platform runs it", measureQuality(full, dilemmas)],
  ] as const;
  console.log(`\nPrinciple suggestions for ${dilemmas.length} described dilemmas (7 principles)`);
  console.log("suggester                   top-1     top-3     mean reciprocal rank");
  for (const [name, quality] of rows) {
    console.log(
      `${name.padEnd(27)} ${percent(quality.top1).padStart(8)}  ${percent(quality.top3).padStart(8)}  ${quality.meanReciprocalRank.toFixed(3).padStart(8)}`,
    );
  }
  const platform = rows[3][1];
  console.log(
    `top-3 against a random order: ${(platform.top3 / chance.top3).toFixed(2)}×; mean reciprocal rank: ${(platform.meanReciprocalRank / chance.meanReciprocalRank).toFixed(2)}×`,
  );
  for (const miss of platform.misses) {
    console.log(`  not in the top 3: ${miss.id} (${miss.expected}); suggested ${miss.top3.join(", ")}`);
  }

  // Time per suggestion as a request makes it: the check whether the content changed, then scoring.
  const suggestMs: number[] = [];
  const queryMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const dilemma of dilemmas) {
      let started = performance.now();
      (await getSuggester({ db })).suggest(textOf(dilemma), { limit: 5 });
      suggestMs.push(performance.now() - started);
      started = performance.now();
      await db.execute(sql`select 1`);
      queryMs.push(performance.now() - started);
    }
  }
  console.log(
    `\nTime per suggestion (${suggestMs.length} suggestions, PGlite): p95 ${p95(suggestMs).toFixed(2)} ms ` +
      `(goal < 50 ms); a trivial query: p95 ${p95(queryMs).toFixed(2)} ms; ratio ${(p95(suggestMs) / Math.max(0.001, p95(queryMs))).toFixed(1)}×`,
  );
  console.log(
    `Building the suggester from the database: ${buildMs.toFixed(0)} ms (once, and after content changes)`,
  );
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
