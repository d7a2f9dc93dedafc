// The clients and process handling that the live benchmark (`bench/live.ts`) and the memory soak
// (`bench/soak.ts`) share: HTTP calls and event streams over node:http, a room's participants joining and
// listening, the server process started, sampled and stopped, and the limits a room of thousands on one
// address needs. Only 127.0.0.1 is ever called.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import zlib from "node:zlib";
import type { Db } from "../app/infra/db.server.ts";
import type { Config } from "../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../app/modules/accounts/api-tokens.server.ts";

/** A whole number above 0 from the environment variable `name`, or `fallback` when it is not set. */
export function positive(name: string, fallback: number) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0`);
  return value;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The dilemmas a benchmark conversation asks, in turn. */
export const DILEMMAS = [
  {
    text: "Een collega vertelt je in vertrouwen dat een cijfer in de Kamerbrief niet klopt. De brief gaat morgen weg. Wat doe je?",
    optionA: "Ik meld het vandaag bij mijn leidinggevende, ook zonder toestemming van mijn collega.",
    optionB: "Ik vraag mijn collega eerst om het zelf te melden, en help daarbij.",
  },
  {
    text: "De minister wil een besluit snel nemen; jij denkt dat burgers eerst gehoord moeten worden. Wat doe je?",
    optionA: "Ik adviseer uitstel en een korte ronde langs de betrokken burgers.",
    optionB: "Ik werk mee aan het snelle besluit en leg mijn zorg schriftelijk vast.",
  },
  {
    text: "Een burger belt boos over een fout van jouw afdeling en vraagt om een uitzondering. Wat doe je?",
    optionA: "Ik houd me aan de regels en leg uit waarom ze er zijn.",
    optionB: "Ik zoek de ruimte die de regels laten en bespreek dat met mijn team.",
  },
];

/** The body of a conversation to make through the API: `questions` of the dilemmas above, in turn. */
export function benchConversation(title: string, questions: number) {
  return {
    title,
    questions: Array.from({ length: questions }, (_, index) => ({
      kind: "dilemma",
      ...DILEMMAS[index % DILEMMAS.length],
      principles: [],
    })),
  };
}

/** Everything that went wrong, by kind, with the first few messages for a diagnosis. */
export class Errors {
  readonly counts = new Map<string, number>();
  readonly examples: string[] = [];
  add(kind: string, detail: string) {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    if (this.examples.length < 8) this.examples.push(`${kind}: ${detail}`);
  }
  get total() {
    return [...this.counts.values()].reduce((sum, n) => sum + n, 0);
  }
}

/**
 * Reads an event stream as it arrives (the browser's rules for `event`, `id` and `data`). Phones' streams
 * skip the data lines' content: the load generator shares the machine and only needs the ids.
 */
export class EventReader {
  private rest = "";
  private type = "";
  private id: string | undefined;
  private data: string[] = [];
  private hasData = false;
  /** Characters received, for the report. */
  bytes = 0;
  constructor(
    private readonly keepData: boolean,
    private readonly onEvent: (type: string, id: string | undefined, data: string) => void,
  ) {}
  push(chunk: string) {
    this.bytes += chunk.length;
    const text = this.rest + chunk;
    let start = 0;
    for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
      this.line(text.slice(start, end));
      start = end + 1;
    }
    this.rest = text.slice(start);
  }
  private line(line: string) {
    if (line === "") {
      if (this.hasData) this.onEvent(this.type || "message", this.id, this.data.join("\n"));
      this.type = "";
      this.data = [];
      this.hasData = false;
      return;
    }
    if (line.startsWith("data:")) {
      this.hasData = true;
      if (this.keepData) this.data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
    } else if (line.startsWith("event:")) this.type = line.slice(6).trim();
    else if (line.startsWith("id:")) this.id = line.slice(3).trim();
  }
}

export interface Target {
  name: string;
  port: number;
  process: ChildProcess;
  /** Headers that make the caller the facilitator. */
  facilitator: Record<string, string>;
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

// node:http rather than fetch: Node's fetch shares one connection pool per origin, too small for 2,000
// open streams, and undici's own Agent is not a dependency here. Streams get their own agent so an answer
// never waits for a socket.
const requestAgent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
/** A request sent again goes on a new connection: the other idle ones may have been closed at once too. */
const freshAgent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

let staleRetries = 0;

/** Requests sent again because a kept-alive connection was closed under them, as browsers do. */
export const staleRetryCount = () => staleRetries;

/** One request; `body` goes as JSON, `form` as a browser posts a form. */
export function call(
  target: Target,
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: unknown; form?: URLSearchParams } = {},
  retried = false,
): Promise<Reply> {
  const [payload, type] =
    options.form !== undefined
      ? [options.form.toString(), "application/x-www-form-urlencoded"]
      : options.body !== undefined
        ? [JSON.stringify(options.body), "application/json"]
        : [undefined, undefined];
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        method,
        path: pathname,
        agent: retried ? freshAgent : requestAgent,
        headers: {
          Origin: `http://127.0.0.1:${target.port}`,
          ...(payload === undefined
            ? {}
            : { "Content-Type": type, "Content-Length": Buffer.byteLength(payload) }),
          ...options.headers,
        },
      },
      (res) => {
        // A caller that asked for gzip reads the body unpacked, as a browser would.
        const unpacked = res.headers["content-encoding"] === "gzip" ? res.pipe(zlib.createGunzip()) : res;
        let body = "";
        unpacked.setEncoding("utf8");
        unpacked.on("data", (chunk: string) => {
          body += chunk;
        });
        unpacked.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
        if (unpacked !== res) unpacked.on("error", reject);
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server closed an idle kept-alive connection as this request went out on it (its timer and
      // our reuse crossed). Browsers send the request again on a new connection; so do we, once (on a
      // kept-alive one, the retry could meet the next connection the server closed at the same moment).
      if (req.reusedSocket && error.code === "ECONNRESET" && !retried) {
        staleRetries++;
        call(target, method, pathname, options, true).then(resolve, reject);
      } else reject(error);
    });
    req.end(payload);
  });
}

