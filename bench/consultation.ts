// Consultation analysis (`npm run bench:consultation`): how well the opinion groups reproduce Pol.is's
// own on its open data, and how fast the analysis runs on large consultations.
// - Groups: the adjusted Rand index between our groups and Pol.is's (`group-id` in
//   participants-votes.csv) over the people Pol.is placed; the silhouette of each grouping in our map.
// - Representative statements: ours on our groups, beside the same statistics on Pol.is's groups (what
//   Pol.is's report would list), with the overlap and every difference.
// - Speed: 1,000 participants × 200 statements and 10,000 × 1,000, each analysed from nothing and again
//   with the previous run's state (warm), with the memory used; the baseline in the same run is
//   building the vote matrix alone, the least any analysis must do.
// Data: Pol.is open data, CC BY 4.0, The Computational Democracy Project (compdemocracy.org/polis);
// `--data DIR` (default ../shared/bench-data/polis, else tests/fixtures/polis), a folder per conversation.
// Exits with 1 when Seattle's index is under 0.9 or a size is over its time bar (1 s, 10 s).
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRandom } from "../app/infra/seeded-random.ts";
import { type Analysis, analyse } from "../app/modules/consultation/analysis/analyse.ts";
import { silhouette } from "../app/modules/consultation/analysis/kmeans.ts";
import { adjustedRandIndex } from "../app/modules/consultation/analysis/rand-index.ts";
import {
  type Representative,
  representativeStatements,
  tallyStatements,
} from "../app/modules/consultation/analysis/statement-stats.ts";
import {
  buildVoteMatrix,
  type CastVote,
  type Vote,
} from "../app/modules/consultation/analysis/vote-matrix.ts";
import { readPolisFolder } from "../app/modules/consultation/polis-folder.server.ts";
import { measureVotes, VOTE_P99_BAR_MS, VOTES_PER_SECOND_BAR } from "./consultation-votes.ts";

const ARI_BAR = 0.9;
const TIME_BARS: Record<string, number> = { "1,000 × 200": 1_000, "10,000 × 1,000": 10_000 };
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = path.resolve(root, "../shared/bench-data/polis");
const dataDir = path.resolve(
  root,
  option("--data") ?? (fs.existsSync(shared) ? shared : path.join(root, "tests/fixtures/polis")),
);
let failed = false;

const format = (value: number, digits = 3) => value.toFixed(digits);
const describe = (found: Representative) => `${found.statement} (${found.stance === "agree" ? "+" : "−"})`;

