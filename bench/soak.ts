// Memory soak (`npm run bench:soak`): the built app in its production configuration (a fresh embedded
// database, or the PostgreSQL database in DATABASE_URL when that is set) under a mixed load for ten
// minutes (BENCH_SOAK_SECONDS to change that): a live room of 2,000 participants answering 100 times a
// second (bench/soak-live-room.ts), 20 people thinking dilemmas through in the Dilemma-wijzer
// (bench/soak-wijzer.ts) and 4 readers of the guide, the dilemma cards and the search
// (bench/soak-readers.ts), all at once; the room is filled before the clock starts. The server's
// resident memory is sampled every 5 seconds. Printed: a chart of it, the requests per kind, every error
// and the machine's load average; the samples go to a CSV file (BENCH_SOAK_CSV, else
// bench/results/soak-<time>.csv). Bar: after the first minute the memory grows by no more than 10 %
// (bench/soak-memory.ts says how that is measured) and nothing fails; exits with 1 when it is not met.
// Only 127.0.0.1 is loaded.
import { type ChildProcess, execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../app/infra/db.server.ts";
import { parseConfig } from "../app/infra/env.server.ts";
import {
  createFacilitatorToken,
  liveRoomLimits,
  positive,
  residentMb,
  sleep,
  staleRetryCount,
  startProcess,
  stopProcess,
  type Target,
  waitForReady,
} from "./live-clients.ts";
import { openLiveRoom } from "./soak-live-room.ts";
import { growthAfterWarmUp, type MemorySample, memoryChart } from "./soak-memory.ts";
import { Outcomes } from "./soak-outcomes.ts";
import { readerAddresses, readGuide } from "./soak-readers.ts";
import { createPeople, useDilemmaWijzer } from "./soak-wijzer.ts";

const SECONDS = positive("BENCH_SOAK_SECONDS", 600);
const PARTICIPANTS = 2000;
const RATE = 100;
const PEOPLE = 20;
const READERS = 4;
const SAMPLE_SECONDS = 5;
const WARM_UP_SECONDS = 60;
/** The memory at the end of the warm-up is the highest sample of this many seconds up to it. */
const REFERENCE_SECONDS = 15;
const BAR = { growth: 0.1 };
if (SECONDS < WARM_UP_SECONDS + 30) {
  // Half a minute after the warm-up is six samples: less says nothing about growth.
  throw new Error(`BENCH_SOAK_SECONDS must be at least ${WARM_UP_SECONDS + 30}`);
}

execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
const stop = new AbortController();
/** Why the loads stop when nothing went wrong. */
const TIME_UP = "time is up";
// Ctrl-C (or a kill) ends the loads early and still stops the server and removes the temporary folder; a
// second Ctrl-C ends at once.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => stop.abort(new Error(`stopped by ${signal}`)));
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vm-bench-soak-"));
const port = 4900 + Math.floor(Math.random() * 500);
const appEnv: Record<string, string | undefined> = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: path.join(work, "data"),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  NODE_ENV: "production",
  ...liveRoomLimits({ participants: PARTICIPANTS, rate: RATE }),
  // Every person starts a record about every half minute, far beyond the default of 30 an hour.
  QUOTA_DELIBERATIONS_PER_HOUR: process.env.QUOTA_DELIBERATIONS_PER_HOUR ?? "10000",
};
const config = parseConfig(appEnv);

/** One sample every SAMPLE_SECONDS from `startedAt` to the end of the soak; the end of the soak too. */
async function sampleMemory(options: { app: ChildProcess; outcomes: Outcomes; startedAt: number }) {
  const samples: MemorySample[] = [];
  const megabytes = (metrics: string, name: string) => {
    const value = new RegExp(`^${name} (\\S+)`, "m").exec(metrics)?.[1];
    return value === undefined ? undefined : Number(value) / 1024 / 1024;
  };
  for (let n = 0; n * SAMPLE_SECONDS <= SECONDS && !stop.signal.aborted; n++) {
    await sleep(options.startedAt + n * SAMPLE_SECONDS * 1000 - performance.now());
    let rssMb: number;
    try {
      rssMb = residentMb(options.app.pid ?? 0);
    } catch {
      options.outcomes.errors.add("server stopped", `the server was gone after ${n * SAMPLE_SECONDS} s`);
      stop.abort(new Error("the server stopped during the soak"));
      break;
    }
    // The heap in use and the memory outside it (buffers, and PGlite's WebAssembly memory), from the
    // server's own Prometheus figures: they tell a leak in JavaScript from one elsewhere.
    const metrics = (await options.outcomes.request("metrics", "GET", "/metrics"))?.body ?? "";
    samples.push({
      seconds: n * SAMPLE_SECONDS,
      rssMb,
      heapMb: megabytes(metrics, "nodejs_heap_size_used_bytes"),
      externalMb: megabytes(metrics, "nodejs_external_memory_bytes"),
    });
  }
  stop.abort(TIME_UP);
  return samples;
}