/** Opens an event stream; resolves once the server answered 200 with an event stream. */
export function openStream(
  target: Target,
  pathname: string,
  headers: Record<string, string>,
  reader: EventReader,
  onBroken: (reason: string) => void,
): Promise<{ close(): void }> {
  return new Promise((resolve, reject) => {
    let closing = false;
    const req = http.get(
      {
        host: "127.0.0.1",
        port: target.port,
        path: pathname,
        agent: streamAgent,
        headers: { Accept: "text/event-stream", ...headers },
      },
      (res) => {
        if (res.statusCode !== 200 || !String(res.headers["content-type"]).startsWith("text/event-stream")) {
          res.resume();
          reject(new Error(`${pathname} answered ${res.statusCode}`));
          return;
        }
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => reader.push(chunk));
        res.on("close", () => {
          if (!closing) onBroken(`${pathname} ended by the server`);
        });
        res.on("error", (error) => {
          if (!closing) onBroken(`${pathname}: ${error.message}`);
        });
        resolve({
          close() {
            closing = true;
            req.destroy();
          },
        });
      },
    );
    req.on("error", (error) => {
      if (!closing) onBroken(`${pathname}: ${error.message}`);
      reject(error);
    });
  });
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function inBatches<T>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        await task(items[index] as T, index);
      }
    }),
  );
}

/** Joins `count` participants to the conversation with `joinCode`; gives their tokens. */
export async function joinParticipants(target: Target, joinCode: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  await inBatches(
    Array.from({ length: count }, (_, index) => index),
    20,
    async (index) => {
      const joined = await call(target, "POST", "/api/v1/deelname", { body: { code: joinCode } });
      if (joined.status !== 201) throw new Error(`joining answered ${joined.status}: ${joined.body}`);
      tokens[index] = (JSON.parse(joined.body) as { token: string }).token;
    },
  );
  return tokens;
}

/**
 * Opens each participant's stream and waits for its first snapshot. `onEvent` hears every event of the
 * participant at `index`; problem events and broken streams are counted in `errors`.
 */
