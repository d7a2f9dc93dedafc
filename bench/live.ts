// Live conversation benchmark (`npm run bench:live`): one session, one facilitator stream and 2,000
// participant streams; answers at 200 a second for 30 seconds, spread over three questions opened one
// after another, a quarter of them changed answers. Measured: the time from sending an answer to the
// facilitator's stream counting it, how long a newly opened question takes to reach every phone, errors,
// and the memory and CPU of the server process. First the built app in its production configuration
// (a fresh embedded database, or the PostgreSQL database in DATABASE_URL when that is set), then, in the
// same run and with the same load generator, a minimal raw SSE broadcast server with the same coalescing
// (`bench/live-baseline.ts`). Only the API is used; only 127.0.0.1 is loaded. Exits non-zero when any
// request or stream failed. BENCH_PROCESSES=<n> runs n app processes on the same database (meant for a
// PostgreSQL server in DATABASE_URL): participant i joins, follows and answers through process i mod n,
// the facilitator uses the first; the server CPU is the sum of all of them.
//
// The facilitator sees a count, never whose answer it was, so an answer is taken as shown by the first
// facilitator event whose count reaches that answer's place among the first answers to the question,
// in the order they were sent. Requests that overtake each other inside the server can make that a
// little early; the strict figure also waits until the answer's own response has come back, which makes
// it a little late. The truth lies between the two. Changed answers do not move the count: they are
// load, not measured.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { openDatabase } from "../app/infra/db.server.ts";
import { parseConfig } from "../app/infra/env.server.ts";
import {
  benchConversation,
  call,
  createFacilitatorToken,
  Errors,
  EventReader,
  joinParticipants,
  liveRoomLimits,
  openFilesLimit,
  openParticipantStreams,
  openStream,
  positive,
  sampleProcess,
  sleep,
  staleRetryCount,
  startProcess,
  stopProcess,
  type Target,
  waitForReady,
} from "./live-clients.ts";

const PARTICIPANTS = positive("BENCH_PARTICIPANTS", 2000);
const RATE = positive("BENCH_RATE", 200);
const SECONDS = positive("BENCH_SECONDS", 30);
const QUESTIONS = positive("BENCH_QUESTIONS", 3);
const PROCESSES = positive("BENCH_PROCESSES", 1);
const SENDS_PER_QUESTION = Math.round((RATE * SECONDS) / QUESTIONS);
/** Every fourth answer sent changes an earlier one to the same question. */
const CHANGES_PER_QUESTION = Math.floor(SENDS_PER_QUESTION / 4);
const FIRSTS_PER_QUESTION = SENDS_PER_QUESTION - CHANGES_PER_QUESTION;
/** An answer the facilitator's stream has not counted this long after the last answer came back is an error. */
const SETTLE_MS = 5000;
const BAR = { p99Ms: 250 };
if (FIRSTS_PER_QUESTION > PARTICIPANTS) {
  throw new Error(
    `${FIRSTS_PER_QUESTION} first answers per question need as many participants; raise BENCH_PARTICIPANTS`,
  );
}

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

interface Pending {
  expected: number;
  sentAt: number;
  respondedAt?: number;
  strictDone?: boolean;
}

