// Links in mails, calendar files and share links come from the site's configured address, never from
// the `Host` header a client sends: a request for another host is refused before any route (421), so a
// login link, reply notice, status mail or kris-kras invitation can never point elsewhere. Forms are
// bounded: a body above FORM_BODY_LIMIT_KB gets 413, a multipart body 415, and the process stays healthy.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/infra/db.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createLoginLink } from "../../app/modules/accounts/login-links.server.ts";
import { type BuiltServer, startBuiltServer } from "./built-server.ts";
import { filesContaining } from "./files-containing.ts";
import { freePort } from "./free-port.ts";
import { type RawAnswer, sendRaw } from "./raw-request.ts";

const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const EVIL = "evil.example";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-address-"));
const outbox = path.join(dataDir, "outbox");
const EDITOR = "redacteur@example.nl";
let server: BuiltServer;
let editorCookie = "";

/** A raw request to the test server; `Host: X` in `headers` sets the host, `noHost` sends none. */
function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  noHost?: boolean;
}): Promise<RawAnswer> {
  const { Host: host, ...headers } = options.headers ?? {};
  return sendRaw({
    port: PORT,
    method: options.method,
    path: options.path,
    host: options.noHost ? null : host,
    headers,
    body: options.body,
  });
}

/**
 * A chunked post over a plain socket that goes on sending while it reads, as a browser does: Node's
 * own client drops an answer that arrives while it is still writing. Gives the answer's status line.
 */
function sendChunked(options: {
  path: string;
  headers: Record<string, string>;
  size: number;
}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(PORT, "127.0.0.1");
    let received = "";
    const head = [
      `POST ${options.path} HTTP/1.1`,
      `Host: 127.0.0.1:${PORT}`,
      "Transfer-Encoding: chunked",
      ...Object.entries(options.headers).map(([name, value]) => `${name}: ${value}`),
      "",
      "",
    ].join("\r\n");
    const piece = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    const more = () => {
      while (sent < options.size && !socket.destroyed) {
        sent += piece.length;
        const ok = socket.write(`${piece.length.toString(16)}\r\n${piece.toString()}\r\n`);
        if (!ok) return void socket.once("drain", more);
      }
      if (!socket.destroyed) socket.write("0\r\n\r\n");
    };
    socket.on("connect", () => {
      socket.write(head);
      more();
    });
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status) {
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    socket.on("close", () => reject(new Error(`closed without an answer after ${sent} bytes`)));
  });
}

const outboxFiles = () => (fs.existsSync(outbox) ? fs.readdirSync(outbox) : []);

