// Page benchmark (`npm run bench:pages`): a guide page served by the app in its production
// configuration (logging, security headers, metrics on) against the identical HTML served as a static
// file on the same machine, side by side in one run; the JavaScript weight of every route; and the
// p95 of the search API. Only 127.0.0.1 is targeted. Exits with 1 when a page loads more JavaScript
// than the budget.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import {
  kilobytes,
  logInEveryone,
  PAGE_JS_BUDGET_BYTES,
  PAGE_WEIGHT_ENV,
  prepareExampleData,
  weighEveryRoute,
} from "./page-weight.ts";
import { waitFor } from "./wait-for.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PAGE = "/gids/luister-naar-burgers";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vm-bench-"));

function startProcess(command: string, args: string[], env: Record<string, string>, logFile: string) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const log = fs.createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function stop(child: ChildProcess) {
  child.kill("SIGTERM");
}

execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
// The example pages' data and people, made before the app holds the embedded database.
const tokens = await prepareExampleData(path.join(work, "data"));
let overBudget: string[] = [];
const appPort = 3400 + Math.floor(Math.random() * 500);
const staticPort = appPort + 1;
const app = startProcess(
  process.execPath,
  ["server.js"],
  {
    PORT: String(appPort),
    DATA_DIR: path.join(work, "data"),
    LOG_LEVEL: "info",
    NODE_ENV: "production",
    DATABASE_URL: "",
    ...PAGE_WEIGHT_ENV,
  },
  path.join(work, "app.log"),
);
const base = `http://127.0.0.1:${appPort}`;
try {
  await waitFor(`${base}/readyz`);
  const html = await (await fetch(`${base}${PAGE}`)).text();
  const staticDir = path.join(work, "static");
  fs.mkdirSync(path.join(staticDir, "gids"), { recursive: true });
  fs.writeFileSync(path.join(staticDir, `${PAGE}.html`), html);
  const server = startProcess(
    process.execPath,
    ["--import", "tsx", "bench/static-server.ts", staticDir, String(staticPort)],
    {},
    path.join(work, "static.log"),
  );
  try {
    await waitFor(`http://127.0.0.1:${staticPort}${PAGE}`);
    // Warm both, then measure each; the load generator shares the machine with both servers alike.
    await autocannon({ url: `${base}${PAGE}`, connections: 10, duration: 2 });
    await autocannon({ url: `http://127.0.0.1:${staticPort}${PAGE}`, connections: 10, duration: 2 });
    const staticResult = await load(`http://127.0.0.1:${staticPort}${PAGE}`);
    const appResult = await load(`${base}${PAGE}`);
    const ratio = appResult.rps / staticResult.rps;
    // For context: the same app rendering every request (page cache off).
    const uncachedPort = appPort + 2;
    const uncached = startProcess(
      process.execPath,
      ["server.js"],
      {
        PORT: String(uncachedPort),
        DATA_DIR: path.join(work, "data-uncached"),
        LOG_LEVEL: "info",
        NODE_ENV: "production",
        DATABASE_URL: "",
        PAGE_CACHE_ENTRIES: "0",
      },
      path.join(work, "uncached.log"),
    );
    let uncachedResult: Awaited<ReturnType<typeof load>>;
    try {
      await waitFor(`http://127.0.0.1:${uncachedPort}/readyz`);
      await autocannon({ url: `http://127.0.0.1:${uncachedPort}${PAGE}`, connections: 10, duration: 2 });
      uncachedResult = await load(`http://127.0.0.1:${uncachedPort}${PAGE}`);
    } finally {
      stop(uncached);
    }

    console.log(
      `\nGuide page ${PAGE} (${html.length} bytes), ${CONNECTIONS} connections, ${DURATION} s each, ${os.cpus().length} cores`,
    );
    console.log("| server | requests/s | p50 ms | p99 ms | errors |");
    console.log("|---|---:|---:|---:|---:|");
    console.log(
      `| static file (express.static) | ${staticResult.rps.toFixed(0)} | ${staticResult.p50} | ${staticResult.p99} | ${staticResult.errors} |`,
    );
    console.log(
      `| app (production, logs + headers + metrics) | ${appResult.rps.toFixed(0)} | ${appResult.p50} | ${appResult.p99} | ${appResult.errors} |`,
    );
    console.log(
      `| app, page cache off (renders every request) | ${uncachedResult.rps.toFixed(0)} | ${uncachedResult.p50} | ${uncachedResult.p99} | ${uncachedResult.errors} |`,
    );
    console.log(
      `ratio app/static: ${ratio.toFixed(2)} (bar ≥ 0.80); app p99 ${appResult.p99} ms (bar < 50 ms)`,
    );
  } finally {
    stop(server);
  }

  // The JavaScript of every page in the route table, as a browser without a cache loads it.
  const weights = await weighEveryRoute({
    base,
    cookies: await logInEveryone(base, tokens),
  });
  console.log("\n| route | heaviest example | JS gzip kB | of which inline |");
  console.log("|---|---|---:|---:|");
  for (const weight of weights) {
    if (!weight.heaviest) {
      console.log(`| ${weight.id} | renders no page | – | – |`);
      continue;
    }
    const { example, bytes, inline } = weight.heaviest;
    const who = [example.as, example.language].filter(Boolean).join(", ");
    console.log(
      `| ${weight.id} | ${example.path}${who ? ` (${who})` : ""} | ${kilobytes(bytes)} | ${kilobytes(inline)} |`,
    );
  }
  const measured = weights.flatMap((weight) => (weight.heaviest ? [weight.heaviest.bytes] : []));
  overBudget = weights
    .filter((weight) => (weight.heaviest?.bytes ?? 0) > PAGE_JS_BUDGET_BYTES)
    .map((w) => w.id);
  console.log(
    `JavaScript per page: ${kilobytes(Math.min(...measured))} to ${kilobytes(Math.max(...measured))} kB gzip over ${measured.length} routes (budget ${kilobytes(PAGE_JS_BUDGET_BYTES)} kB); over budget: ${overBudget.join(", ") || "none"}`,
  );

  // Search API latency over a fixed set of queries, one request at a time.
  const queries = [
    "luisteren",
    "burgers",
    "burgrs",
    "tegenspraak",
    "bewindspersoon",
    "menselijke maat",
    "vertr",
    "open overheid",
    "xylofoon",
    "loyaal tegenspreken",
  ];
  const timings: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const query of queries) {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/zoeken?q=${encodeURIComponent(query)}`);
      await response.arrayBuffer();
      timings.push(performance.now() - started);
    }
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]?.toFixed(1);
  console.log(
    `\n/api/v1/zoeken over ${queries.length} queries × 20: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
  );
} finally {
  stop(app);
  await new Promise((resolve) => setTimeout(resolve, 500));
  fs.rmSync(work, { recursive: true, force: true });
}
if (overBudget.length > 0) process.exitCode = 1;
