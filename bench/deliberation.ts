// Dilemma-wijzer benchmark (`npm run bench:deliberation`): the autosave of a step (decrypt, merge,
// re-encrypt under a row lock) and the step-4 page (which also ranks principle suggestions), against a
// trivial database query (`/readyz`) in the same run, on the built server in its production
// configuration with a fresh embedded database. Then 20 people autosaving at once. Only 127.0.0.1.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../app/infra/db.server.ts";
import { upsertUser } from "../app/modules/accounts/accounts.server.ts";
import { createLoginLink } from "../app/modules/accounts/login-links.server.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;
const USERS = 20;
const SAVES_PER_USER = 15;
const GOALS = { autosaveP95: 50, stepPageP95: 100 };
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vm-bench-deliberation-"));
const dataDir = path.join(work, "data");
const port = 3900 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;

// Sentences a civil servant might type in step 1; each save sends a different selection and order, so
// every autosave changes the record and really writes.
const SITUATION = [
  "Ik werk als beleidsmedewerker bij een uitvoeringsorganisatie die toeslagen terugvordert.",
  "Vorige week kreeg ik een dossier van een alleenstaande moeder die drie jaar te veel heeft ontvangen.",
  "Volgens de regels moet zij het hele bedrag in één keer terugbetalen, binnen zes weken.",
  "Zij schreef ons dat ze dat niet kan en dat haar huur dan niet meer betaald wordt.",
  "Mijn teamleider zegt dat we geen uitzonderingen maken, omdat dat oneerlijk is tegenover anderen.",
  "Tegelijk weet ik dat de fout deels bij ons lag: een brief uit 2022 was onduidelijk.",
  "De wet geeft ruimte voor een betalingsregeling, maar die wordt bijna nooit toegepast.",
  "Collega's zeggen dat een regeling extra werk is en dat de achterstanden al groot zijn.",
  "De directie wil dat we de doorlooptijden halen die in het jaarplan staan.",
  "Ik heb met haar gebeld en zij klonk wanhopig; ze wist niet dat ze bezwaar kon maken.",
  "Er ligt ook een signaal van de ombudsman over vergelijkbare gevallen in onze regio.",
  "Als ik niets doe, gaat de invordering automatisch verder en komt er een deurwaarder.",
  "In het systeem kan ik de termijn zelf niet aanpassen; daarvoor moet een senior tekenen.",
  "Die senior is deze week op cursus en reageert alleen op mail als het dringend is.",
  "Ik twijfel of mijn eigen gevoel hier niet te zwaar weegt, want ik ken haar verhaal nu.",
  "Een collega van de juridische afdeling denkt dat een regeling past, maar wil dat niet op papier zetten.",
];
const MOMENT = [
  "Vrijdag om vijf uur sluit de termijn voor bezwaar; daarna start de invordering vanzelf.",
  "Het teamoverleg van donderdagochtend is het laatste moment om dit aan te kaarten.",
];

function stepOneBody(round: number, revision: number) {
  const sentences = SITUATION.map((_, index) => SITUATION[(index + round) % SITUATION.length]);
  const situation = `${sentences.join(" ")} (aantekening ${round})`;
  return { revision, situation, moment: MOMENT[round % MOMENT.length] ?? "" };
}

/** Steps 2 and 3 filled in, so that step 4 has words to rank principles on. */
const STEPS_TWO_AND_THREE = {
  optionA: "De regels volgen en het volledige bedrag in één keer terugvorderen.",
  riskA: "Zij raakt haar huis kwijt, en wij veroorzaken een schuld die de overheid later weer oplost.",
  optionB: "Een betalingsregeling voorstellen en de onduidelijke brief erkennen.",
  riskB: "Mijn teamleider vindt dat ik voorrang geef, en andere burgers krijgen die kans niet.",
  perspectives: {
    burger: "Zij wil een eerlijke kans en begrijpen wat er van haar verwacht wordt.",
    organisatie: "De organisatie wil gelijke behandeling en haar doorlooptijden halen.",
    ik: "Ik wil kunnen uitleggen waarom ik koos wat ik koos.",
  },
  others: [{ who: "De ombudsman", need: "Zicht op hoe wij met vergelijkbare gevallen omgaan." }],
};

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