console.log(`\n## Groups against Pol.is's own (data: ${path.relative(root, dataDir) || dataDir})\n`);
console.log(
  "| conversation | people Pol.is placed | we placed | groups (Pol.is) | groups (ours) | ARI | silhouette Pol.is / ours |",
);
console.log("|---|---:|---:|---|---|---:|---|");
const comparisons: string[] = [];
const robustness = [
  "\n| conversation | ARI | ARI, 10 other seeds | ARI, replayed in 20 runs |",
  "|---|---:|---:|---:|",
];
const REPLAY_STEPS = 20;
for (const name of fs.readdirSync(dataDir).sort()) {
  const folder = path.join(dataDir, name);
  if (!fs.existsSync(path.join(folder, "votes.csv"))) continue;
  const conversation = readPolisFolder(folder);
  const shown = conversation.statements.filter((s) => s.moderated !== -1).map((s) => s.id);
  const rejected = conversation.statements.filter((s) => s.moderated === -1).map((s) => s.id);
  const result = analyse({ statements: shown, rejected, votes: conversation.votes });
  const ours = new Map(result.places.map((place) => [place.participant, place]));
  const people = [...conversation.polisGroups.keys()].filter((person) => ours.has(person));
  const index = adjustedRandIndex(
    people.map((person) => conversation.polisGroups.get(person)),
    people.map((person) => ours.get(person)?.group),
  );
  const places = people.map((person) => {
    const place = ours.get(person);
    return Float64Array.of(place?.x ?? 0, place?.y ?? 0);
  });
  const polisIds = [...new Set(conversation.polisGroups.values())].sort((a, b) => a - b);
  const sizes = (groups: number[]) => polisIds.map((id) => groups.filter((group) => group === id).length);
  const polisGroupOf = people.map((person) => conversation.polisGroups.get(person) ?? 0);
  const ourIds = result.groups.map((group) => group.id);
  const silhouettes = `${format(
    silhouette(
      places,
      polisGroupOf.map((id) => polisIds.indexOf(id)),
    ),
  )} / ${format(
    silhouette(
      places,
      people.map((person) => ourIds.indexOf(ours.get(person)?.group ?? 0)),
    ),
  )}`;
  // The same from other seeds of the k-means starts, and replayed as the votes came in (20 runs, each
  // from the previous one's state, as the server recomputes while a consultation runs).
  const indexFor = (run: Analysis) => {
    const groupOf = new Map(run.places.map((place) => [place.participant, place.group]));
    return adjustedRandIndex(
      people.map((person) => conversation.polisGroups.get(person)),
      people.map((person) => groupOf.get(person)),
    );
  };
  const seeded = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((seed) =>
    indexFor(analyse({ statements: shown, rejected, votes: conversation.votes, seed: seed * 7_919 })),
  );
  let replayed: Analysis | undefined;
  for (let step = 1; step <= REPLAY_STEPS; step++) {
    const cut = Math.round((conversation.votes.length * step) / REPLAY_STEPS);
    replayed = analyse({
      statements: shown,
      rejected,
      votes: conversation.votes.slice(0, cut),
      previous: replayed?.state,
    });
  }
  robustness.push(
    `| ${name} | ${format(index)} | ${format(Math.min(...seeded))}–${format(Math.max(...seeded))} | ${
      replayed ? format(indexFor(replayed)) : "–"
    } |`,
  );
  console.log(
    `| ${name} | ${conversation.polisGroups.size} | ${result.placed} | ${sizes(polisGroupOf).join(" / ")} | ${result.groups
      .map((group) => group.size)
      .join(" / ")} | ${format(index)} | ${silhouettes} |`,
  );
  if (name === "15-per-hour-seattle" && index < ARI_BAR) failed = true;

  // Representative statements: the same statistics on Pol.is's groups, over the people both placed.
  const matrix = buildVoteMatrix(shown, conversation.votes, rejected);
  const rowOf = new Map(matrix.participants.map((person, row) => [person, row]));
  const polisRows = new Map(
    [...conversation.polisGroups].flatMap(([person, group]) => {
      const row = rowOf.get(person);
      return row === undefined ? [] : [[row, group] as const];
    }),
  );
  const polisTallies = tallyStatements(matrix, polisRows, polisIds);
  comparisons.push(`\n### ${name}\n`);
  // Each of our groups against the Pol.is group it shares most people with.
  for (const group of result.groups) {
    const members = result.places
      .filter((place) => place.group === group.id)
      .map((place) => place.participant);
    const counts = polisIds.map(
      (id) => members.filter((person) => conversation.polisGroups.get(person) === id).length,
    );
    const twin = polisIds[counts.indexOf(Math.max(...counts))] ?? 0;
    const theirs = representativeStatements(polisTallies, twin);
    const key = (found: Representative) => `${found.statement}${found.stance}`;
    const shared = group.representative.filter((found) => theirs.some((other) => key(other) === key(found)));
    comparisons.push(
      `- our group ${group.id} (${group.size} people; ${Math.max(...counts)} of them in Pol.is group ${twin} of ${
        sizes(polisGroupOf)[polisIds.indexOf(twin)]
      }): ${shared.length} of ${Math.max(group.representative.length, theirs.length)} the same.` +
        ` Ours: ${group.representative.map(describe).join(", ") || "none"}.` +
        ` Pol.is's: ${theirs.map(describe).join(", ") || "none"}.`,
    );
  }
}
console.log(robustness.join("\n"));
console.log(comparisons.join("\n"));