/** One full run against a server (or several processes of it): session, streams, three questions of answers. */
async function measure(targets: Target[]) {
  const target = targets[0] as Target;
  /** The process participant `index` joined, follows and answers through. */
  const targetOf = (index: number) => targets[index % targets.length] as Target;
  const errors = new Errors();
  const shown: number[] = [];
  const shownStrict: number[] = [];
  const putMs: number[] = [];
  const sendLagMs: number[] = [];
  const questionOnPhonesMs: number[] = [];
  let sent = 0;
  let participantEvents = 0;
  const samplers = targets.map((each) => sampleProcess(each.process.pid ?? 0));
  const sampler = {
    startRss: samplers.reduce((sum, each) => sum + each.startRss, 0),
    cpuSeconds: () => samplers.reduce((sum, each) => sum + each.cpuSeconds(), 0),
    stop: () => samplers.reduce((sum, each) => sum + each.stop(), 0),
  };
  // Other work on the machine shows here: the load generator and the server share its cores.
  const loadBefore = os.loadavg()[0] ?? 0;
  const retriesBefore = staleRetryCount();

  const made = await call(target, "POST", "/api/v1/gesprekken", {
    headers: target.facilitator,
    body: benchConversation("Benchmark: teamoverleg", QUESTIONS),
  });
  if (made.status !== 201) throw new Error(`making the session answered ${made.status}: ${made.body}`);
  const session = JSON.parse(made.body) as { id: string; joinCode: string; questions: { id: string }[] };

  // The facilitator's stream: what it last showed, and the answers still waiting to be counted.
  let facilitatorQuestion: string | undefined;
  let facilitatorAnswered = 0;
  let facilitatorEvents = 0;
  let active: string | undefined;
  let pending: Pending[] = [];
  let pendingFrom = 0;
  let strictFrom = 0;
  const resolve = (answered: number, now: number) => {
    while (pendingFrom < pending.length && (pending[pendingFrom] as Pending).expected <= answered) {
      shown.push(now - (pending[pendingFrom] as Pending).sentAt);
      pendingFrom++;
    }
    // The strict measure also waits for the answer's own response: an upper bound when requests overtake
    // each other inside the server.
    for (let index = strictFrom; index < pendingFrom; index++) {
      const entry = pending[index] as Pending;
      if (entry.strictDone || entry.respondedAt === undefined || entry.respondedAt > now) continue;
      entry.strictDone = true;
      shownStrict.push(now - entry.sentAt);
    }
    while (strictFrom < pendingFrom && (pending[strictFrom] as Pending).strictDone) strictFrom++;
  };
  const facilitatorReader = new EventReader(true, (type, _id, data) => {
    if (type === "problem") return errors.add("problem event", `facilitator: ${data}`);
    if (type !== "tally") return;
    facilitatorEvents++;
    const snapshot = JSON.parse(data) as { current: { question: { id: string }; answered: number } | null };
    facilitatorQuestion = snapshot.current?.question.id;
    facilitatorAnswered = snapshot.current?.answered ?? 0;
    if (facilitatorQuestion === active) resolve(facilitatorAnswered, performance.now());
  });
  const streams: { close(): void }[] = [];
  streams.push(
    await openStream(
      target,
      `/api/v1/gesprekken/${session.id}/stroom`,
      target.facilitator,
      facilitatorReader,
      (reason) => errors.add("stream broken", reason),
    ),
  );

  // Participants join, then each opens its stream and waits for its first snapshot.
  const joined = await Promise.all(
    targets.map((each, k) =>
      joinParticipants(each, session.joinCode, Math.ceil((PARTICIPANTS - k) / targets.length)),
    ),
  );
  const tokens = Array.from(
    { length: PARTICIPANTS },
    (_, index) => joined[index % targets.length]?.[Math.floor(index / targets.length)] ?? "",
  );
  const phones = tokens.map(() => ({ lastId: 0, log: undefined as [number, number][] | undefined }));
  const { streams: phoneStreams, readers: phoneReaders } = await openParticipantStreams({
    target: targetOf,
    tokens,
    errors,
    onEvent: (index, type, id) => {
      participantEvents++;
      if (type !== "tally") return;
      const phone = phones[index] as (typeof phones)[number];
      phone.lastId = Number(id);
      phone.log?.push([phone.lastId, performance.now()]);
    },
  });
  streams.push(...phoneStreams);

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const inflight: Promise<void>[] = [];
  // Answering windows only: from the first send of a question until its last answer was counted.
  let answerSeconds = 0;
  let windowSeconds = 0;
  let serverCpu = 0;
  let generatorCpu = 0;

  for (let q = 0; q < QUESTIONS; q++) {
    const questionId = session.questions[q]?.id ?? "";
    // Open the question; wait until the facilitator and every phone show it.
    for (const phone of phones) phone.log = [];
    const openedAt = performance.now();
    const opened = await call(target, "POST", `/api/v1/gesprekken/${session.id}/acties`, {
      headers: target.facilitator,
      body: { action: "open", questionId },
    });
    if (opened.status !== 200)
      throw new Error(`opening a question answered ${opened.status}: ${opened.body}`);
    const openVersion = (JSON.parse(opened.body) as { version: number }).version;
    for (let waited = 0; ; waited += 10) {
      if (facilitatorQuestion === questionId && phones.every((phone) => phone.lastId >= openVersion)) break;
      if (waited > 10_000) {
        const missing = phones.filter((phone) => phone.lastId < openVersion).length;
        errors.add("question not shown", `${missing} phones did not show question ${q + 1} within 10 s`);
        break;
      }
      await sleep(10);
    }
    for (const phone of phones) {
      const at = phone.log?.find(([id]) => id >= openVersion)?.[1];
      if (at !== undefined) questionOnPhonesMs.push(at - openedAt);
      phone.log = undefined;
    }

    // Answers at RATE a second, sent on schedule whether or not earlier ones came back. Participants
    // rotate over the questions, so each answers two or three of them; every fourth send changes the
    // answer of someone who answered earlier in this question.
    active = questionId;
    pending = [];
    pendingFrom = 0;
    strictFrom = 0;
    const offset = (q * (PARTICIPANTS - FIRSTS_PER_QUESTION)) % PARTICIPANTS;
    const firstValue = new Map<number, "a" | "b">();
    let firsts = 0;
    let changes = 0;
    const send = (slot: number, due: number) => {
      const isChange = slot % 4 === 3 && changes < CHANGES_PER_QUESTION;
      const who = (offset + (isChange ? changes++ : firsts++)) % PARTICIPANTS;
      const value = isChange ? (firstValue.get(who) === "a" ? "b" : "a") : Math.random() < 0.5 ? "a" : "b";
      if (!isChange) firstValue.set(who, value);
      const sentAt = performance.now();
      sendLagMs.push(sentAt - due);
      const entry: Pending | undefined = isChange ? undefined : { expected: firsts, sentAt };
      if (entry) pending.push(entry);
      sent++;
      inflight.push(
        call(targetOf(who), "PUT", `/api/v1/deelname/antwoorden/${questionId}`, {
          headers: { "Deelnemer-Token": tokens[who] ?? "" },
          body: { value },
        }).then(
          (reply) => {
            const now = performance.now();
            putMs.push(now - sentAt);
            if (entry) entry.respondedAt = now;
            if (reply.status !== 200) errors.add(`answer ${reply.status}`, reply.body.slice(0, 200));
          },
          (error: Error) => errors.add("answer failed", error.message),
        ),
      );
    };
    const cpuBefore = sampler.cpuSeconds();
    const generatorBefore = process.cpuUsage();
    const start = performance.now();
    loopDelay.enable();
    for (let slot = 0; slot < SENDS_PER_QUESTION; ) {
      const now = performance.now();
      while (slot < SENDS_PER_QUESTION && start + (slot * 1000) / RATE <= now) {
        send(slot, start + (slot * 1000) / RATE);
        slot++;
      }
      if (slot < SENDS_PER_QUESTION)
        await sleep(Math.max(0, start + (slot * 1000) / RATE - performance.now()));
    }
    answerSeconds += (performance.now() - start) / 1000;
    await Promise.all(inflight.splice(0));
    const lastReply = performance.now();
    while (pendingFrom < pending.length && performance.now() - lastReply < SETTLE_MS) await sleep(10);
    loopDelay.disable();
    serverCpu += sampler.cpuSeconds() - cpuBefore;
    const generatorUsed = process.cpuUsage(generatorBefore);
    generatorCpu += (generatorUsed.user + generatorUsed.system) / 1e6;
    windowSeconds += (performance.now() - start) / 1000;
    if (pendingFrom < pending.length) {
      errors.add(
        "answer not counted",
        `${pending.length - pendingFrom} answers to question ${q + 1} not shown after ${SETTLE_MS} ms (facilitator shows ${facilitatorAnswered})`,
      );
    }
    if (facilitatorAnswered !== FIRSTS_PER_QUESTION) {
      errors.add(
        "wrong count",
        `question ${q + 1}: ${facilitatorAnswered} counted, ${FIRSTS_PER_QUESTION} sent`,
      );
    }
    active = undefined;
  }

  const maxRss = sampler.stop();
  for (const stream of streams) stream.close();
  return {
    name: target.name,
    sent,
    answerSeconds,
    shown,
    shownStrict,
    putMs,
    sendLagMs,
    questionOnPhonesMs,
    facilitatorEvents,
    participantEvents,
    participantMb: phoneReaders.reduce((sum, reader) => sum + reader.bytes, 0) / 1024 / 1024,
    errors,
    startRss: sampler.startRss,
    maxRss,
    serverCpuSeconds: serverCpu,
    serverCpuShare: serverCpu / windowSeconds,
    load: [loadBefore, os.loadavg()[0] ?? 0],
    generatorCpuShare: generatorCpu / windowSeconds,
    generatorLoopP99: loopDelay.percentile(99) / 1e6,
    staleRetries: staleRetryCount() - retriesBefore,
    openFiles: openFilesLimit(target.process.pid ?? "self"),
  };
}

execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vm-bench-live-"));
const appPort = 4300 + Math.floor(Math.random() * 500);
const baselinePort = appPort + 1;
const appEnv: Record<string, string | undefined> = {
  ...process.env,
  PORT: String(appPort),
  DATA_DIR: path.join(work, "data"),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  NODE_ENV: "production",
  ...liveRoomLimits({ participants: PARTICIPANTS, rate: RATE }),
};
const config = parseConfig(appEnv);

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let facilitatorToken: string;
try {
  await database.migrate();
  facilitatorToken = await createFacilitatorToken({ db: database.db, quotas: config.quotas });
} finally {
  await database.close();
}

const results: Awaited<ReturnType<typeof measure>>[] = [];
// A failed run keeps the servers' logs (the app's JSON request log, the baseline's output) for a look.
const keepLogs = (error: unknown) => {
  console.error(`\nThe benchmark stopped; the servers' logs are in ${work}`);
  throw error;
};
if (PROCESSES > 1 && !config.databaseUrl) {
  throw new Error("BENCH_PROCESSES above 1 needs a PostgreSQL server in DATABASE_URL");
}
// The processes take the ports after the baseline's.
const appPorts = Array.from({ length: PROCESSES }, (_, k) => (k === 0 ? appPort : baselinePort + k));
const apps = appPorts.map((port, k) =>
  startProcess(
    // BENCH_CPU_PROFILE=<folder>: the app writes a V8 CPU profile there when it stops (for finding where
    // its time goes; open it in Chrome's DevTools).
    process.env.BENCH_CPU_PROFILE
      ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(process.env.BENCH_CPU_PROFILE), "server.js"]
      : ["server.js"],
    { ...appEnv, PORT: String(port) },
    path.join(work, k === 0 ? "app.log" : `app-${k + 1}.log`),
  ),
);
try {
  for (const [k, app] of apps.entries()) await waitForReady(appPorts[k] ?? 0, app);
  const database = config.databaseUrl ? "PostgreSQL" : "PGlite";
  results.push(
    await measure(
      apps.map((app, k) => ({
        name: `app (production configuration, ${database}${PROCESSES > 1 ? `, ${PROCESSES} processes` : ""})`,
        port: appPorts[k] ?? 0,
        process: app,
        facilitator: { Authorization: `Bearer ${facilitatorToken}` },
      })),
    ),
  );
} catch (error) {
  keepLogs(error);
} finally {
  for (const app of apps) await stopProcess(app);
}
const baseline = startProcess(
  ["--import", "tsx", "bench/live-baseline.ts", String(baselinePort)],
  process.env,
  path.join(work, "baseline.log"),
);
try {
  await waitForReady(baselinePort, baseline);
  results.push(
    await measure([
      {
        name: "baseline (raw node:http SSE)",
        port: baselinePort,
        process: baseline,
        facilitator: {},
      },
    ]),
  );
} catch (error) {
  keepLogs(error);
} finally {
  await stopProcess(baseline);
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(0));
console.log(
  `\nLive conversations on 127.0.0.1: 1 session, 1 facilitator stream, ${PARTICIPANTS} participant streams; ` +
    `${RATE} answers/s for ${SECONDS} s over ${QUESTIONS} questions opened one after another ` +
    `(${FIRSTS_PER_QUESTION} first answers, measured, and ${CHANGES_PER_QUESTION} changed answers per question); ` +
    `${os.cpus().length} cores, Node ${process.versions.node}; load generator in this process.`,
);
console.log(
  `App limits: RATE_LIMITS=${config.rateLimits.enabled ? "on" : "off"}, ` +
    `CONVERSATION_JOINS_PER_IP=${config.conversations.rateLimits.joinPerIp}/min, ` +
    `CONVERSATION_ANSWERS_PER_IP=${config.conversations.rateLimits.answerPerIp}/min, ` +
    `CONVERSATION_JOINS_PER_IP_PER_SESSION=${config.conversations.joinsPerIpPerConversation}, ` +
    `CONVERSATION_STREAMS_PER_IP=${config.conversations.streams.perIp}, ` +
    `CONVERSATION_MAX_PARTICIPANTS=${config.conversations.maxParticipants}, ` +
    `CONVERSATION_MIN_ANSWERS=${config.conversations.minAnswers}, ` +
    `RATE_LIMIT_API_PER_TOKEN=${config.rateLimits.apiPerToken}/min, LOG_LEVEL=${config.logLevel}; ` +
    `live-hub coalescing 100 ms. Open files allowed: load generator ${openFilesLimit("self")}, ` +
    results.map((result) => `${result.name.split(" ")[0]} ${result.openFiles}`).join(", "),
);
console.log(
  "\n| server | answers | answers/s | shown p50 ms | p95 ms | p99 ms | max ms | p99 strict ms | PUT p99 ms | question on all phones max ms | events to phones | errors | RSS start MB | RSS max MB | server CPU |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.sent} | ${(r.sent / r.answerSeconds).toFixed(0)} | ${ms(percentile(r.shown, 0.5))} | ` +
      `${ms(percentile(r.shown, 0.95))} | ${ms(percentile(r.shown, 0.99))} | ${ms(percentile(r.shown, 1))} | ` +
      `${ms(percentile(r.shownStrict, 0.99))} | ${ms(percentile(r.putMs, 0.99))} | ` +
      `${ms(percentile(r.questionOnPhonesMs, 1))} | ${r.participantEvents} (${r.participantMb.toFixed(0)} MB) | ` +
      `${r.errors.total} | ${r.startRss.toFixed(0)} | ${r.maxRss.toFixed(0)} | ${(r.serverCpuShare * 100).toFixed(0)} % |`,
  );
}
for (const r of results) {
  console.log(
    `${r.name}: ${r.shown.length} answers measured; facilitator events ${r.facilitatorEvents}; load generator ` +
      `CPU ${(r.generatorCpuShare * 100).toFixed(0)} % of a core, its event loop delay p99 ` +
      `${r.generatorLoopP99.toFixed(1)} ms, sends late p99 ${ms(percentile(r.sendLagMs, 0.99))} ms; ` +
      `server CPU ${r.serverCpuSeconds.toFixed(1)} s while answering; requests sent again after a ` +
      `kept-alive connection closed: ${r.staleRetries}; machine load average ` +
      `${r.load.map((n) => n.toFixed(1)).join(" → ")}`,
  );
  for (const [kind, n] of r.errors.counts) console.log(`  errors, ${kind}: ${n}`);
  for (const example of r.errors.examples) console.log(`  e.g. ${example}`);
}
const busiest = Math.max(...results.flatMap((r) => r.load));
if (busiest > os.cpus().length) {
  console.log(
    `\nThe machine was busy with other work (load average up to ${busiest.toFixed(1)} on ${os.cpus().length} cores): ` +
      "these figures say more about that than about the servers. Run again when it is quiet.",
  );
}
const [appResult, baselineResult] = results as [(typeof results)[0], (typeof results)[0]];
const appP99 = percentile(appResult.shown, 0.99);
const ratio = appP99 / percentile(baselineResult.shown, 0.99);
const errorsTotal = results.reduce((sum, r) => sum + r.errors.total, 0);
console.log(
  `\nratio of p99s app/baseline: ${ratio.toFixed(2)}; app p99 ${ms(appP99)} ms (bar < ${BAR.p99Ms} ms), ` +
    `errors ${errorsTotal} (bar 0): bar ${appP99 < BAR.p99Ms && errorsTotal === 0 ? "met" : "NOT met"}`,
);
fs.rmSync(work, { recursive: true, force: true });
if (errorsTotal > 0) process.exitCode = 1;
