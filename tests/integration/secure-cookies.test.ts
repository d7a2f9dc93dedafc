// A site served over HTTPS (PUBLIC_URL https://…, TLS ended by a proxy in front) gives its session
// cookie the `__Host-` name with Secure and Path=/, and counts only that name: a plain `vm_sessie`, such
// as a sibling subdomain could toss in, logs nobody in. Against the built server, as an operator runs it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/infra/db.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createLoginLink } from "../../app/modules/accounts/login-links.server.ts";
import { type BuiltServer, startBuiltServer } from "./built-server.ts";
import { freePort } from "./free-port.ts";
import { sendRaw } from "./raw-request.ts";

const PORT = await freePort();
const SITE = "https://vakmanschap.example.nl";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-secure-cookies-"));
let server: BuiltServer;
let token = "";

/** A request as the proxy passes it on: the site's own Host, over plain HTTP to the app. */
const send = (options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) =>
  sendRaw({ ...options, port: PORT, host: new URL(SITE).host });

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await upsertUser({ db: database.db, email: "veilig@example.nl" });
  const link = await createLoginLink({
    db: database.db,
    config: { loginLinkMinutes: 15 },
    origin: SITE,
    email: "veilig@example.nl",
  });
  token = new URL(link.url).searchParams.get("token") ?? "";
  await database.close();
  server = await startBuiltServer({ port: PORT, dataDir, env: { PUBLIC_URL: SITE } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("cookies over HTTPS", () => {
  it("a login sets __Host-vm_sessie, and only that name logs anyone in", async () => {
    const body = new URLSearchParams({ token }).toString();
    const confirmed = await send({
      method: "POST",
      path: "/inloggen/bevestigen",
      headers: {
        Origin: SITE,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(Buffer.byteLength(body)),
      },
      body,
    });
    expect(confirmed.status).toBe(303);
    const [cookie = ""] = confirmed.headers["set-cookie"] ?? [];
    expect(cookie).toMatch(
      /^__Host-vm_sessie=[\w-]{20,}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/,
    );
    expect(cookie).not.toMatch(/Domain=/i);
    const secret = /^__Host-vm_sessie=([\w-]+)/.exec(cookie)?.[1] ?? "";

    expect((await send({ path: "/profiel", headers: { Cookie: `__Host-vm_sessie=${secret}` } })).status).toBe(
      200,
    );
    // The same secret under the plain name, as a neighbouring subdomain could set it: nobody.
    expect((await send({ path: "/profiel", headers: { Cookie: `vm_sessie=${secret}` } })).status).toBe(302);

    const out = await send({
      method: "POST",
      path: "/uitloggen",
      headers: { Origin: SITE, Cookie: `__Host-vm_sessie=${secret}`, "Content-Length": "0" },
    });
    expect(out.headers["set-cookie"]?.[0]).toMatch(
      /^__Host-vm_sessie=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax; Secure$/,
    );
  });
});