export async function openParticipantStreams(options: {
  /** The server, or per participant the server it joined (with several app processes). */
  target: Target | ((index: number) => Target);
  tokens: string[];
  errors: Errors;
  onEvent: (index: number, type: string, id: string | undefined) => void;
}): Promise<{ streams: { close(): void }[]; readers: EventReader[] }> {
  const streams: { close(): void }[] = [];
  const readers: EventReader[] = [];
  await inBatches(options.tokens, 50, async (token, index) => {
    let first: () => void = () => {};
    const firstEvent = new Promise<void>((done) => {
      first = done;
    });
    const reader = new EventReader(false, (type, id) => {
      options.onEvent(index, type, id);
      if (type === "problem") options.errors.add("problem event", "participant stream");
      else if (type === "tally") first();
    });
    readers.push(reader);
    const target = typeof options.target === "function" ? options.target(index) : options.target;
    streams.push(
      await openStream(target, "/api/v1/deelname/stroom", { "Deelnemer-Token": token }, reader, (reason) =>
        options.errors.add("stream broken", reason),
      ),
    );
    await firstEvent;
  });
  return { streams, readers };
}

/** A process's resident memory now, in MB. */
export function residentMb(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Samples a process's resident memory and CPU time from /proc once a second. */
export function sampleProcess(pid: number) {
  const ticksPerSecond = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;
  const cpuSeconds = () => {
    if (!fs.existsSync(`/proc/${pid}/stat`)) throw new Error(`process ${pid} stopped during the run`);
    // Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  };
  const startRss = residentMb(pid);
  let maxRss = startRss;
  const timer = setInterval(() => {
    try {
      maxRss = Math.max(maxRss, residentMb(pid));
    } catch {}
  }, 1000);
  return {
    startRss,
    cpuSeconds,
    stop() {
      clearInterval(timer);
      try {
        maxRss = Math.max(maxRss, residentMb(pid));
      } catch {}
      return maxRss;
    },
  };
}

export function openFilesLimit(pid: number | "self") {
  const limits = fs.readFileSync(`/proc/${pid}/limits`, "utf8");
  return /Max open files\s+(\S+)/.exec(limits)?.[1] ?? "?";
}

export function startProcess(args: string[], env: Record<string, string | undefined>, logFile: string) {
  // The log goes straight to its file: piped through this process, a server's line per request would
  // cost the load generator's core.
  const log = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  return child;
}

export async function waitForReady(port: number, child: ChildProcess) {
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (attempt > 300 || child.exitCode !== null) throw new Error(`the server on port ${port} did not start`);
    await sleep(200);
  }
}

export async function stopProcess(child: ChildProcess) {
  // A process killed by a signal (a Ctrl-C in the terminal reaches it too) has no exit code, only a signal.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * The app's limits for a room of `participants` answering `rate` times a second, all from 127.0.0.1.
 * Limits are configuration: the defaults stop more than 1,000 joins and 6,000 answers a minute, 500
 * joins of one session and 1,000 open streams from one address, and here every phone is 127.0.0.1.
 * They stay on, raised, unless the environment says otherwise.
 */
export function liveRoomLimits(options: { participants: number; rate: number }): Record<string, string> {
  const { participants, rate } = options;
  return {
    RATE_LIMITS: process.env.RATE_LIMITS ?? "on",
    CONVERSATION_JOINS_PER_IP: process.env.CONVERSATION_JOINS_PER_IP ?? String(participants * 2),
    CONVERSATION_ANSWERS_PER_IP: process.env.CONVERSATION_ANSWERS_PER_IP ?? String(rate * 60 * 2),
    CONVERSATION_JOINS_PER_IP_PER_CONVERSATION:
      process.env.CONVERSATION_JOINS_PER_IP_PER_SESSION ?? String(participants * 2),
    // Every stream comes from 127.0.0.1 too; the default cap per address is 1,000.
    CONVERSATION_STREAMS_PER_IP: process.env.CONVERSATION_STREAMS_PER_IP ?? String(participants + 10),
    CONVERSATION_STREAMS_TOTAL:
      process.env.CONVERSATION_STREAMS_TOTAL ?? String(Math.max(10_000, participants + 10)),
  };
}

/** Makes the facilitator (a gespreksleider) in a database the server does not hold yet; gives an API token. */
export async function createFacilitatorToken(options: { db: Db; quotas: Config["quotas"] }) {
  const leader = await upsertUser({ db: options.db, email: "gespreksleider@example.nl" });
  await setUserRoles({ db: options.db, userId: leader.id, roles: ["gespreksleider"], actor: null });
  return (await createApiToken({ db: options.db, quotas: options.quotas, userId: leader.id, name: "bench" }))
    .token;
}