/** The decoded text of the first `count` mails in the outbox, once they are there. */
async function waitForMail(count: number): Promise<string[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const files = outboxFiles();
    if (files.length >= count) {
      return Promise.all(
        files.map(async (file) => (await simpleParser(fs.readFileSync(path.join(outbox, file)))).text ?? ""),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${count} mails in the outbox, found ${outboxFiles().length}`);
}

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  await database.migrate();
  const editor = await upsertUser({ db: database.db, email: EDITOR });
  await setUserRoles({ db: database.db, userId: editor.id, roles: ["redacteur"], actor: null });
  const link = await createLoginLink({
    db: database.db,
    config: { loginLinkMinutes: 15 },
    origin: BASE,
    email: EDITOR,
  });
  await database.close();
  server = await startBuiltServer({
    port: PORT,
    dataDir,
    env: { ALLOWED_EMAIL_DOMAINS: "example.nl", RATE_LIMITS: "off", FORM_BODY_LIMIT_KB: "64" },
  });
  const token = new URL(link.url).searchParams.get("token") ?? "";
  const login = await fetch(`${BASE}/inloggen/bevestigen`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: BASE },
    body: new URLSearchParams({ token }),
  });
  editorCookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
}, 180_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("links in mails use the site's own address, never the Host header", () => {
  it("a login link asked for with Host: evil.example is refused and no mail names that host", async () => {
    expect(editorCookie).toMatch(/=/);
    const answer = await send({
      method: "POST",
      path: "/inloggen",
      headers: {
        Host: EVIL,
        Origin: `http://${EVIL}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ email: "iemand@example.nl" }).toString(),
    });
    expect(answer.status).toBe(421);
    expect(answer.text).toContain("Verkeerd adres");
    // The page names the right address, from the configuration.
    expect(answer.text).toContain(`href="${BASE}/"`);
    expect(answer.text).not.toContain(EVIL);

    // The same request for the site's own address sends a mail, whose link is the site's address: the
    // control that shows the outbox is where a mail would have landed.
    const own = await send({
      method: "POST",
      path: "/inloggen",
      headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "iemand@example.nl" }).toString(),
    });
    expect(own.status).toBeLessThan(400);
    const [mail = ""] = await waitForMail(1);
    expect(mail).toContain(`${BASE}/inloggen/bevestigen?token=`);
    expect(filesContaining(outbox, Buffer.from(EVIL))).toEqual([]);
  });

  it("every form and API call that sends mail to someone else is refused for another host", async () => {
    const before = outboxFiles().length;
    const id = "00000000-0000-4000-8000-000000000001";
    const calls: [string, string, string][] = [
      // a reply notice to a contributor, through the page and through the API
      ["POST", `/meedenken/${id}`, "intent=reactie&tekst=Een+reactie+van+een+collega"],
      ["POST", `/api/v1/bijdragen/${id}/reacties`, JSON.stringify({ body: "Een reactie" })],
      // a status mail from an editor, through the page and through the API
      ["POST", `/beheer/meedenken/${id}`, "intent=status&status=in_behandeling&reden=Nog+even+kijken"],
      ["POST", `/api/v1/bijdragen/${id}/status`, JSON.stringify({ status: "in_behandeling", reason: "x" })],
      // kris-kras invitations when an editor publishes the groups
      ["POST", `/beheer/kriskras/${id}/groepen`, "intent=publiceren"],
      // a share link to a private record
      ["POST", `/afwegen/${id}`, "intent=delen"],
    ];
    for (const [method, address, body] of calls) {
      for (const host of [EVIL, `${EVIL}:${PORT}`, `localhost:${PORT}`, `127.0.0.1:${PORT + 1}`]) {
        const answer = await send({
          method,
          path: address,
          headers: {
            Host: host,
            Origin: `http://${host}`,
            Cookie: editorCookie,
            "Content-Type": body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded",
          },
          body,
        });
        expect(answer.status, `${method} ${address} with Host ${host}`).toBe(421);
        if (address.startsWith("/api/")) {
          expect(answer.headers["content-type"]).toContain("application/problem+json");
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(outboxFiles().length).toBe(before);
    expect(filesContaining(outbox, Buffer.from(EVIL))).toEqual([]);
  });

  it("pages and the API answer only to the site's own host; health checks answer to any", async () => {
    expect((await send({ path: "/gids", headers: { Host: EVIL } })).status).toBe(421);
    expect((await send({ path: "/api/v1/versies", headers: { Host: EVIL } })).status).toBe(421);
    expect([400, 421]).toContain((await send({ path: "/gids", noHost: true })).status);
    expect((await send({ path: "/gids" })).status).toBe(200);
    expect((await send({ path: "/readyz", headers: { Host: "10.0.0.5:3000" } })).status).toBe(200);
    expect((await send({ path: "/healthz", headers: { Host: EVIL } })).status).toBe(200);
    const openapi = JSON.parse((await send({ path: "/api/v1/openapi.json" })).text) as {
      servers: { url: string }[];
    };
    expect(openapi.servers[0]?.url).toBe(`${BASE}/api/v1`);
  });
});

describe("form bodies are bounded", () => {
  const form = (size: number) => `code=${"a".repeat(size)}`;

  it("refuses a body above the limit with 413 and a Dutch page, by its Content-Length", async () => {
    const answer = await send({
      method: "POST",
      path: "/doe-mee",
      headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
      body: form(65 * 1024),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.text).toContain('<html lang="nl">');
    expect(answer.text).toContain("64 kB");
  });

  it("refuses a chunked body as soon as it passes the limit", async () => {
    const status = await sendChunked({
      path: "/inloggen",
      headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
      size: 4 * 1024 * 1024,
    });
    expect(status).toBe(413);
  });

  it("answers in English to a reader who chose English", async () => {
    const answer = await send({
      method: "POST",
      path: "/doe-mee",
      headers: { Origin: BASE, Cookie: "taal=en", "Content-Type": "application/x-www-form-urlencoded" },
      body: form(100 * 1024),
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('<html lang="en">');
    expect(answer.text).toContain("too large");
  });

  it("refuses multipart bodies, which no form of this site sends", async () => {
    const boundary = "grens";
    const answer = await send({
      method: "POST",
      path: "/doe-mee",
      headers: { Origin: BASE, "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="code"; filename="a.bin"\r\n\r\nABCDEF\r\n--${boundary}--\r\n`,
    });
    expect(answer.status).toBe(415);
  });

  it("still takes a form within the limit, and stays healthy after twenty oversized posts at once", async () => {
    const oversized = Array.from({ length: 20 }, () =>
      sendChunked({
        path: "/doe-mee",
        headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
        size: 2 * 1024 * 1024,
      }),
    );
    const statuses = await Promise.all(oversized);
    expect(statuses).toEqual(statuses.map(() => 413));
    expect((await send({ path: "/readyz" })).status).toBe(200);
    const small = await send({
      method: "POST",
      path: "/doe-mee",
      headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
      body: "code=ABCDEF",
    });
    expect(small.status).toBeLessThan(500);
    expect(small.status).not.toBe(413);
  });
});

describe("a server that others can reach needs its public address", () => {
  it("refuses to start on 0.0.0.0 without PUBLIC_URL, with exit code 78 and a clear message", () => {
    const started = spawnSync(process.execPath, ["server.js"], {
      env: {
        ...process.env,
        HOST: "0.0.0.0",
        PORT: String(PORT + 2),
        PUBLIC_URL: "",
        DATA_DIR: path.join(dataDir, "unused"),
        DATABASE_URL: "",
      },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(started.status).toBe(78);
    expect(started.stderr).toContain("PUBLIC_URL");
    expect(fs.existsSync(path.join(dataDir, "unused"))).toBe(false);
  });
});