/** `people` × `statements`, three opinion groups, each person voting on `share` of the statements. */
function syntheticVotes(
  people: number,
  statements: number,
  share: number,
): { ids: string[]; votes: CastVote[] } {
  const random = createRandom(20_261_207);
  const leanings = Array.from({ length: 3 }, () =>
    Array.from({ length: statements }, () => random.next() * 2 - 1),
  );
  const ids = Array.from({ length: statements }, (_, index) => `s${index}`);
  const votes: CastVote[] = [];
  for (let person = 0; person < people; person++) {
    const leaning = leanings[person % 3] ?? [];
    for (let statement = 0; statement < statements; statement++) {
      if (random.next() >= share) continue;
      const pull = random.next() * 2 - 1 + (leaning[statement] ?? 0) * 0.8;
      const vote: Vote = pull > 0.4 ? 1 : pull < -0.4 ? -1 : 0;
      votes.push({ participant: `p${person}`, statement: ids[statement] ?? "", vote });
    }
  }
  return { ids, votes };
}

const time = <T>(run: () => T): [T, number] => {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
};
const megabytes = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

console.log("\n## Speed (one thread, synthetic votes of three opinion groups)\n");
console.log(
  "| size | votes | matrix alone (baseline) | analysis | ratio | warm start | ratio | heap after | rss after | bar |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [label, people, statements, share] of [
  ["1,000 × 200", 1_000, 200, 1],
  ["10,000 × 1,000", 10_000, 1_000, 0.2],
  ["10,000 × 1,000", 10_000, 1_000, 1],
] as const) {
  const { ids, votes } = syntheticVotes(people, statements, share);
  const [, matrixMs] = time(() => buildVoteMatrix(ids, votes));
  const [first, analysisMs] = time(() => analyse({ statements: ids, votes }));
  const [, warmMs] = time(() => analyse({ statements: ids, votes, previous: first.state }));
  const memory = process.memoryUsage();
  const bar = TIME_BARS[label] ?? Number.POSITIVE_INFINITY;
  if (analysisMs > bar) failed = true;
  console.log(
    `| ${label}${share < 1 ? `, ${share * 100} % voted` : ", all voted"} | ${votes.length.toLocaleString("en")} | ${Math.round(
      matrixMs,
    )} ms | ${Math.round(analysisMs)} ms | ${format(analysisMs / matrixMs, 1)}× | ${Math.round(warmMs)} ms | ${format(
      warmMs / matrixMs,
      1,
    )}× | ${megabytes(memory.heapUsed)} | ${megabytes(memory.rss)} | ${bar / 1000} s |`,
  );
}

console.log(
  "\n## Votes over HTTP (the built server, 500 participants, 20 connections, 10 s; baseline /readyz)\n",
);
console.log("| database | votes/s | p50 | p99 | errors | stored | /readyz req/s | ratio | bar |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
for (const kind of process.env.DATABASE_URL ? (["pglite", "postgres"] as const) : (["pglite"] as const)) {
  const figures = await measureVotes(kind);
  const met =
    figures.votesPerSecond >= VOTES_PER_SECOND_BAR && figures.p99 < VOTE_P99_BAR_MS && figures.errors === 0;
  if (!met) failed = true;
  console.log(
    `| ${kind} | ${Math.round(figures.votesPerSecond)} | ${figures.p50} ms | ${figures.p99} ms | ${figures.errors} | ${
      figures.stored
    } | ${Math.round(figures.readyzPerSecond)} | ${format(figures.votesPerSecond / figures.readyzPerSecond, 2)} | ${
      VOTES_PER_SECOND_BAR
    }/s, p99 < ${VOTE_P99_BAR_MS} ms${met ? "" : " (not met)"} |`,
  );
}

if (failed) {
  console.error("\nEen of meer grenzen niet gehaald.");
  process.exit(1);
}
