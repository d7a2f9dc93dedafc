// Group-composition optimiser (`npm run bench:groups`): how close it gets, with one parameter set and one
// fixed seed, to the proven optima (n <= 12) and to the best-known values of the literature (n = 120,
// 240, 480) on the published MDGPLIB instances, beside the average of the state of the art (TPSDP).
// best_known.tsv is read only to report the gaps; the optimiser never sees it.
//
// Options: --data DIR (or MDGP_DATA_DIR; default ../shared/bench-data/mdgp from the repository root),
// --quick (shorter limits, one instance of each kind), --only REGEX (instances whose name matches),
// --scale X (multiply the time limits, for development).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  checkFeasible,
  type GroupingInstance,
  objectiveOf,
  parseMdgpInstance,
} from "../app/modules/kriskras/grouping/mdgp-instance.ts";
import { type SolveGroupsResult, solveGroups } from "../app/modules/kriskras/grouping/solve-groups.ts";

const SEED = 20_260_101;
const SMALL_LIMIT_MS = 200;
const LIMIT_MS: Record<number, number> = { 120: 3_000, 240: 20_000, 480: 120_000 };
const BAR_MEAN = 0.15;
const BAR_MAX = 0.6;
const TOLERANCE = 1e-3;

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes("--quick");
const only = option("--only") ? new RegExp(option("--only") as string) : null;
const scale = Number(option("--scale") ?? (quick ? 0.25 : 1));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(
  root,
  option("--data") ?? process.env.MDGP_DATA_DIR ?? "../shared/bench-data/mdgp",
);

type Known = { name: string; n: number; bestKnown: number; optimal: boolean; tpsdpAverage: number };
const known: Known[] = fs
  .readFileSync(path.join(dataDir, "best_known.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [name = "", n = "", , , best = "", status = "", tpsdp = ""] = line.split("\t");
    return {
      name,
      n: Number(n),
      bestKnown: Number(best),
      optimal: status === "optimal",
      tpsdpAverage: tpsdp === "" ? Number.NaN : Number(tpsdp),
    };
  })
  .filter((row) => !only || only.test(row.name));

const load = (name: string) =>
  parseMdgpInstance(fs.readFileSync(path.join(dataDir, "instances", `${name}.txt`), "utf8"));
const gapPercent = (value: number, best: number) => (100 * (best - value)) / best;
// Every reported objective is recounted from the assignment, which must respect the bounds.
function verified(instance: GroupingInstance, result: SolveGroupsResult, name: string): number {
  const report = checkFeasible(instance, result.assignment);
  const recount = objectiveOf(instance, result.assignment);
  if (!report.feasible || Math.abs(recount - result.objective) > TOLERANCE) {
    console.error(
      `${name}: INVALID RESULT ${report.problems.join("; ")} (objective ${result.objective}, recount ${recount})`,
    );
    process.exit(1);
  }
  return recount;
}
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

console.log(
  `${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)} at the start; data ${dataDir}`,
);

// Small instances: proven optima.
const small = known.filter((row) => row.optimal && (!quick || row.name.endsWith("_01")));
const misses: string[] = [];
let smallMs = 0;
for (const row of small) {
  const instance = load(row.name);
  const result = solveGroups({ instance, seed: SEED, timeLimitMs: SMALL_LIMIT_MS * scale });
  smallMs += result.elapsedMs;
  const objective = verified(instance, result, row.name);
  if (objective < row.bestKnown - TOLERANCE) {
    misses.push(`${row.name}: ${objective.toFixed(3)} < optimum ${row.bestKnown.toFixed(3)}`);
  }
}
if (small.length > 0) {
  console.log(
    `\nn <= 12: ${small.length - misses.length} of ${small.length} proven optima reached ` +
      `(${(SMALL_LIMIT_MS * scale).toFixed(0)} ms limit each, ${(smallMs / 1000).toFixed(1)} s in all)`,
  );
  for (const miss of misses) console.log(`  MISSED ${miss}`);
}

// Large instances: gap to the best known, beside TPSDP's average gap over 20 runs.
const large = known.filter((row) => !row.optimal && (!quick || /_0[1]$/.test(row.name)));
type Row = Known & { objective: number; gap: number; tpsdpGap: number; family: string; seconds: number };
const rows: Row[] = [];
if (large.length > 0) {
  console.log(`\nn >= 120: seed ${SEED}, one run each${scale !== 1 ? `, time limits × ${scale}` : ""}`);
  console.log("instance                 limit s    objective      best known    gap %   TPSDP avg gap %");
}
for (const row of large) {
  const limitMs = (LIMIT_MS[row.n] ?? 3_000) * scale;
  const instance = load(row.name);
  const result = solveGroups({ instance, seed: SEED, timeLimitMs: limitMs });
  const objective = verified(instance, result, row.name);
  const done: Row = {
    ...row,
    objective,
    gap: gapPercent(objective, row.bestKnown),
    tpsdpGap: gapPercent(row.tpsdpAverage, row.bestKnown),
    family: row.name.split("_")[0] ?? "",
    seconds: limitMs / 1000,
  };
  rows.push(done);
  console.log(
    `${row.name.padEnd(22)} ${done.seconds.toFixed(1).padStart(7)} ${done.objective.toFixed(3).padStart(14)} ` +
      `${row.bestKnown.toFixed(3).padStart(14)} ${done.gap.toFixed(3).padStart(8)} ${done.tpsdpGap.toFixed(3).padStart(12)}`,
  );
}

let barMet = misses.length === 0;
if (rows.length > 0) {
  const summary = (label: string, group: Row[]) =>
    console.log(
      `${label.padEnd(22)} ${String(group.length).padStart(3)} instances  mean gap ${mean(group.map((r) => r.gap)).toFixed(3)} %` +
        `  (TPSDP avg ${mean(group.map((r) => r.tpsdpGap)).toFixed(3)} %)`,
    );
  console.log("");
  for (const family of ["RanReal", "RanInt", "Geo"]) {
    const group = rows.filter((r) => r.family === family);
    if (group.length > 0) summary(family, group);
  }
  for (const n of [120, 240, 480]) {
    const group = rows.filter((r) => r.n === n);
    if (group.length > 0) summary(`n = ${n}`, group);
  }
  summary("all n >= 120", rows);
  const meanGap = mean(rows.map((r) => r.gap));
  // Some best-known values are beaten (they were found on slightly different copies of the matrices, or
  // are simply not optimal); counting those as 0 shows the figure without that help.
  console.log(
    `mean gap with results above the best known counted as 0: ${mean(rows.map((r) => Math.max(0, r.gap))).toFixed(3)} %`,
  );
  const worst = rows.reduce((a, b) => (b.gap > a.gap ? b : a));
  console.log(`max gap ${worst.gap.toFixed(3)} % (${worst.name})`);
  if (meanGap > BAR_MEAN || worst.gap > BAR_MAX) barMet = false;
  console.log(
    `bar: mean <= ${BAR_MEAN} % and max <= ${BAR_MAX} %: ${meanGap <= BAR_MEAN && worst.gap <= BAR_MAX ? "met" : "MISSED"}`,
  );
}
if (!barMet) process.exitCode = 1;
