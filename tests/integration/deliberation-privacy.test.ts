// What a person writes in the Dilemma-wijzer stays theirs: a marker written through every way in (the
// step forms, autosave through the API, a refused save, a save from a stale tab, a save after the login
// ran out, share links, downloads, the card draft) appears in none of the server's log lines (at the
// most talkative level), in no backup and in no file of the data folder. Controls prove each scan can
// find what it looks for.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackup } from "../../app/infra/backup.server.ts";
import { openDatabase } from "../../app/infra/db.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createLoginLink } from "../../app/modules/accounts/login-links.server.ts";
import { type BuiltServer, startBuiltServer } from "./built-server.ts";
import { filesContaining } from "./files-containing.ts";
import { freePort } from "./free-port.ts";

const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-privacy-"));
const OWNER = "eigenaar@example.nl";
const EDITOR = "redacteur@example.nl";
// Letters only: the card draft replaces runs of digits that could be a phone or case number, so a
// random id with such a run would be (rightly) scrubbed from the draft.
const marker = `MARKERING-${randomUUID()
  .replace(/[0-9-]/g, "")
  .toUpperCase()}`;
const logLines: Buffer[] = [];
let shareToken = "";
let server: BuiltServer;
const cookies: Record<string, string> = {};
const links: Record<string, string> = {};

const send = (address: string, init: RequestInit & { cookie?: string } = {}) =>
  fetch(`${BASE}${address}`, {
    ...init,
    redirect: "manual",
    headers: {
      Origin: BASE,
      ...(init.cookie ? { Cookie: init.cookie } : {}),
      ...(init.headers as Record<string, string>),
    },
  });
const postForm = (address: string, form: Record<string, string>, cookie?: string) =>
  send(address, { method: "POST", body: new URLSearchParams(form), cookie });

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  await database.migrate();
  for (const [email, roles] of [
    [OWNER, []],
    [EDITOR, ["redacteur"]],
  ] as const) {
    const user = await upsertUser({ db: database.db, email });
    await setUserRoles({ db: database.db, userId: user.id, roles: [...roles], actor: null });
    links[email] = (
      await createLoginLink({ db: database.db, config: { loginLinkMinutes: 15 }, origin: BASE, email })
    ).url;
  }
  await database.close();
  server = await startBuiltServer({
    port: PORT,
    dataDir,
    env: { LOG_LEVEL: "trace", ALLOWED_EMAIL_DOMAINS: "example.nl", RATE_LIMITS: "off" },
    onStdout: (chunk) => logLines.push(chunk),
  });
  for (const email of [OWNER, EDITOR]) {
    const token = new URL(links[email] ?? "").searchParams.get("token") ?? "";
    const response = await postForm("/inloggen/bevestigen", { token });
    cookies[email] = response.headers.get("set-cookie")?.split(";")[0] ?? "";
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a record's text in logs, backups and files", () => {
  let id = "";

  it("goes in through every way a person writes", async () => {
    const owner = cookies[OWNER];
    const started = await postForm("/afwegen", {}, owner);
    expect(started.status).toBe(303);
    id = /\/afwegen\/([0-9a-f-]{36})\/stap\/1/.exec(started.headers.get("location") ?? "")?.[1] ?? "";
    expect(id).not.toBe("");
    const step = (n: number) => `/afwegen/${id}/stap/${n}`;

    // A step form, saved on submit.
    const saved = await postForm(
      step(1),
      { revisie: "1", situation: `Situatie ${marker}`, naar: "volgende" },
      owner,
    );
    expect(saved.status).toBe(303);
    // Autosave through the API.
    const autosaved = await send(`/api/v1/afwegingen/${id}/stappen/2`, {
      method: "PATCH",
      cookie: owner,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ revision: 2, optionA: `A ${marker}` }),
    });
    expect(autosaved.status).toBe(200);
    // Refused: too long, and from a tab that is behind.
    const tooLong = await postForm(step(6), { revisie: "3", choice: `${marker} ${"x".repeat(1100)}` }, owner);
    expect(tooLong.status).toBe(400);
    const stale = await postForm(step(5), { revisie: "1", alternatives: `Anders ${marker}` }, owner);
    expect(stale.status).toBe(409);
    const staleApi = await send(`/api/v1/afwegingen/${id}/stappen/5`, {
      method: "PATCH",
      cookie: owner,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ revision: 1, alternatives: `Anders ${marker}` }),
    });
    expect(staleApi.status).toBe(409);
    // After the login ran out: kept for later, sent to log in.
    const loggedOut = await postForm(step(7), { revisie: "3", accountability: `Later ${marker}` });
    expect(loggedOut.status).toBe(302);
    expect(loggedOut.headers.get("set-cookie")).toMatch(/^vm_concept=/);

    // Reading it back: the page, the downloads, a share link, suggestions, the card draft.
    for (const address of [
      `/afwegen/${id}`,
      `${step(1)}`,
      `/afwegen/${id}/download?formaat=markdown`,
      `/afwegen/${id}/download?formaat=json`,
      `/api/v1/afwegingen/${id}`,
      `/api/v1/afwegingen/${id}/export?formaat=markdown`,
      `/api/v1/afwegingen/${id}/suggesties`,
      `/afwegen/${id}/dilemmakaart`,
    ]) {
      const response = await send(address, { cookie: owner });
      expect(response.status, address).toBe(200);
      if (!address.endsWith("suggesties")) expect(await response.text(), address).toContain(marker);
    }
    const shared = await postForm(`/afwegen/${id}`, { intent: "link-maken" }, owner);
    const shareUrl = /\/afwegen\/gedeeld\/[\w-]+/.exec(await shared.text())?.[0] ?? "";
    expect(shareUrl).not.toBe("");
    shareToken = shareUrl.split("/").at(-1) ?? "";
    expect(await (await send(shareUrl)).text()).toContain(marker);

    // An editor asking for it learns nothing.
    for (const address of [`/afwegen/${id}`, `/api/v1/afwegingen/${id}`]) {
      const response = await send(address, { cookie: cookies[EDITOR] });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(marker);
    }
  });

  it("is in none of the server's log lines, even at the most talkative level", async () => {
    await server.stop();
    const log = Buffer.concat(logLines).toString("utf8");
    // Control: the requests were logged, addresses included, so the marker would have been found.
    expect(log).toContain(`/afwegen/${id}/stap/1`);
    expect(log).toContain('"statusCode":409');
    expect(log).toContain('"statusCode":400');
    expect(log).not.toContain(marker);
    // Nor is the secret of the share link, which opens the record to whoever holds it.
    expect(shareToken.length).toBeGreaterThan(20);
    expect(log).toContain("/afwegen/gedeeld/[verborgen]");
    expect(log).not.toContain(shareToken);
  });

  it("is in no backup and no file of the data folder", async () => {
    const database = await openDatabase({ dataDir });
    const dump = path.join(os.tmpdir(), `vm-privacy-${randomUUID()}.jsonl`);
    try {
      await database.db.execute("checkpoint");
      await writeBackup({ db: database.db, out: dump });
      const backup = fs.readFileSync(dump, "utf8");
      expect(backup).toContain(id);
      expect(backup).toContain("deliberation_pending_drafts");
      expect(backup).not.toContain(marker);
    } finally {
      await database.close();
      fs.rmSync(dump, { force: true });
    }
    expect(filesContaining(dataDir, Buffer.from(marker))).toEqual([]);
    // Control: what is stored in plain text (an e-mail address) is found by the same scan.
    expect(filesContaining(dataDir, Buffer.from(OWNER)).length).toBeGreaterThan(0);
  });
});