/** Sends one request and reads the whole answer; anything but a 2xx ends the benchmark. */
async function send(address: string, init: RequestInit & { cookie?: string } = {}) {
  const response = await fetch(`${base}${address}`, {
    ...init,
    redirect: "manual",
    headers: {
      Origin: base,
      ...(init.cookie ? { Cookie: init.cookie } : {}),
      ...(init.body && typeof init.body === "string" ? { "Content-Type": "application/json" } : {}),
    },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${address} answered ${response.status}`);
  return body;
}

async function timed<T>(times: number[], request: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await request();
  times.push(performance.now() - started);
  return result;
}

/** One autosave of step 1 on the revision the last one returned; returns the new revision. */
async function autosave(options: { id: string; cookie: string; round: number; revision: number }) {
  const body = JSON.stringify(stepOneBody(options.round, options.revision));
  const saved = JSON.parse(
    await send(`/api/v1/afwegingen/${options.id}/stappen/1`, {
      method: "PATCH",
      cookie: options.cookie,
      body,
    }),
  ) as { revision: number };
  if (saved.revision !== options.revision + 1) {
    throw new Error(`autosave on revision ${options.revision} came back as revision ${saved.revision}`);
  }
  return saved.revision;
}

if (process.env.DATABASE_URL) {
  console.log("DATABASE_URL is set; this benchmark still measures the embedded database (PGlite).");
}
execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });

// People and their login links go in before the server opens the folder: PGlite allows one process.
const loginLinks: string[] = [];
const database = await openDatabase({ dataDir });
try {
  await database.migrate();
  for (let index = 0; index < USERS; index++) {
    const email = `afweger-${index}@example.nl`;
    await upsertUser({ db: database.db, email });
    const { url } = await createLoginLink({
      db: database.db,
      config: { loginLinkMinutes: 15 },
      origin: base,
      email,
    });
    loginLinks.push(url);
  }
} finally {
  await database.close();
}

const server = spawn(process.execPath, ["server.js"], {
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    LOG_LEVEL: "info",
    NODE_ENV: "production",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
const log = fs.createWriteStream(path.join(work, "app.log"));
server.stdout?.pipe(log);
server.stderr?.pipe(log);
const exited = new Promise((resolve) => server.once("exit", resolve));

try {
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 300 || server.exitCode !== null) throw new Error("the server did not become ready");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const cookies: string[] = [];
  for (const link of loginLinks) {
    const token = new URL(link).searchParams.get("token") ?? "";
    const response = await fetch(`${base}/inloggen/bevestigen`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: base },
      body: new URLSearchParams({ token }),
    });
    const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
    if (!cookie.startsWith("vm_sessie="))
      throw new Error(`login answered ${response.status} without a session`);
    cookies.push(cookie);
  }
  const records: { id: string; cookie: string; revision: number }[] = [];
  for (const cookie of cookies) {
    const created = JSON.parse(
      await send("/api/v1/afwegingen", { method: "POST", cookie, body: JSON.stringify(STEPS_TWO_AND_THREE) }),
    ) as { id: string; revision: number };
    records.push({ id: created.id, cookie, revision: created.revision });
  }
  const [first] = records;
  if (!first) throw new Error("no record was made");

  // 1. Baseline: one trivial query behind the same middleware (logging, headers, metrics).
  const readyMs: number[] = [];
  for (let round = 0; round < WARMUP; round++) await send("/readyz");
  for (let round = 0; round < REQUESTS; round++) await timed(readyMs, () => send("/readyz"));

  // 2. Autosave of step 1, one after another, each building on the revision the last one returned.
  const saveMs: number[] = [];
  const sample = stepOneBody(0, 1);
  const textChars = sample.situation.length + sample.moment.length;
  let round = 0;
  for (; round < WARMUP; round++) first.revision = await autosave({ ...first, round });
  for (; round < WARMUP + REQUESTS; round++) {
    first.revision = await timed(saveMs, () => autosave({ ...first, round }));
  }

  // 3. The step-4 page: the record decrypted, the page rendered, principle suggestions ranked.
  const pageMs: number[] = [];
  const page = await send(`/afwegen/${first.id}/stap/4`, { cookie: first.cookie });
  if (!page.includes('class="vm-suggestion"')) throw new Error("step 4 showed no principle suggestions");
  for (let index = 0; index < WARMUP; index++)
    await send(`/afwegen/${first.id}/stap/4`, { cookie: first.cookie });
  for (let index = 0; index < REQUESTS; index++) {
    await timed(pageMs, () => send(`/afwegen/${first.id}/stap/4`, { cookie: first.cookie }));
  }

  // For context: step 1's page, the same record and layout without the suggestions.
  const plainPageMs: number[] = [];
  for (let index = 0; index < WARMUP; index++)
    await send(`/afwegen/${first.id}/stap/1`, { cookie: first.cookie });
  for (let index = 0; index < REQUESTS; index++) {
    await timed(plainPageMs, () => send(`/afwegen/${first.id}/stap/1`, { cookie: first.cookie }));
  }

  // 4. Twenty people autosaving at the same moment, each their own record, each chained on its revision.
  const concurrentMs: number[] = [];
  await Promise.all(
    records.map(async (record, index) => {
      record.revision = await autosave({ ...record, round: 1000 + index });
    }),
  );
  const startedAll = performance.now();
  await Promise.all(
    records.map(async (record, index) => {
      for (let save = 0; save < SAVES_PER_USER; save++) {
        record.revision = await timed(concurrentMs, () =>
          autosave({ ...record, round: 2000 + index * SAVES_PER_USER + save }),
        );
      }
    }),
  );
  const concurrentSeconds = (performance.now() - startedAll) / 1000;

  const baselineP95 = percentile(readyMs, 0.95);
  const row = (name: string, times: number[]) =>
    `| ${name} | ${times.length} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} | ${percentile(times, 0.99).toFixed(1)} | ${(percentile(times, 0.95) / baselineP95).toFixed(1)}× |`;
  console.log(
    `\nDilemma-wijzer on the built server, PGlite, production configuration, ${os.cpus().length} cores, Node ${process.versions.node}`,
  );
  console.log(`autosave text ${textChars} characters; step-4 page ${page.length} characters of HTML`);
  console.log("| request | requests | p50 ms | p95 ms | p99 ms | p95 / baseline p95 |");
  console.log("|---|---:|---:|---:|---:|---:|");
  console.log(row("baseline: GET /readyz (one trivial query)", readyMs));
  console.log(row("autosave: PATCH /api/v1/afwegingen/{id}/stappen/1", saveMs));
  console.log(row("step page: GET /afwegen/{id}/stap/4", pageMs));
  console.log(row("step page without suggestions: GET /afwegen/{id}/stap/1", plainPageMs));
  console.log(row(`autosave, ${USERS} people at once`, concurrentMs));
  console.log(
    `autosave p95 ${percentile(saveMs, 0.95).toFixed(1)} ms (goal < ${GOALS.autosaveP95} ms); ` +
      `step-4 page p95 ${percentile(pageMs, 0.95).toFixed(1)} ms (goal < ${GOALS.stepPageP95} ms)`,
  );
  console.log(
    `${USERS} people at once: ${(concurrentMs.length / concurrentSeconds).toFixed(0)} autosaves/s, ` +
      `p99 ${percentile(concurrentMs, 0.99).toFixed(1)} ms`,
  );
} finally {
  if (server.exitCode === null) server.kill("SIGTERM");
  await exited;
  fs.rmSync(work, { recursive: true, force: true });
}