/** The server's own error lines (JSON at level error or worse, or anything it wrote that is not JSON). */
function serverErrors(logFile: string) {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && (!line.startsWith("{") || /"level":(5|6)\d/.test(line)))
    .slice(0, 10)
    .map((line) => line.slice(0, 300));
}

const logFile = path.join(work, "app.log");
let app: ChildProcess | undefined;
let run: Awaited<ReturnType<typeof soak>> | undefined;

async function soak() {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let facilitatorToken: string;
  let loginTokens: string[];
  try {
    await database.migrate();
    facilitatorToken = await createFacilitatorToken({ db: database.db, quotas: config.quotas });
    loginTokens = await createPeople({ db: database.db, count: PEOPLE });
  } finally {
    await database.close();
  }
  stop.signal.throwIfAborted();
  app = startProcess(["server.js"], appEnv, logFile);
  await waitForReady(port, app);
  const target: Target = {
    name: `app (production configuration, ${config.databaseUrl ? "PostgreSQL" : "PGlite"})`,
    port,
    process: app,
    facilitator: { Authorization: `Bearer ${facilitatorToken}` },
  };
  const outcomes = new Outcomes(target);
  // Finding the pages to read and filling the room (2,000 joins and streams) come before the clock
  // starts: the first minute is then a minute of the full load, not of setting it up.
  const addresses = await readerAddresses(outcomes);
  const settingUp = performance.now();
  const room = await openLiveRoom({ target, outcomes, participants: PARTICIPANTS, seconds: SECONDS });
  const roomSeconds = (performance.now() - settingUp) / 1000;
  const loadBefore = os.loadavg()[0] ?? 0;
  const startedAt = performance.now();
  const { signal } = stop;
  const loads = [
    room
      .hold({ rate: RATE, endsAt: startedAt + SECONDS * 1000, signal })
      // A room that fails ends the soak early rather than at its end.
      .catch((error: unknown) => {
        stop.abort(error);
        throw error;
      })
      .finally(room.close),
    Promise.all(loginTokens.map((token) => useDilemmaWijzer({ outcomes, token, signal }))),
    Promise.all(
      Array.from({ length: READERS }, (_, reader) =>
        readGuide({ outcomes, addresses, first: Math.floor((reader * addresses.length) / READERS), signal }),
      ),
    ),
    sampleMemory({ app, outcomes, startedAt }),
  ] as const;
  // Every load winds down before the server is stopped; then the first failure, if any, is thrown.
  await Promise.allSettled(loads);
  const [held, records, , samples] = await Promise.all(loads);
  return {
    target,
    outcomes,
    room: { streams: room.streams, seconds: roomSeconds, ...held },
    records: records.reduce((sum, n) => sum + n, 0),
    samples,
    load: [loadBefore, os.loadavg()[0] ?? 0] as const,
  };
}

