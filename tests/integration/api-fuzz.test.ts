// Property-based fuzzing of the running API: thousands of random and hostile requests built from the
// OpenAPI document (so new endpoints are fuzzed without touching this file). Whatever comes in, the
// answer is never a server error, never leaks internals and never reflects markup.
//
// The form actions need the React Router build, which this server does not load; form-fuzz.test.ts
// fuzzes every one of them against the built server. Here the health endpoints are fuzzed beside the
// API instead.
import http from "node:http";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { actorOf, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { ContributionInput } from "../../app/modules/cocreation/cocreation.validation.ts";
import { createContribution } from "../../app/modules/cocreation/contributions.server.ts";
import { createOpenApiDocument } from "../../server/api/openapi.ts";
import { startApiServer } from "./app-server.ts";
import { openSeededDatabase, type TestDatabase } from "./databases.ts";
import {
  type Answer,
  describeRequest,
  expectNoServerError,
  type FuzzRequest,
  sendFuzzRequest,
  withValidHeaders,
} from "./fuzz-http.ts";
import { recordedPageCache } from "./recorded-page-cache.ts";

const pageCache = recordedPageCache();

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const API_RUNS = 5000;
const HEALTH_RUNS = 1500;
// Node answers a request line over its 16 kB header limit itself (431, no body); stay well below.
const MAX_PATH_LENGTH = 12_000;

let test: TestDatabase;
let database: Database;
let server: Awaited<ReturnType<typeof startApiServer>>;
let agent: http.Agent;
let apiPaths: string[];
let slugs: string[];
/** A contribution that exists, so reads of one contribution also succeed now and then. */
let contributionId: string;
const apiStatuses = new Map<number, number>();
const healthStatuses = new Map<number, number>();

beforeAll(async () => {
  ({ test, database } = await openSeededDatabase("pglite"));
  server = await startApiServer({ database });
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  apiPaths = Object.keys(
    createOpenApiDocument({ serverUrl: server.base, contactEmail: "api@example.nl" }).paths,
  );
  const version = (await (await server.get("/api/v1/versies/1")).json()) as { parts: { slug: string }[] };
  slugs = version.parts.map((part) => part.slug);
  const writer = await upsertUser({ db: database.db, email: "fuzz@example.nl" });
  contributionId = (
    await createContribution({
      pageCache,
      quotas,
      db: database.db,
      actor: actorOf(writer),
      input: ContributionInput.parse({ kind: "algemeen", version: 1, body: "Een bijdrage om te lezen." }),
    })
  ).id;
});

afterAll(async () => {
  printShares("API /api/v1", apiStatuses);
  printShares("/healthz, /readyz, /metrics", healthStatuses);
  agent?.destroy();
  await server?.close();
  await database?.close();
  await test?.drop();
});

function printShares(title: string, statuses: Map<number, number>) {
  const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
  const lines = [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([status, count]) =>
        `  ${status}  ${String(count).padStart(5)}  ${((100 * count) / total).toFixed(1)}%`,
    );
  console.log(`Fuzzed answers, ${title} (${total} requests)\nstatus  count  share\n${lines.join("\n")}`);
}

// --- inputs -------------------------------------------------------------------------------------

const hostileText = fc.constantFrom(
  "<script>alert(1)</script>",
  '"><script src=//evil.example/x.js></script>',
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "' OR '1'='1",
  "1; DROP TABLE guide_versions; --",
  "1 UNION SELECT password FROM users",
  "$$; select pg_sleep(5); $$",
  "' || pg_sleep(1) || '",
  "\\x00\\'",
  "\u0000",
  "\u0000\u0001\u0007\b\u001b[31m",
  "\r\nSet-Cookie: x=1",
  "\u202e\u200b\ufeff",
  "😀🙂👩‍👩‍👧",
  "Zoë café ĳs",
  "مرحبا",
  "𝕏𝕐",
  "\ud800",
  "../../../../etc/passwd",
  "..%2f..%2f",
  "%",
  "%E0%A4%A",
  "%00",
  "%zz",
  "__proto__",
  "constructor",
  "{}",
  "[]",
  "null",
  "-1",
  "0",
  "1.5",
  "1e309",
  "NaN",
  "Infinity",
  "0x10",
  "99999999999999999999999",
  " ",
  "",
  "&",
  "=",
  "#",
  "?",
);

const hugeText = fc.constantFrom(
  "x".repeat(5000),
  "<script>".repeat(400),
  "é".repeat(1200),
  "😀".repeat(500),
  "a ".repeat(2500),
  "' OR 1=1 -- ".repeat(300),
);

const anyText = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: hugeText },
);

