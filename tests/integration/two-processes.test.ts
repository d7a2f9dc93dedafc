// Two app processes on one PostgreSQL server, started at the same moment: they migrate and seed once,
// serve the same guide, a change announced by one party reaches the other's page cache, and a vote cast
// through one reaches a facilitator's live stream on the other.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { PAGE_CACHE_CHANNEL } from "../../app/infra/services.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { importGuideDraft } from "../../app/modules/guide/guide-import.server.ts";
import { CONTENT_DIR, createTestDatabase, databaseKinds, type TestDatabase } from "./databases.ts";
import { readEventStream } from "./event-stream.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

// PGlite allows one process per data folder (tested in server-process.test.ts); this needs a server.
describe.each(databaseKinds.filter((kind) => kind === "postgres"))("two app processes on %s", () => {
  const ports = [3900 + Math.floor(Math.random() * 50), 3960 + Math.floor(Math.random() * 30)];
  let test: TestDatabase;
  let processes: ChildProcess[] = [];
  let database: Database;

  beforeAll(async () => {
    execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
    test = await createTestDatabase("postgres");
    processes = ports.map((port) =>
      spawn(process.execPath, ["server.js"], {
        env: { ...process.env, PORT: String(port), DATABASE_URL: test.url, LOG_LEVEL: "warn" },
        stdio: "inherit",
      }),
    );
    for (const port of ports) {
      for (let attempt = 0; ; attempt++) {
        const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) break;
        if (attempt > 300) throw new Error(`process on ${port} did not become ready`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    database = await test.openAnother();
  }, 120_000);

  afterAll(async () => {
    for (const child of processes) child.kill("SIGTERM");
    await Promise.all(processes.map((child) => new Promise((resolve) => child.once("exit", resolve))));
    await database?.close();
    await test?.drop();
  });

  it("seeds the guide once and both serve it", async () => {
    for (const port of ports) {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/versies`);
      const body = (await response.json()) as { versions: { number: number }[] };
      expect(body.versions.map((version) => version.number)).toEqual([2, 1]);
      expect((await fetch(`http://127.0.0.1:${port}/gids/luister-naar-burgers`)).status).toBe(200);
    }
  });

  it("a vote cast through one process is seen live by a facilitator following the other", async () => {
    const leader = await upsertUser({ db: database.db, email: "leider@example.nl" });
    await setUserRoles({ db: database.db, userId: leader.id, roles: ["gespreksleider"], actor: null });
    const { token } = await createApiToken({ quotas, db: database.db, userId: leader.id, name: "test" });
    const [first, second] = ports.map((port) => `http://127.0.0.1:${port}/api/v1`);
    const send = (base: string | undefined, path: string, method: string, body: unknown, headers = {}) =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          Origin: String(base).replace("/api/v1", ""),
          "Content-Type": "application/json",
          ...headers,
        },
        body: JSON.stringify(body),
      }).then((response) => response.json());
    const asLeader = { Authorization: `Bearer ${token}` };
    const session = await send(
      first,
      "/gesprekken",
      "POST",
      { title: "Over twee processen", questions: [{ kind: "schaal", text: "Klopt het?", principles: [] }] },
      asLeader,
    );
    const question = session.questions[0].id;
    await send(
      first,
      `/gesprekken/${session.id}/acties`,
      "POST",
      { action: "open", questionId: question },
      asLeader,
    );
    const abort = new AbortController();
    const events = readEventStream(`${first}/gesprekken/${session.id}/stroom`, {
      headers: asLeader,
      signal: abort.signal,
    })[Symbol.asyncIterator]();
    expect(JSON.parse((await events.next()).value?.data ?? "{}").current.answered).toBe(0);
    // The participant goes through the other process.
    const joined = await send(second, "/deelname", "POST", { code: session.joinCode });
    await send(
      second,
      `/deelname/antwoorden/${question}`,
      "PUT",
      { value: "4" },
      { "Deelnemer-Token": joined.token },
    );
    let answered = 0;
    while (answered === 0) answered = JSON.parse((await events.next()).value?.data ?? "{}").current.answered;
    expect(answered).toBe(1);
    abort.abort();
  });

  it("drops cached pages in both processes when a new draft is announced", async () => {
    const versionsPage = (port: number | undefined) =>
      fetch(`http://127.0.0.1:${port}/gids/versies`).then((response) => response.text());
    // The example draft's label is on the cached versions page until an import replaces the draft.
    const example = "VOORBEELD van een concept";
    for (const port of ports) expect(await versionsPage(port)).toContain(example);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-content-"));
    fs.cpSync(CONTENT_DIR, dir, { recursive: true });
    const file = path.join(dir, "gids", "waarden.md");
    fs.writeFileSync(
      file,
      fs.readFileSync(file, "utf8").replace("## Waarom waarden?", "## Waarom waarden tellen"),
    );

    expect(await importGuideDraft({ db: database.db, contentDir: dir, replace: true })).toEqual({
      number: 2,
    });
    await database.notify(PAGE_CACHE_CHANNEL, "guide");

    for (const port of ports) {
      await expect.poll(() => versionsPage(port), { timeout: 5000 }).not.toContain(example);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