try {
  run = await soak();
} catch (error) {
  console.error(`\nThe soak stopped: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  if (app) await stopProcess(app);
  // The temporary folder goes, so the server's own complaints are shown before it does.
  if (process.exitCode === 1 || (run?.outcomes.errors.total ?? 0) > 0) {
    for (const line of serverErrors(logFile)) console.error(`  server: ${line}`);
  }
  fs.rmSync(work, { recursive: true, force: true });
}

if (run) {
  const { outcomes, room, samples } = run;
  const growth = growthAfterWarmUp(samples, {
    warmUpSeconds: WARM_UP_SECONDS,
    windowSeconds: REFERENCE_SECONDS,
  });
  console.log(
    `\nMemory soak on 127.0.0.1 for ${SECONDS} s: ${run.target.name}; a live room of ${PARTICIPANTS} ` +
      `participants answering ${RATE} times a second, ${PEOPLE} people in the Dilemma-wijzer, ${READERS} ` +
      `readers of the guide; ${os.cpus().length} cores, Node ${process.versions.node}; load generator in ` +
      "this process.",
  );
  console.log(`\nResident memory of the server, every ${SAMPLE_SECONDS} s (dashes: the bar):`);
  const limitMb = growth ? growth.referenceMb * (1 + BAR.growth) : undefined;
  for (const line of memoryChart(samples, { limitMb, markSeconds: WARM_UP_SECONDS })) console.log(line);
  const mb = (value: number | undefined) => (value === undefined ? "–" : value.toFixed(0));
  /** The highest of a figure in the warm-up (`after` false) or after it. */
  const highest = (figure: "heapMb" | "externalMb", after: boolean) => {
    const values = samples
      .filter((sample) => sample.seconds > WARM_UP_SECONDS === after)
      .flatMap((sample) => (sample[figure] === undefined ? [] : [sample[figure]]));
    return values.length === 0 ? undefined : Math.max(...values);
  };
  console.log(
    `\nRSS ${mb(samples[0]?.rssMb)} MB at the start, ${mb(growth?.referenceMb)} MB at ${WARM_UP_SECONDS} s ` +
      `(the highest of ${WARM_UP_SECONDS - REFERENCE_SECONDS}–${WARM_UP_SECONDS} s), ${mb(growth?.highestMb)} MB ` +
      `the highest after, ${mb(samples.at(-1)?.rssMb)} MB at the end. Highest in the first minute and after it: ` +
      `JavaScript heap in use ${mb(highest("heapMb", false))} and ${mb(highest("heapMb", true))} MB, memory ` +
      `outside it ${mb(highest("externalMb", false))} and ${mb(highest("externalMb", true))} MB.`,
  );
  console.log(
    `Live room: joined, with ${room.streams} streams open, in ${room.seconds.toFixed(0)} s before the ` +
      `clock started; ${room.questionsOpened} questions opened, ${room.answers} answers of which ` +
      `${room.changedAnswers} changed. Dilemma-wijzer: ${run.records} records thought through, read and deleted.`,
  );
  console.log(
    `Requests: ${[...outcomes.sent]
      .sort(([, a], [, b]) => b - a)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(", ")}; sent again after a kept-alive connection closed: ${staleRetryCount()}.`,
  );
  console.log(
    `Machine load average (1 min): ${run.load[0].toFixed(1)} at the start, ${run.load[1].toFixed(1)} at ` +
      `the end, on ${os.cpus().length} cores.`,
  );
  const csv = path.resolve(
    process.env.BENCH_SOAK_CSV ?? `bench/results/soak-${new Date().toISOString().replace(/[:.]/g, "-")}.csv`,
  );
  fs.mkdirSync(path.dirname(csv), { recursive: true });
  const rows = [
    "seconds,rss_mb,heap_used_mb,external_mb",
    ...samples.map((sample) =>
      [sample.seconds, sample.rssMb, sample.heapMb, sample.externalMb]
        .map((value) => (value === undefined ? "" : value.toFixed(1)))
        .join(","),
    ),
  ];
  fs.writeFileSync(csv, rows.map((row) => `${row}\n`).join(""));
  console.log(`Samples: ${csv}`);
  for (const [kind, n] of outcomes.errors.counts) console.log(`  errors, ${kind}: ${n}`);
  for (const example of outcomes.errors.examples) console.log(`  e.g. ${example}`);
  const grew = growth ? growth.growth : Number.NaN;
  const met = stop.signal.reason === TIME_UP && grew <= BAR.growth && outcomes.errors.total === 0;
  console.log(
    `\n${stop.signal.reason === TIME_UP ? "" : `stopped early (${String(stop.signal.reason)}); `}` +
      `memory growth after the first minute ${Number.isNaN(grew) ? "–" : `${(grew * 100).toFixed(1)} %`} ` +
      `(bar ≤ ${BAR.growth * 100} %), errors ${outcomes.errors.total} (bar 0): bar ${met ? "met" : "NOT met"}`,
  );
  if (!met) process.exitCode = 1;
}
