// `npm run bench:search`: how well and how fast the site search answers the evaluation questions of
// bench/search-questions/, on PGlite and, with DATABASE_URL, on a PostgreSQL server.
// - Quality: top-1, top-3 and mean reciprocal rank of the search against plain PostgreSQL full-text
//   search (`websearch_to_tsquery('dutch', …)` over the same documents, ranked by ts_rank_cd), on the
//   same questions, in the same run.
// - Speed: p50 and p95 over HTTP, one request at a time, of `/api/v1/zoeken` and the `/zoeken` page of
//   the built server, for every question.
// Exits with 1 when top-3 is below 90 % on a set or a p95 is over its bar (API 30 ms, page 60 ms).
import { type ChildProcess, execSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Db, openDatabase, queryRows } from "../app/infra/db.server.ts";
import { seedDilemmas } from "../app/modules/dilemmas/dilemmas.server.ts";
import { requireCurrentVersion } from "../app/modules/guide/guide.server.ts";
import { seedGuide } from "../app/modules/guide/guide-import.server.ts";
import {
  documentsFor,
  getDocumentsStamp,
  keepDocuments,
} from "../app/modules/search/search-documents.server.ts";
import { searchSite } from "../app/modules/search/site-search.server.ts";
import { freshServerDatabase } from "./fresh-database.ts";
import { answerOf, measureQuality, type Quality, readQuestionSets } from "./search-quality.ts";
import { waitFor } from "./wait-for.ts";

const TOP3_BAR = 0.9;
const API_P95_BAR = 30;
const PAGE_P95_BAR = 60;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vm-bench-search-"));
const sets = readQuestionSets();
let failed = false;

/** Plain full-text search over the same documents: every word must match, ranked by ts_rank_cd. */
async function plainSearch(db: Db, versionId: string, query: string): Promise<string[]> {
  const stamp = await getDocumentsStamp({ db, versionId });
  await keepDocuments({ db, versionId, stamp });
  const rows = await queryRows<{ kind: string; slug: string }>(
    db,
    sql`select kind, slug from (${documentsFor(stamp)}) d
      where vector @@ websearch_to_tsquery('dutch', ${query})
      order by ts_rank_cd(vector, websearch_to_tsquery('dutch', ${query})) desc, place limit 10`,
  );
  return rows.map(answerOf);
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const row = (name: string, quality: Quality) =>
  `| ${name} | ${quality.questions} | ${percent(quality.top1)} | ${percent(quality.top3)} | ${quality.mrr.toFixed(3)} |`;

async function qualityOn(kind: "pglite" | "postgres", databaseUrl: string) {
  const database =
    kind === "pglite"
      ? await openDatabase({ dataDir: path.join(work, "quality") })
      : await openDatabase({ databaseUrl, dataDir: "unused", poolSize: 2 });
  try {
    await database.migrate();
    await seedGuide({ db: database.db, contentDir: "content" });
    await seedDilemmas({ db: database.db, contentDir: "content" });
    const { db } = database;
    const version = await requireCurrentVersion({ db });
    console.log(
      `\n## Quality on ${kind}\n\n| search | questions | top-1 | top-3 | MRR |\n|---|---:|---:|---:|---:|`,
    );
    for (const set of sets) {
      const ours = await measureQuality(set.questions, async (query) =>
        (await searchSite({ db, versionId: version.id, query, limit: 10 })).hits.map(answerOf),
      );
      const plain = await measureQuality(set.questions, (query) => plainSearch(db, version.id, query));
      console.log(row(`${set.name}: site search`, ours));
      console.log(row(`${set.name}: plain full-text search`, plain));
      if (ours.top3 < TOP3_BAR) failed = true;
    }
  } finally {
    await database.close();
  }
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

async function speedOn(kind: "pglite" | "postgres", databaseUrl: string) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const dataDir = path.join(work, `speed-${kind}`);
  const child: ChildProcess = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: kind === "postgres" ? databaseUrl : "",
      LOG_LEVEL: "warn",
      RATE_LIMITS: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/readyz`);
    const queries = sets.flatMap((set) => set.questions.map((question) => question.query));
    console.log(`\n## Speed on ${kind} (${queries.length} questions, one request at a time)\n`);
    console.log("| address | p50 | p95 | bar |\n|---|---:|---:|---:|");
    for (const [name, address, bar] of [
      ["API", "/api/v1/zoeken?q=", API_P95_BAR],
      ["page", "/zoeken?q=", PAGE_P95_BAR],
    ] as const) {
      // One round to warm up (the lexicon is built on the first search), then the measured round.
      for (const query of queries.slice(0, 5))
        await (await fetch(`${base}${address}${encodeURIComponent(query)}`)).text();
      const times: number[] = [];
      for (const query of queries) {
        const started = performance.now();
        const response = await fetch(`${base}${address}${encodeURIComponent(query)}`);
        await response.text();
        if (!response.ok) throw new Error(`${address}${query}: ${response.status}`);
        times.push(performance.now() - started);
      }
      const p95 = percentile(times, 0.95);
      console.log(`| ${name} | ${percentile(times, 0.5).toFixed(1)} ms | ${p95.toFixed(1)} ms | ${bar} ms |`);
      if (p95 > bar) failed = true;
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
const server = process.env.DATABASE_URL ? await freshServerDatabase("search") : null;
try {
  // The server seeds the embedded database itself; the quality run seeds the server's database first.
  await qualityOn("pglite", "");
  if (server) await qualityOn("postgres", server.url);
  await speedOn("pglite", "");
  if (server) await speedOn("postgres", server.url);
} finally {
  await server?.drop();
  fs.rmSync(work, { recursive: true, force: true });
}
if (failed) {
  console.log("\nBelow a bar: top-3 at least 90 %, p95 under 30 ms (API) and 60 ms (page).");
  process.exit(1);
}
