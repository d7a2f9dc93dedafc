// Votes over HTTP in a consultation (part of `npm run bench:consultation`): the built server on a fresh
// database (embedded, and the PostgreSQL server of DATABASE_URL when set), 500 participants who joined
// through the page, and votes posted to the page as a phone without JavaScript posts them, by 20
// connections for 10 seconds. The baseline in the same run, with the same load generator and
// connections, is `/readyz`: one trivial query through the whole stack. Only 127.0.0.1 is loaded.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { count } from "drizzle-orm";
import { openDatabase } from "../app/infra/db.server.ts";
import { consultationVotes } from "../app/modules/consultation/consultation.schema.ts";
import { ConsultationInput } from "../app/modules/consultation/consultation.validation.ts";
import { createConsultation } from "../app/modules/consultation/running.server.ts";
import { freshServerDatabase } from "./fresh-database.ts";
import { waitFor } from "./wait-for.ts";

const PARTICIPANTS = 500;
const STATEMENTS = 200;
const CONNECTIONS = 20;
const SECONDS = 10;
const SLUG = "bench-stemmen";
export const VOTES_PER_SECOND_BAR = 500;
export const VOTE_P99_BAR_MS = 100;

export interface VoteFigures {
  kind: "pglite" | "postgres";
  votesPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  stored: number;
  readyzPerSecond: number;
  readyzP99: number;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function prepare(options: { dataDir: string; databaseUrl?: string }): Promise<void> {
  const database = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  await database.migrate();
  await createConsultation({
    db: database.db,
    input: ConsultationInput.parse({
      question: "Hoeveel stemmen per seconde kan de server aan?",
      slug: SLUG,
      access: "anoniem",
      participantStatements: "niet",
      opensOn: day(-1),
      closesOn: day(7),
      statements: Array.from({ length: STATEMENTS }, (_, index) => `Stelling ${index} voor de meting`),
    }),
  });
  await database.close();
}

async function storedVotes(options: { dataDir: string; databaseUrl?: string }): Promise<number> {
  const database = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const [row] = await database.db.select({ value: count() }).from(consultationVotes);
  await database.close();
  return row?.value ?? 0;
}

export async function measureVotes(kind: "pglite" | "postgres"): Promise<VoteFigures> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "vm-bench-votes-"));
  const server = kind === "postgres" ? await freshServerDatabase("votes") : null;
  const where = { dataDir: path.join(work, "data"), databaseUrl: server?.url };
  await prepare(where);
  const port = 4100 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: where.dataDir,
      DATABASE_URL: server?.url ?? "",
      LOG_LEVEL: "warn",
      RATE_LIMITS: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}/readyz`);
    const page = `${base}/peilingen/${SLUG}`;
    const cookies: string[] = [];
    for (let person = 0; person < PARTICIPANTS; person++) {
      const joined = await fetch(page, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=meedoen",
      });
      const cookie = joined.headers.get("set-cookie")?.split(";")[0];
      if (joined.status !== 303 || !cookie) throw new Error(`joining answered ${joined.status}`);
      cookies.push(cookie);
    }
    const readyz = await autocannon({ url: `${base}/readyz`, connections: CONNECTIONS, duration: 5 });
    let sent = 0;
    const votes = await autocannon({
      url: page,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const person = sent % PARTICIPANTS;
            const statement = Math.floor(sent / PARTICIPANTS) % STATEMENTS;
            const vote = ["eens", "oneens", "overslaan"][sent % 3];
            sent++;
            return {
              ...request,
              headers: {
                Origin: base,
                Cookie: cookies[person] ?? "",
                "Content-Type": "application/x-www-form-urlencoded",
              },
              body: `intent=stem&stelling=${statement}&stem=${vote}`,
            };
          },
        },
      ],
    });
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    const done = votes.statusCodeStats?.["303"]?.count ?? 0;
    return {
      kind,
      votesPerSecond: done / SECONDS,
      p50: votes.latency.p50,
      p99: votes.latency.p99,
      errors: votes.requests.total - done,
      stored: await storedVotes(where),
      readyzPerSecond: readyz.requests.average,
      readyzP99: readyz.latency.p99,
    };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await server?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