/** A value written into a URL: usually percent-encoded, sometimes raw (when HTTP allows the bytes). */
const urlValue = (value: fc.Arbitrary<string>) =>
  fc.tuple(value, fc.boolean()).map(([text, raw]) => {
    if (raw && /^[\x21-\x7e]*$/.test(text) && !/[#?]/.test(text)) return text;
    try {
      return encodeURIComponent(text);
    } catch {
      // A lone surrogate cannot be encoded; send what UTF-8 makes of it (U+FFFD).
      return encodeURIComponent(Buffer.from(text, "utf8").toString("utf8"));
    }
  });

const realParam = (name: string) =>
  name === "nummer"
    ? fc.constantFrom("1", "2", "3", "99")
    : name === "slug"
      ? fc.constantFrom(...slugs)
      : fc.constantFrom("1", "a", contributionId, contributionId);

/** A path from the OpenAPI document with real, random or hostile values for its parameters. */
const apiPath = () =>
  fc
    .constantFrom(...apiPaths)
    .chain((template) => {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
      return fc.tuple(
        fc.constant(template),
        fc.tuple(
          ...names.map((name) =>
            fc.oneof({ weight: 3, arbitrary: realParam(name) }, { weight: 2, arbitrary: urlValue(anyText) }),
          ),
        ),
        fc.oneof(
          { weight: 6, arbitrary: fc.constant("") },
          {
            weight: 1,
            arbitrary: fc.constantFrom("/", "//", "/extra", "/..", "/%2e%2e", ";x=1", "/<script>"),
          },
        ),
      );
    })
    .map(([template, values, suffix]) => {
      let index = 0;
      return `/api/v1${template.replace(/\{\w+\}/g, () => values[index++] as string)}${suffix}`;
    });

const queryKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("q", "limit", "van", "naar") },
  { weight: 1, arbitrary: fc.constantFrom("q[]", "limit[0]", "__proto__", "constructor", "", "Q") },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const realQueryValue = fc.constantFrom(
  "1",
  "2",
  "5",
  "50",
  "luisteren",
  "burgers",
  "vertrouw",
  "integriteit",
);

/** Query strings: real values, hostile ones, repeated keys (arrays) and stray separators. */
const queryString = fc
  .array(
    fc.tuple(
      urlValue(queryKey),
      fc.oneof({ weight: 3, arbitrary: realQueryValue }, { weight: 2, arbitrary: urlValue(anyText) }),
    ),
    { maxLength: 5 },
  )
  .chain((pairs) =>
    fc.constantFrom("", "&", "&&", "=").map((stray) => {
      if (pairs.length === 0) return stray === "" ? "" : `?${stray}`;
      return `?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}${stray}`;
    }),
  );

const jsonBody = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? "null");
const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: jsonBody },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom('{"a":', "{'a':1}", '{"__proto__":{"x":1}}', "[".repeat(5000)) },
  // Over the 100 kB limit of the API's JSON parser.
  { weight: 1, arbitrary: fc.constant(JSON.stringify({ text: "x".repeat(110_000) })) },
);
const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "application/json; charset=klingon",
  "application/merge-patch+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/html",
  "<script>",
);

