// Limits benchmark (`npm run bench:limits`): what a flood of oversized form posts costs the app, against
// a plain server that reads each body whole (what an unbounded `request.formData()` does), side by side
// in one run. Both get the same flood: BENCH_POSTS chunked posts of BENCH_POST_MB each, all at once,
// from this process over 127.0.0.1. Reported: how far each server's resident memory rose above where it
// was (sampled every 10 ms), how the posts were answered, and whether /readyz still answers in time.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { waitFor } from "./wait-for.ts";

const POSTS = Number(process.env.BENCH_POSTS ?? 40);
const POST_MB = Number(process.env.BENCH_POST_MB ?? 16);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vm-bench-limits-"));

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Resident memory of a process now, in MB (Linux). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** One chunked form post of `megabytes`, sent as fast as the socket takes it; gives the status or an error. */
function oversizedPost(port: number, megabytes: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const piece = Buffer.alloc(64 * 1024, "a");
    const chunk = Buffer.concat([
      Buffer.from(`${piece.length.toString(16)}\r\n`),
      piece,
      Buffer.from("\r\n"),
    ]);
    let sent = 0;
    let answer = "";
    const more = () => {
      while (sent < megabytes * 1024 * 1024 && !socket.destroyed) {
        sent += piece.length;
        if (!socket.write(chunk)) return void socket.once("drain", more);
      }
      if (!socket.destroyed) socket.write("0\r\n\r\n");
    };
    socket.on("connect", () => {
      socket.write(
        `POST /doe-mee HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
          "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n",
      );
      more();
    });
    socket.on("data", (data: Buffer) => {
      answer ||= /^HTTP\/1\.1 (\d{3})/.exec(data.toString("latin1"))?.[1] ?? "";
      if (answer) socket.destroy();
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve(answer || "closed"));
  });
}

async function flood(port: number, pid: number) {
  const before = rssMb(pid);
  // The process's own peak (VmHWM) may date from its start-up, so resident memory is sampled instead.
  let highest = before;
  const sampler = setInterval(() => {
    highest = Math.max(highest, rssMb(pid));
  }, 10);
  const started = performance.now();
  const posts = Promise.all(Array.from({ length: POSTS }, () => oversizedPost(port, POST_MB)));
  // Health during the flood: the slowest of ten /readyz calls, one every 100 ms.
  let slowestReady = 0;
  let readyFailures = 0;
  for (let probe = 0; probe < 10; probe++) {
    const t = performance.now();
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (!ok) readyFailures++;
    slowestReady = Math.max(slowestReady, performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answers = await posts;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const counts = new Map<string, number>();
  for (const answer of answers) counts.set(answer, (counts.get(answer) ?? 0) + 1);
  return { before, growth: highest - before, seconds, counts, slowestReady, readyFailures };
}

execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
const appPort = 3900 + Math.floor(Math.random() * 500);
const basePort = appPort + 1;
const app = start(["server.js"], {
  PORT: String(appPort),
  DATA_DIR: path.join(work, "data"),
  LOG_LEVEL: "warn",
  NODE_ENV: "production",
  DATABASE_URL: "",
});
const baseline = start(["--import", "tsx", "bench/buffering-server.ts", String(basePort)], {});
try {
  await waitFor(`http://127.0.0.1:${appPort}/readyz`);
  await waitFor(`http://127.0.0.1:${basePort}/readyz`);
  const appResult = await flood(appPort, app.pid ?? 0);
  const baseResult = await flood(basePort, baseline.pid ?? 0);
  const summarise = (counts: Map<string, number>) =>
    [...counts].map(([status, count]) => `${count}× ${status}`).join(", ");
  console.log(
    `\n${POSTS} chunked form posts of ${POST_MB} MB at once (${POSTS * POST_MB} MB), ${os.cpus().length} cores, Node ${process.version}`,
  );
  console.log(
    "| server | resident before MB | memory rise MB | answers | seconds | slowest /readyz ms | /readyz failures |",
  );
  console.log("|---|---:|---:|---|---:|---:|---:|");
  for (const [name, result] of [
    ["plain server that reads bodies whole (baseline)", baseResult],
    ["app (FORM_BODY_LIMIT_KB 256)", appResult],
  ] as const) {
    console.log(
      `| ${name} | ${result.before.toFixed(0)} | ${result.growth.toFixed(1)} | ${summarise(result.counts)} | ${result.seconds.toFixed(1)} | ${result.slowestReady.toFixed(0)} | ${result.readyFailures} |`,
    );
  }
  const ratio = appResult.growth / Math.max(1, baseResult.growth);
  console.log(`memory growth app/baseline: ${ratio.toFixed(3)}`);
  const refused = appResult.counts.get("413") ?? 0;
  if (refused !== POSTS || appResult.readyFailures > 0) {
    console.error(
      `the app refused ${refused} of ${POSTS} posts with 413 and missed /readyz ${appResult.readyFailures}×`,
    );
    process.exitCode = 1;
  }
} finally {
  app.kill("SIGTERM");
  baseline.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  fs.rmSync(work, { recursive: true, force: true });
}
