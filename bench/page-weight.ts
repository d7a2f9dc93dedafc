// The JavaScript weight of every page in the route table, as a browser without a cache loads it: every
// <script src>, <link rel="modulepreload"> and inline <script> (React Router's manifest and the
// streamed loader data). A file counts the bytes the server sends a browser that reads gzip (not
// brotli, which would weigh less); an inline script its own text gzipped. Pages come from the example addresses the browser tests walk
// (tests/e2e/example-urls.ts), with their data and people made the same way as for those tests.
// Used by `npm run bench:pages` and by tests/integration/every-page.test.ts.
import http from "node:http";
import { gzipSync } from "node:zlib";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { openDatabase } from "../app/infra/db.server.ts";
import { setUserRoles, upsertUser } from "../app/modules/accounts/accounts.server.ts";
import { createLoginLink } from "../app/modules/accounts/login-links.server.ts";
import routes from "../app/routes.ts";
import { writeExampleData } from "../tests/e2e/example-data.ts";
import { EXAMPLE_URLS, type ExampleUrl, PEOPLE } from "../tests/e2e/example-urls.ts";

/** The most JavaScript any page may load, gzipped. */
export const PAGE_JS_BUDGET_BYTES = 120 * 1024;

/** What the server needs besides DATA_DIR to serve the example pages the way the browser tests see them. */
export const PAGE_WEIGHT_ENV = { ALLOWED_EMAIL_DOMAINS: "example.nl", RATE_LIMITS: "off" };

/**
 * Fills an empty data folder as playwright.config.ts does (the fixtures and the people), and returns a
 * one-time login token per person. Run it before the server holds the embedded database; with
 * `databaseUrl`, in that PostgreSQL database instead.
 */
export async function prepareExampleData(
  dataDir: string,
  databaseUrl?: string,
): Promise<Record<keyof typeof PEOPLE, string>> {
  const database = await openDatabase({ dataDir, databaseUrl });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  await writeExampleData({ dataDir, databaseUrl, origin: "http://localhost" });
  const again = await openDatabase({ dataDir, databaseUrl });
  try {
    const tokens = {} as Record<keyof typeof PEOPLE, string>;
    for (const [role, email] of Object.entries(PEOPLE) as [keyof typeof PEOPLE, string][]) {
      const user = await upsertUser({ db: again.db, email });
      await setUserRoles({ db: again.db, userId: user.id, roles: [role], actor: null });
      const link = await createLoginLink({
        db: again.db,
        config: { loginLinkMinutes: 60 },
        origin: "http://localhost",
        email,
      });
      tokens[role] = new URL(link.url).searchParams.get("token") ?? "";
    }
    return tokens;
  } finally {
    await again.close();
  }
}

/** Follows each person's login link, the way the confirmation button does: a session cookie each. */
export async function logInEveryone(
  base: string,
  tokens: Record<keyof typeof PEOPLE, string>,
): Promise<Record<keyof typeof PEOPLE, string>> {
  const cookies = {} as Record<keyof typeof PEOPLE, string>;
  for (const [who, token] of Object.entries(tokens) as [keyof typeof PEOPLE, string][]) {
    const answer = await fetch(`${base}/inloggen/bevestigen`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }),
    });
    const cookie = /^vm_sessie=[\w-]+/.exec(answer.headers.getSetCookie()[0] ?? "")?.[0];
    if (!cookie) throw new Error(`logging in ${who} failed: ${answer.status}`);
    cookies[who] = cookie;
  }
  return cookies;
}

/**
 * The bytes of the JavaScript a page's HTML makes a browser load: each file as the server at `base`
 * sends it to a browser that accepts gzip, each inline script gzipped.
 */
export async function javaScriptWeight(
  html: string,
  base: string,
): Promise<{ bytes: number; inline: number }> {
  const files = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) files.add(match[1] ?? "");
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) {
    files.add(match[1] ?? "");
  }
  // Module imports inside the inline boot script load files the preloads may not name.
  for (const match of html.matchAll(/import\s*(?:[^"]*?from\s*)?\(?"(\/assets\/[^"]+\.js)"/g)) {
    files.add(match[1] ?? "");
  }
  let bytes = 0;
  for (const file of files) {
    if (!file.startsWith("/")) throw new Error(`a script from elsewhere: ${file}`);
    bytes += await sentBytes(new URL(file, base));
  }
  let inline = 0;
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    inline += gzipSync(match[1] ?? "").length;
  }
  return { bytes: bytes + inline, inline };
}

/** The bytes of a file's body as sent to a browser that accepts gzip, before it is unpacked. */
function sentBytes(url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`${url.pathname}: ${response.statusCode}`));
        return;
      }
      let length = 0;
      response.on("data", (chunk: Buffer) => {
        length += chunk.length;
      });
      response.on("end", () => resolve(length));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** Route ids in the table's order, nested ones included. */
export function routeIds(entries: RouteConfigEntry[]): string[] {
  return entries.flatMap((entry) => [
    entry.id ?? entry.file.replace(/\.[^./]+$/, ""),
    ...routeIds(entry.children ?? []),
  ]);
}

export interface RouteWeight {
  id: string;
  /** The heaviest of the route's example pages; undefined for a route that renders no page. */
  heaviest?: { example: ExampleUrl; bytes: number; inline: number };
  rendersNoPage?: string;
}

/** Loads every example page of every route in the table and keeps each route's heaviest. */
export async function weighEveryRoute(options: {
  base: string;
  cookies: Record<keyof typeof PEOPLE, string>;
}): Promise<RouteWeight[]> {
  const weights: RouteWeight[] = [];
  for (const id of routeIds(routes)) {
    const examples = EXAMPLE_URLS[id];
    if (!examples) throw new Error(`${id} has no example addresses in tests/e2e/example-urls.ts`);
    if ("rendersNoPage" in examples) {
      weights.push({ id, rendersNoPage: examples.rendersNoPage });
      continue;
    }
    const weight: RouteWeight = { id };
    for (const example of examples.examples) {
      const cookie = [example.as && options.cookies[example.as], example.language === "en" && "taal=en"]
        .filter(Boolean)
        .join("; ");
      const response = await fetch(`${options.base}${example.path}`, {
        headers: cookie ? { cookie } : {},
        redirect: "manual",
      });
      // Measured whatever the status: an error page loads JavaScript too.
      const html = await response.text();
      const measured = await javaScriptWeight(html, options.base);
      if (!weight.heaviest || measured.bytes > weight.heaviest.bytes)
        weight.heaviest = { example, ...measured };
    }
    weights.push(weight);
  }
  return weights;
}

export const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);
