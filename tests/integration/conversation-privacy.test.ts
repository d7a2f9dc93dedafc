// A participant's answer cannot be tied to a person: whatever their phone sends along (a marker in the
// user agent, in a forwarded address, in a cookie) appears in no log line (at the most talkative
// level), in no backup and in no file of the data folder; the log lines of their actions hold no IP
// address; and only a hash of their token is stored. Controls prove each scan finds what it looks for.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackup } from "../../app/infra/backup.server.ts";
import { openDatabase } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { type BuiltServer, startBuiltServer } from "./built-server.ts";
import { filesContaining } from "./files-containing.ts";
import { freePort } from "./free-port.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-conversation-privacy-"));
const marker = `MARKERING-${randomUUID()}`;
const logLines: Buffer[] = [];
let server: BuiltServer;
let leaderToken = "";
const participantTokens: string[] = [];
let sessionId = "";

const api = (
  pathname: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) =>
  fetch(`${BASE}/api/v1${pathname}`, {
    method: init.method ?? "GET",
    headers: {
      Origin: BASE,
      "Content-Type": "application/json",
      "User-Agent": `Telefoon ${marker}`,
      "X-Forwarded-For": `203.0.113.7, ${marker}`,
      Cookie: `volger=${marker}`,
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  await database.migrate();
  const leader = await upsertUser({ db: database.db, email: "leider@example.nl" });
  await setUserRoles({ db: database.db, userId: leader.id, roles: ["gespreksleider"], actor: null });
  leaderToken = (await createApiToken({ quotas, db: database.db, userId: leader.id, name: "test" })).token;
  await database.close();
  server = await startBuiltServer({
    port: PORT,
    dataDir,
    env: { LOG_LEVEL: "trace", RATE_LIMITS: "on" },
    onStdout: (chunk) => logLines.push(chunk),
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a participant's answers", () => {
  it("are taken from phones that send all sorts of things along", async () => {
    const asLeader = { Authorization: `Bearer ${leaderToken}` };
    const made = await api("/gesprekken", {
      method: "POST",
      headers: asLeader,
      body: { title: "Privacy", questions: [{ kind: "open", text: "Wat helpt jou?", principles: [] }] },
    });
    expect(made.status).toBe(201);
    const conversation = (await made.json()) as { id: string; joinCode: string; questions: { id: string }[] };
    sessionId = conversation.id;
    const question = conversation.questions[0]?.id ?? "";
    await api(`/gesprekken/${conversation.id}/acties`, {
      method: "POST",
      headers: asLeader,
      body: { action: "open", questionId: question },
    });
    for (const text of ["Rust", "Tijd", "Vertrouwen"]) {
      const joined = await api("/deelname", { method: "POST", body: { code: conversation.joinCode } });
      expect(joined.status).toBe(201);
      const { token } = (await joined.json()) as { token: string };
      participantTokens.push(token);
      const answered = await api(`/deelname/antwoorden/${question}`, {
        method: "PUT",
        headers: { "Deelnemer-Token": token },
        body: { value: text },
      });
      expect(answered.status).toBe(200);
    }
  });

  it("leave no marker and no address in the log lines", async () => {
    await server.stop();
    const log = Buffer.concat(logLines).toString("utf8");
    // Control: the participants' requests were logged.
    expect(log).toContain("/api/v1/deelname/antwoorden/");
    expect(log).not.toContain(marker);
    expect(log).not.toContain("203.0.113.7");
    for (const line of log.split("\n").filter((entry) => entry.includes("/deelname"))) {
      expect(line).not.toMatch(/127\.0\.0\.1|remoteAddress|"ip"/);
    }
    for (const token of participantTokens) expect(log).not.toContain(token);
  });

  it("leave no marker, address or token in a backup or the data folder", async () => {
    const database = await openDatabase({ dataDir });
    const dump = path.join(os.tmpdir(), `vm-conversation-privacy-${randomUUID()}.jsonl`);
    try {
      await database.db.execute("checkpoint");
      await writeBackup({ db: database.db, out: dump });
      const backup = fs.readFileSync(dump, "utf8");
      // Control: the conversation and the answers are in it.
      expect(backup).toContain(sessionId);
      expect(backup).toContain("Vertrouwen");
      expect(backup).not.toContain(marker);
      expect(backup).not.toContain("203.0.113.7");
      for (const token of participantTokens) expect(backup).not.toContain(token);
    } finally {
      await database.close();
      fs.rmSync(dump, { force: true });
    }
    expect(filesContaining(dataDir, Buffer.from(marker))).toEqual([]);
    expect(filesContaining(dataDir, Buffer.from("203.0.113.7"))).toEqual([]);
    // Control: plain text that is stored (an e-mail address) is found by the same scan.
    expect(filesContaining(dataDir, Buffer.from("leider@example.nl")).length).toBeGreaterThan(0);
  });
});
