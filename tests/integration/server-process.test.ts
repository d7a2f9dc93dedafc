// The built server as an operator runs it: start, pages with cache headers and a strict CSP, 304 on
// an unchanged page, refusal of bad configuration and of a second process, graceful stop.
import { type ChildProcess, execSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./free-port.ts";

const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-server-"));
const env = { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" };
let server: ChildProcess;

async function waitForReady() {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not become ready");
}

beforeAll(async () => {
  execSync("node scripts/ensure-build.mjs", { stdio: "inherit" });
  server = spawn(process.execPath, ["server.js"], { env, stdio: "inherit" });
  await waitForReady();
}, 120_000);

afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the server as an operator runs it", () => {
  it("serves a published page from its cache with an ETag, and 304 when unchanged", async () => {
    const first = await fetch(`${BASE}/gids/luister-naar-burgers`);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${BASE}/gids/luister-naar-burgers`, {
      headers: { "If-None-Match": etag ?? "" },
    });
    expect(again.status).toBe(304);
  });

  it("keeps the interface language apart in the cache", async () => {
    const dutch = await (await fetch(`${BASE}/gids`)).text();
    const english = await (await fetch(`${BASE}/gids`, { headers: { Cookie: "taal=en" } })).text();
    expect(dutch).toContain('<html lang="nl"');
    expect(english).toContain('<html lang="en"');
  });

  it("never caches a draft", async () => {
    const draft = await fetch(`${BASE}/gids/versie/2/luister-naar-burgers`);
    expect(draft.status).toBe(200);
    expect(draft.headers.get("cache-control")).toBe("no-store");
    expect(draft.headers.get("etag")).toBeNull();
  });

  it("allows only the page's own inline scripts", async () => {
    const response = await fetch(`${BASE}/gids`);
    const html = await response.text();
    const policy = response.headers.get("content-security-policy") ?? "";
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      (m) => m[1] ?? "",
    );
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) {
      expect(policy).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    }
    expect(policy).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("answers an unknown page with a friendly 404", async () => {
    const response = await fetch(`${BASE}/gids/versie/999/iets`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Deze pagina bestaat niet");
  });

  it("switches the language with a functional cookie and returns to the same page", async () => {
    const response = await fetch(`${BASE}/taal`, {
      method: "POST",
      headers: { Origin: BASE },
      body: new URLSearchParams({ taal: "en", terug: "/gids/versies" }),
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/gids/versies");
    expect(response.headers.get("set-cookie")).toMatch(/^taal=en; Path=\/; .*SameSite=Lax; HttpOnly/);
    const elsewhere = await fetch(`${BASE}/taal`, {
      method: "POST",
      headers: { Origin: BASE },
      body: new URLSearchParams({ taal: "en", terug: "//evil.example/" }),
      redirect: "manual",
    });
    expect(elsewhere.headers.get("location")).toBe("/");
    const forged = await fetch(`${BASE}/taal`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
      body: new URLSearchParams({ taal: "en", terug: "/" }),
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a second process on the same data folder with a clear message", () => {
    const second = spawnSync(process.execPath, ["server.js"], {
      env: { ...env, PORT: String(PORT + 1) },
      encoding: "utf8",
    });
    expect(second.status).not.toBe(0);
    expect(second.stdout + second.stderr).toContain("al in gebruik door proces");
  });

  it("refuses to start on a bad setting and names the variable", () => {
    const bad = spawnSync(process.execPath, ["server.js"], {
      env: { ...env, PORT: "tachtig" },
      encoding: "utf8",
    });
    expect(bad.status).toBe(78);
    expect(bad.stderr).toContain("PORT");
  });

  it("stops gracefully on SIGTERM and releases the data folder", async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "vakmanschap.lock"))).toBe(false);
  });
});