const headerValue = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  // `If-None-Match: *` turns an answer into an empty 304; keep it rare so bodies get checked.
  { weight: 1, arbitrary: fc.constant("*") },
);
const hostileHeaders = fc.record(
  {
    accept: fc.oneof(fc.constantFrom("*/*", "text/html", "application/xml", "application/json"), headerValue),
    "accept-language": headerValue,
    "accept-encoding": fc.oneof(
      fc.constantFrom("gzip", "br", "deflate", "identity", "gzip;q=0, *;q=0"),
      headerValue,
    ),
    "content-encoding": fc.constantFrom("gzip", "deflate", "br", "identity", "x-unknown"),
    cookie: fc.oneof(fc.constantFrom("taal=en", "taal=<script>", "sessie=abc"), headerValue),
    "x-request-id": headerValue,
    // Mostly empty: any other value is (rightly) refused with 401 before a handler sees the request.
    authorization: fc.oneof(
      { arbitrary: fc.constant(""), weight: 8 },
      { arbitrary: fc.constantFrom("Bearer x", "Bearer ", "Basic YTpi", "Bearer vmt_onbekend"), weight: 1 },
      { arbitrary: headerValue, weight: 1 },
    ),
    "if-none-match": headerValue,
    "if-modified-since": fc.oneof(fc.constant(new Date().toUTCString()), headerValue),
    range: fc.oneof(fc.constant("bytes=0-10"), headerValue),
    "x-forwarded-for": headerValue,
    "x-forwarded-proto": headerValue,
    "x-forwarded-host": headerValue,
    "user-agent": headerValue,
  },
  { requiredKeys: [] },
);

const send = (request: FuzzRequest) => sendFuzzRequest({ base: server.base, agent, request });

function expectSafeAnswer(request: FuzzRequest, answer: Answer) {
  const what = expectNoServerError(request, answer);
  expect(answer.text.toLowerCase(), what).not.toContain("<script");
}

// --- properties -----------------------------------------------------------------------------------

describe("the API under random and hostile requests", () => {
  it(`never fails, leaks or reflects markup (${API_RUNS} requests)`, async () => {
    const request = fc
      .record({
        method: fc.oneof(
          { weight: 5, arbitrary: fc.constant("GET") },
          { weight: 2, arbitrary: fc.constantFrom("POST", "PUT", "DELETE", "PATCH") },
        ),
        path: apiPath(),
        query: queryString,
        headers: hostileHeaders,
        contentType,
        body,
      })
      .map(
        ({ method, path, query, headers, contentType, body }): FuzzRequest => ({
          method,
          path: `${path}${query}`,
          // Same-origin, so unsafe methods pass the forgery check and reach the handlers.
          headers: withValidHeaders({ ...headers, "content-type": contentType, origin: server.base }),
          body: method === "GET" ? undefined : body,
        }),
      )
      .filter((candidate) => candidate.path.length <= MAX_PATH_LENGTH);

    await fc.assert(
      fc.asyncProperty(request, async (candidate) => {
        const answer = await send(candidate);
        apiStatuses.set(answer.status, (apiStatuses.get(answer.status) ?? 0) + 1);
        expectSafeAnswer(candidate, answer);
        if (answer.status === 304) {
          expect(answer.text).toBe("");
        } else {
          expect(answer.contentType, describeRequest(candidate)).toMatch(
            /^application\/(problem\+)?json; charset=utf-8$/,
          );
        }
      }),
      { numRuns: API_RUNS },
    );
    // Valid inputs reach the handlers, not only the error paths.
    expect(apiStatuses.get(200) ?? 0).toBeGreaterThan(API_RUNS / 20);
  }, 120_000);

  it(`keeps the health endpoints calm under any method (${HEALTH_RUNS} requests)`, async () => {
    const request = fc
      .record({
        method: fc.constantFrom("GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"),
        path: fc.constantFrom("/healthz", "/readyz", "/metrics"),
        query: queryString,
        origin: fc.constantFrom(server.base, "https://evil.example", "null", undefined),
        headers: hostileHeaders,
        contentType,
        body,
      })
      .map(
        ({ method, path, query, origin, headers, contentType, body }): FuzzRequest => ({
          method,
          path: `${path}${query}`,
          headers: withValidHeaders({ ...headers, "content-type": contentType, origin }),
          body: method === "GET" || method === "HEAD" ? undefined : body,
        }),
      )
      .filter((candidate) => candidate.path.length <= MAX_PATH_LENGTH);

    await fc.assert(
      fc.asyncProperty(request, async (candidate) => {
        const answer = await send(candidate);
        healthStatuses.set(answer.status, (healthStatuses.get(answer.status) ?? 0) + 1);
        expectSafeAnswer(candidate, answer);
      }),
      { numRuns: HEALTH_RUNS },
    );
  }, 60_000);
});
