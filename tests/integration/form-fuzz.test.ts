// Property-based fuzzing of every form action of the built server: the route modules that export
// `action`, found in the route table (so a new form is fuzzed without touching this file), get thousands
// of random and hostile posts from anonymous visitors and from each role. Whatever comes in, the answer
// is never a server error, never leaks internals and never reflects markup; a post from another site is
// refused. The API has its own fuzz (api-fuzz.test.ts).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/infra/db.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { ProfileInput } from "../../app/modules/accounts/accounts.validation.ts";
import { ROLES, type Role } from "../../app/modules/accounts/authorization.ts";
import { createLoginLink } from "../../app/modules/accounts/login-links.server.ts";
import { ConsultationInput } from "../../app/modules/consultation/consultation.validation.ts";
import { createConsultation } from "../../app/modules/consultation/running.server.ts";
import routes from "../../app/routes.ts";
import { type BuiltServer, startBuiltServer } from "./built-server.ts";
import { freePort } from "./free-port.ts";
import {
  type Answer,
  describeRequest,
  expectNoServerError,
  type FuzzRequest,
  sendFuzzRequest,
  withValidHeaders,
} from "./fuzz-http.ts";
import { createKriskrasChoices, createKriskrasRound } from "./kriskras-factory.ts";
import { startOidcProvider, type TestProvider } from "./oidc-provider.ts";

/** The slug of the consultation made for the fuzz. */
const FUZZ_CONSULTATION = "fuzz-peiling";
/** Requests over all actions together; each action gets its share. */
const TOTAL_RUNS = 3000;
// Logging out and deleting one's account end sessions; every role keeps a stock of accounts with
// unused login links, and the fuzz logs in again with the next one.
const ACCOUNTS_PER_ROLE = 16;
const LINKS_PER_ACCOUNT = 8;
/** Fresh links for strangers, so that the login confirmation also succeeds now and then. */
const FRESH_LINKS = 40;

// Node answers a request line over its 16 kB header limit itself (431, no body); stay well below.
const MAX_PATH_LENGTH = 12_000;

/** What one person may make per hour in this run: reached by the fuzz, and on purpose below. */
const QUOTA = 3;
const QUOTA_VARIABLES = [
  "QUOTA_CONTRIBUTIONS_PER_HOUR",
  "QUOTA_REPLIES_PER_HOUR",
  "QUOTA_REPORTS_PER_HOUR",
  "QUOTA_DILEMMA_CARDS_PER_HOUR",
  "QUOTA_DELIBERATIONS_PER_HOUR",
  "QUOTA_API_TOKENS_PER_HOUR",
  "QUOTA_CONVERSATIONS_PER_HOUR",
];

const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-form-fuzz-"));
const SSO_SECRET = randomUUID();
let provider: TestProvider;
let server: BuiltServer;
let agent: http.Agent;
const serverErrors: string[] = [];
/** Answers per status, per form action (by route id). */
const statuses = new Map<string, Map<number, number>>();

// --- the form actions, from the route table ----------------------------------------------------

interface FormAction {
  id: string;
  /** The address template, with its parameters (`:nummer`) still in it. */
  path: string;
  /** Names of the fields the route reads or renders, found in its source. */
  fields: string[];
  /** Values the source compares fields with or renders into them (`intent`, `bevestigen=ja`). */
  values: Map<string, Set<string>>;
}

const NOT_FIELDS = new Set(["get", "getAll", "has", "entries", "keys", "values", "forEach", "append", "set"]);

function formActionOf(route: { id: string; path: string; file: string }): FormAction | undefined {
  const source = fs.readFileSync(path.join("app", route.file), "utf8");
  if (!/export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(source)) return undefined;
  const values = new Map<string, Set<string>>();
  const note = (field: string, value?: string) => {
    if (NOT_FIELDS.has(field)) return;
    const known = values.get(field) ?? new Set<string>();
    if (value !== undefined) known.add(value);
    values.set(field, known);
  };
  // `form.get("taal")`, `formData.getAll("roles")` (not `headers.get("Cookie")`), `form.intent`,
  // `name="email"`, and the values they are compared with or rendered with.
  for (const match of source.matchAll(/(?<![Hh]eaders)\.get(?:All)?\(\s*["']([\w.-]+)["']\s*\)/g))
    note(match[1] as string);
  for (const match of source.matchAll(/\bform\.(\w+)\b/g)) note(match[1] as string);
  for (const match of source.matchAll(/\bname="([\w.-]+)"/g)) note(match[1] as string);
  for (const match of source.matchAll(/\bname="([\w.-]+)"\s+value="([^"{]*)"/g))
    note(match[1] as string, match[2]);
  for (const match of source.matchAll(
    /(?:\bform\.(\w+)|\.get\(\s*["']([\w.-]+)["']\s*\))\s*[!=]==\s*["']([^"']*)["']/g,
  ))
    note((match[1] ?? match[2]) as string, match[3]);
  return { id: route.id, path: route.path, fields: [...values.keys()].sort(), values };
}

/** Every route of the table with its file, nested paths joined to their parent's. */
function routesWithFiles(
  entries: RouteConfigEntry[],
  parent = "",
): { id: string; path: string; file: string }[] {
  return entries.flatMap((entry) => {
    const own = entry.index ? parent : [parent, entry.path ?? ""].filter(Boolean).join("/");
    return [
      // Without an explicit id, React Router uses the file name without its extension.
      { id: entry.id ?? entry.file.replace(/\.[^./]+$/, ""), path: `/${own}`, file: entry.file },
      ...routesWithFiles(entry.children ?? [], own),
    ];
  });
}

const FORM_ACTIONS = routesWithFiles(routes)
  .map(formActionOf)
  .filter((action) => action !== undefined);
const RUNS_PER_ACTION = Math.ceil(TOTAL_RUNS / Math.max(1, FORM_ACTIONS.length));

// --- people: a stock of accounts per role, logged in through the real form ----------------------

type Who = "anoniem" | Role;
const EVERYONE: Who[] = ["anoniem", ...ROLES];

interface Account {
  email: string;
  tokens: string[];
}
const stock = new Map<Role, Account[]>();
const sessions: Partial<Record<Role, string>> = {};
let logins = 0;
const freshTokens: string[] = [];
/** People whose roles the operator may change in the fuzz; the test's own accounts are never targets. */
const targetIds: string[] = [];
/** A kris-kras round open for sign-up, and an organisation to choose, so the sign-up form is reached. */
let kriskrasRoundId = "";
let kriskrasOrganisationId = "";

async function logIn(token: string): Promise<string | undefined> {
  const answer = await send({
    method: "POST",
    path: "/inloggen/bevestigen",
    headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded" },
    body: Buffer.from(new URLSearchParams({ token }).toString()),
  });
  logins++;
  if (answer.status !== 303) return undefined;
  return /^vm_sessie=[\w-]+/.exec(answer.setCookie[0] ?? "")?.[0];
}

/** A working session cookie for this role, logging in again when the fuzz ended the last one. */
async function sessionOf(role: Role): Promise<string> {
  const live = sessions[role];
  if (live) return live;
  for (const account of stock.get(role) ?? []) {
    for (let token = account.tokens.shift(); token !== undefined; token = account.tokens.shift()) {
      const cookie = await logIn(token);
      if (cookie) {
        sessions[role] = cookie;
        return cookie;
      }
      // The account's links went with it when the fuzz deleted the account: take the next account.
      account.tokens = [];
    }
  }
  throw new Error(`No login links left for ${role}: raise ACCOUNTS_PER_ROLE or LINKS_PER_ACCOUNT.`);
}

beforeAll(async () => {
  // Accounts with roles and their login links, prepared the way an operator's command line does it,
  // before the server holds the embedded database.
  const database = await openDatabase({ dataDir });
  await database.migrate();
  const config = { loginLinkMinutes: 60 };
  const linkOf = async (email: string, returnTo?: string) =>
    new URL(
      (await createLoginLink({ db: database.db, config, origin: BASE, email, returnTo })).url,
    ).searchParams.get("token") ?? "";
  for (const role of ROLES) {
    const accounts: Account[] = [];
    for (let n = 1; n <= ACCOUNTS_PER_ROLE; n++) {
      const email = `${role}-${n}@example.nl`;
      const user = await upsertUser({ db: database.db, email });
      await setUserRoles({ db: database.db, userId: user.id, roles: [role], actor: null });
      const tokens: string[] = [];
      for (let link = 0; link < LINKS_PER_ACCOUNT; link++) tokens.push(await linkOf(email));
      accounts.push({ email, tokens });
    }
    stock.set(role, accounts);
  }
  for (let n = 1; n <= 3; n++) {
    const user = await upsertUser({ db: database.db, email: `doelwit-${n}@example.nl` });
    targetIds.push(user.id);
  }
  for (let n = 1; n <= FRESH_LINKS; n++) {
    // A few for an address whose domain may not make an account: that login is refused.
    const email = n % 8 === 0 ? `buiten-${n}@elders.org` : `nieuwkomer-${n}@example.nl`;
    freshTokens.push(await linkOf(email, n % 2 === 0 ? "/profiel" : undefined));
  }
  const organisations = await createKriskrasChoices(database.db);
  kriskrasOrganisationId = Object.values(organisations)[0] ?? "";
  kriskrasRoundId = (await createKriskrasRound(database.db)).id;
  // An open consultation that takes statements at once, so its forms are reached past "not found".
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await createConsultation({
    db: database.db,
    input: ConsultationInput.parse({
      question: "Een peiling voor de fuzz",
      slug: FUZZ_CONSULTATION,
      access: "anoniem",
      participantStatements: "direct",
      opensOn: day(-1),
      closesOn: day(30),
      statements: Array.from({ length: 10 }, (_, index) => `Stelling ${index} voor de fuzz`),
    }),
  });
  await database.close();

  provider = await startOidcProvider({
    clients: [
      {
        client_id: "vakmanschap-fuzz",
        client_secret: SSO_SECRET,
        redirect_uris: [`${BASE}/inloggen/sso/terug`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
  });
  // Refused cross-site posts are logged as warnings by design; keep only errors to show afterwards.
  let pending = "";
  server = await startBuiltServer({
    port: PORT,
    dataDir,
    env: {
      ALLOWED_EMAIL_DOMAINS: "example.nl",
      // Limits on, so the answers past a quota are fuzzed too: the per-address and per-login limits so
      // high that the fuzz's own logins and joins never meet them, the quotas on what a person makes
      // so low that every creating form runs past its quota within the run.
      RATE_LIMITS: "on",
      RATE_LIMIT_LOGIN_PER_EMAIL: "1000000",
      RATE_LIMIT_LOGIN_PER_IP: "1000000",
      CONVERSATION_JOINS_PER_IP: "1000000",
      CONVERSATION_ANSWERS_PER_IP: "1000000",
      ...Object.fromEntries(QUOTA_VARIABLES.map((variable) => [variable, String(QUOTA)])),
      // Single sign-on on, so that starting it is fuzzed too (it sends the browser to this provider).
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: "vakmanschap-fuzz",
      OIDC_CLIENT_SECRET: SSO_SECRET,
    },
    onStdout(chunk) {
      const lines = (pending + chunk.toString("utf8")).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (/"level":(50|60)/.test(line)) serverErrors.push(line);
    },
  });
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (const role of ROLES) await sessionOf(role);
}, 120_000);

afterAll(async () => {
  for (const action of FORM_ACTIONS) printShares(action, statuses.get(action.id) ?? new Map());
  console.log(`Logins along the way: ${logins}. Errors logged by the server: ${serverErrors.length}.`);
  for (const line of serverErrors.slice(0, 5)) console.log(line.slice(0, 2000));
  agent?.destroy();
  await server?.stop();
  await provider?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function printShares(action: FormAction, counts: Map<number, number>) {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const lines = [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([status, count]) =>
        `  ${status}  ${String(count).padStart(5)}  ${((100 * count) / total).toFixed(1)}%`,
    );
  console.log(
    `Fuzzed answers, POST ${action.path} (${action.id}, ${total} requests)\nstatus  count  share\n${lines.join("\n")}`,
  );
}

// --- inputs -------------------------------------------------------------------------------------

/**
 * Markup that must never come back as it was sent: the server writes none of it itself, so finding one
 * verbatim in a page means a field or header was echoed without escaping.
 */
const MARKUP = [
  "<script>alert(1)</script>",
  '"><script src=//evil.example/x.js></script>',
  "<img src=x onerror=alert(1)>",
  "</script><script>alert(1)</script>",
  "</textarea><svg/onload=alert(1)>",
  "'><iframe src=javascript:alert(1)>",
  '" autofocus onfocus="alert(1)',
  "<!--<script>-->",
];

const hostileText = fc.constantFrom(
  ...MARKUP,
  "javascript:alert(1)",
  "' OR '1'='1",
  "1; DROP TABLE users; --",
  "1 UNION SELECT token_hash FROM login_tokens",
  "$$; select pg_sleep(5); $$",
  "\u0000",
  "a\u0000b",
  "\u0000\u0001\u0007\b\u001b[31m",
  "\r\nSet-Cookie: x=1",
  "\u202e\u200b\ufeff",
  "😀🙂👩‍👩‍👧",
  "Zoë café ĳs",
  "مرحبا",
  "𝕏𝕐",
  "\ud800",
  "../../../../etc/passwd",
  "%",
  "%E0%A4%A",
  "%00",
  "__proto__",
  "constructor",
  "{}",
  "[]",
  "null",
  "-1",
  "1e309",
  "NaN",
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
  "' OR 1=1 -- ".repeat(300),
  "y".repeat(60_000),
);

const anyText = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: hugeText },
);

function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate cannot be encoded; send what UTF-8 makes of it (U+FFFD).
    return encodeURIComponent(Buffer.from(text, "utf8").toString("utf8"));
  }
}

/** A value written into a URL: usually percent-encoded, sometimes raw (when HTTP allows the bytes). */
const urlValue = (value: fc.Arbitrary<string>) =>
  fc
    .tuple(value, fc.boolean())
    .map(([text, raw]) => (raw && /^[\x21-\x7e]*$/.test(text) && !/[#?/]/.test(text) ? text : encode(text)));

/** Sensible values for what the route table's forms ask, beside the values found in their sources. */
function knownValues(field: string): string[] {
  const known: Record<string, string[]> = {
    email: [
      "ambtenaar-1@example.nl",
      " Redacteur-2@EXAMPLE.nl ",
      `nieuw-${randomUUID().slice(0, 8)}@example.nl`,
      "iemand@elders.org",
      "geen-adres",
      "a@b",
    ],
    terug: ["/", "/profiel", "/gids?x=1#y", "//evil.example", "/\\evil.example", "https://evil.example"],
    taal: ["nl", "de", "EN"],
    token: [...freshTokens, "ongebruikt-maar-goed-gevormd-token-1234567890", "x"],
    name: ["Robin", "rapportage", ""],
    organisation: ["RVO", ""],
    workKind: [...ProfileInput.shape.workKind.options, "hacker"],
    id: [randomUUID(), "x"],
    userId: [...targetIds, randomUUID(), "x"],
    roles: [...ROLES, "root"],
    bevestigen: ["nee", "JA", "on"],
    intent: ["niets"],
    organisationId: [kriskrasOrganisationId, randomUUID(), "x"],
    consent: ["ja", "nee"],
  };
  return known[field] ?? ["1", "ja", "x"];
}

function fieldValue(action: FormAction, field: string): fc.Arbitrary<string> {
  const real = [...new Set([...(action.values.get(field) ?? []), ...knownValues(field)])];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: anyText },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

const randomFieldName = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "intent[]",
    "roles[0]",
    "",
    "a.b",
    "email ",
    "_action",
  ),
  fc.string({ maxLength: 10 }),
);

/** Field pairs: some of the route's own fields, duplicates of them, random names, in any order. */
function formPairs(action: FormAction): fc.Arbitrary<[string, string][]> {
  const pairOf = (name: string) => fc.tuple(fc.constant(name), fieldValue(action, name));
  const ownPair =
    action.fields.length > 0
      ? fc.constantFrom(...action.fields).chain(pairOf)
      : fc.tuple(fc.string(), anyText);
  return fc
    .tuple(
      fc.subarray(action.fields).chain((names) => fc.tuple(...names.map(pairOf))),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(ownPair, { maxLength: 3 }) },
      ),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(fc.tuple(randomFieldName, anyText), { maxLength: 4 }) },
      ),
    )
    .map(([own, duplicates, random]) => [...own, ...duplicates, ...random])
    .chain((pairs) => fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length }));
}

const FORM_TYPE = "application/x-www-form-urlencoded";
const formType = fc.oneof(
  { weight: 8, arbitrary: fc.constant(FORM_TYPE) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      `${FORM_TYPE}; charset=utf-8`,
      `${FORM_TYPE}; charset=klingon`,
      "APPLICATION/X-WWW-FORM-URLENCODED",
      `${FORM_TYPE}, text/html`,
    ),
  },
);
const anyType = fc.constantFrom(
  undefined,
  "text/plain",
  "application/json",
  "application/xml",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  FORM_TYPE,
  "<script>",
);

function multipart(pairs: [string, string][], boundary: string, files: boolean, closed: boolean): string {
  const parts = pairs.map(
    ([name, value], index) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"` +
      (files && index % 2 === 0 ? `; filename="${name}.txt"\r\nContent-Type: text/plain` : "") +
      `\r\n\r\n${value}\r\n`,
  );
  return `${parts.join("")}${closed ? `--${boundary}--\r\n` : ""}`;
}

interface Body {
  contentType?: string;
  body?: Buffer;
}

/** Mostly the form as a browser sends it; also as JSON, multipart (with files), garbage and nothing. */
function bodyOf(action: FormAction): fc.Arbitrary<Body> {
  const pairs = formPairs(action);
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc.tuple(pairs, formType).map(([fields, contentType]) => ({
        contentType,
        body: Buffer.from(new URLSearchParams(fields).toString()),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pairs, fc.constantFrom("grens", "----x", "a b"), fc.boolean(), fc.boolean(), fc.boolean())
        .map(([fields, boundary, files, closed, sameBoundary]) => ({
          contentType: `multipart/form-data; boundary=${sameBoundary ? boundary : "anders"}`,
          body: Buffer.from(multipart(fields, boundary, files, closed)),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(pairs, fc.constantFrom("application/json", FORM_TYPE))
        .map(([fields, contentType]) => ({
          contentType,
          body: Buffer.from(JSON.stringify(Object.fromEntries(fields))),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          anyType,
          fc.oneof(
            fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
            anyText.map((text) => Buffer.from(text)),
          ),
        )
        .map(([contentType, body]) => ({ contentType, body })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        {},
        { contentType: FORM_TYPE },
        { contentType: FORM_TYPE, body: Buffer.from("%zz&=&&%%=%E0%A4%A&a=%00") },
        { contentType: FORM_TYPE, body: Buffer.from(`a=${"b".repeat(300_000)}`) },
      ),
    },
  );
}

function realParam(name: string): fc.Arbitrary<string> {
  if (name === "nummer") return fc.constantFrom("1", "2", "99", "0", "-1", "1.5");
  if (name === "slug")
    return fc.constantFrom("luister-naar-burgers", "waarden", "bestaat-niet", FUZZ_CONSULTATION);
  if (name === "id") return fc.constantFrom("1", "a", kriskrasRoundId);
  return fc.constantFrom("1", "a");
}

/** The action's address with real and hostile parameters, as a page or as React Router's data request. */
function addressOf(action: FormAction): fc.Arbitrary<string> {
  const names = [...action.path.matchAll(/:(\w+)\??/g)].map((match) => match[1] as string);
  return fc
    .tuple(
      fc.tuple(
        ...names.map((name) =>
          fc.oneof({ weight: 4, arbitrary: realParam(name) }, { weight: 1, arbitrary: urlValue(anyText) }),
        ),
      ),
      fc.oneof(
        { weight: 12, arbitrary: fc.constant("") },
        // How the browser's router posts a form: the same address with `.data`.
        { weight: 3, arbitrary: fc.constant(".data") },
        { weight: 1, arbitrary: fc.constantFrom("/", "/extra", "/..", "/%2e%2e", ";x=1", "/<script>") },
      ),
    )
    .map(([values, suffix]) => {
      let index = 0;
      const filled = action.path.replace(/:\w+\??/g, () => values[index++] as string).replace(/\*$/, "x");
      return suffix === ".data" && filled === "/" ? "/_root.data" : `${filled}${suffix}`;
    });
}

const queryString = fc
  .array(
    fc.tuple(
      urlValue(
        fc.oneof(
          fc.constantFrom("terug", "index", "_data", "verwijderd", "token", "__proto__"),
          fc.string({ maxLength: 8 }),
        ),
      ),
      fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom("1", "/profiel", "routes/inloggen") },
        { weight: 2, arbitrary: urlValue(anyText) },
      ),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => (pairs.length === 0 ? "" : `?${pairs.map(([key, value]) => `${key}=${value}`).join("&")}`));

const headerValue = fc.oneof(hostileText, fc.string({ maxLength: 30 }));
const cookieGarbage = fc.oneof(
  fc.constantFrom(
    "vm_sessie=abc",
    `vm_sessie=${"a".repeat(40)}`,
    "vm_sessie=",
    "taal=en",
    "taal=<script>",
    "=;=;",
    "vm_sessie",
  ),
  headerValue,
);
const randomHeaders = fc.record(
  {
    accept: fc.oneof(fc.constantFrom("*/*", "text/html", "application/json", "text/x-script"), headerValue),
    "accept-language": fc.oneof(fc.constantFrom("en", "nl", "en-GB,en;q=0.9", "de;q=0.5", "*"), headerValue),
    "user-agent": headerValue,
    "x-request-id": headerValue,
    "x-forwarded-for": headerValue,
    "x-forwarded-host": headerValue,
    "x-forwarded-proto": fc.constantFrom("https", "http", "gopher"),
  },
  { requiredKeys: [] },
);

/** Where the post claims to come from: nearly always this site; otherwise it must be refused. */
const OWN = "this site";
const origin = fc.oneof(
  { weight: 16, arbitrary: fc.constant<string | undefined>(OWN) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      "https://evil.example",
      "null",
      `http://127.0.0.1:${PORT + 1}`,
      `https://127.0.0.1:${PORT}`,
      `http://localhost:${PORT}`,
      "<script>alert(1)</script>",
    ),
  },
);

const send = (request: FuzzRequest) => sendFuzzRequest({ base: BASE, agent, request });

function expectSafeAnswer(request: FuzzRequest, answer: Answer) {
  const what = expectNoServerError(request, answer);
  if (/html/i.test(answer.contentType)) {
    for (const markup of MARKUP)
      expect(answer.text.includes(markup), `reflects ${markup}: ${what}`).toBe(false);
  } else {
    // Data for the browser's router (or a plain-text error) carries what was sent as data; it must
    // never be read as a page.
    expect(answer.nosniff, `without nosniff: ${what}`).toBe(true);
  }
}

// --- properties -----------------------------------------------------------------------------------

describe("every form action under random and hostile posts", () => {
  it("finds the form actions in the route table", () => {
    console.log(
      `Form actions in the route table:\n${FORM_ACTIONS.map((action) => `  POST ${action.path} (${action.id}): ${action.fields.join(", ")}`).join("\n")}`,
    );
    expect(FORM_ACTIONS.length).toBeGreaterThan(0);
    expect(FORM_ACTIONS.map((action) => action.id)).toContain("routes/inloggen");
  });

  for (const action of FORM_ACTIONS) {
    it(`POST ${action.path} never fails, leaks or reflects markup, for anyone (${RUNS_PER_ACTION} requests)`, async () => {
      const counts = new Map<number, number>();
      statuses.set(action.id, counts);
      const request = fc
        .record({
          who: fc.constantFrom(...EVERYONE),
          method: fc.oneof(
            { weight: 12, arbitrary: fc.constant("POST") },
            { weight: 1, arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE") },
          ),
          path: addressOf(action),
          query: queryString,
          origin,
          cookie: fc.constantFrom("session", "garbage; session", "session; garbage", "garbage"),
          cookieGarbage,
          headers: randomHeaders,
          body: bodyOf(action),
        })
        .filter((generated) => generated.path.length + generated.query.length <= MAX_PATH_LENGTH);

      await fc.assert(
        fc.asyncProperty(request, async (generated) => {
          const session = generated.who === "anoniem" ? undefined : await sessionOf(generated.who);
          const sendsSession = session !== undefined && generated.cookie !== "garbage";
          const cookie =
            generated.who === "anoniem"
              ? generated.cookie === "session"
                ? undefined
                : generated.cookieGarbage
              : generated.cookie
                  .replace("session", session ?? "")
                  .replace("garbage", generated.cookieGarbage);
          const candidate: FuzzRequest = {
            method: generated.method,
            path: `${generated.path}${generated.query}`,
            headers: withValidHeaders({
              ...generated.headers,
              origin: generated.origin === OWN ? BASE : generated.origin,
              cookie,
              "content-type": generated.body.contentType,
            }),
            body: generated.body.body,
          };
          const answer = await send(candidate);
          counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
          // Logging out or deleting the account ended this role's session, and a login with a fuzzed
          // link replaced it (a login ends the browser's earlier session): log in anew next time.
          if (
            sendsSession &&
            generated.who !== "anoniem" &&
            answer.setCookie.some((set) => set.startsWith("vm_sessie="))
          )
            delete sessions[generated.who];

          expectSafeAnswer(candidate, answer);
          if (generated.origin !== OWN) expect(answer.status, describeRequest(candidate)).toBe(403);
        }),
        { numRuns: RUNS_PER_ACTION },
      );
      // One cross-site post for sure, whatever the generator drew (1 in 17 draws is one).
      const crossSite: FuzzRequest = {
        method: "POST",
        path: action.path.replace(/:(\w+)\??/g, "x"),
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        body: "a=b",
      };
      const refused = await send(crossSite);
      expectSafeAnswer(crossSite, refused);
      expect(refused.status, `a cross-site post to ${action.path}`).toBe(403);
      const judged = [...counts.keys()].filter((status) => status !== 403 && status !== 405);
      expect(judged, `answers from the route behind POST ${action.path}`).not.toEqual([]);
      await expectRolesIntact();
    }, 60_000);
  }

  it("past a quota every role reads in Dutch why, beside what they typed, and never gets a server error", async () => {
    for (const role of ROLES) {
      const cookie = await sessionOf(role);
      const body = `Wat ${role} schreef, en niet kwijt mag raken`;
      const statuses: number[] = [];
      for (let n = 0; n <= QUOTA; n++) {
        const request: FuzzRequest = {
          method: "POST",
          path: "/meedenken/nieuw",
          headers: withValidHeaders({
            origin: BASE,
            cookie,
            "content-type": FORM_TYPE,
          }),
          body: Buffer.from(new URLSearchParams({ kind: "algemeen", version: "1", body }).toString()),
        };
        const answer = await send(request);
        expectSafeAnswer(request, answer);
        statuses.push(answer.status);
        if (answer.status === 429) {
          expect(answer.text, role).toContain("Je hebt in korte tijd veel bijdragen gestuurd.");
          expect(answer.text, role).toContain("Wat je schreef, staat er nog.");
          expect(answer.text, role).toContain(body);
          break;
        }
      }
      // The fuzz may have used the quota already; either way the last answer is the refusal.
      expect(statuses.at(-1), `${role}: ${statuses.join(", ")}`).toBe(429);
    }
  });

  it("lets valid posts through to the handlers, and logs no error on the way", () => {
    const total = (status: number) =>
      [...statuses.values()].reduce((sum, counts) => sum + (counts.get(status) ?? 0), 0);
    expect(total(200), "answers 200 over all form actions").toBeGreaterThan(0);
    expect(total(303), "answers 303 over all form actions").toBeGreaterThan(0);
    expect(serverErrors, "errors in the server's log").toEqual([]);
  });
});

/** The fuzz may end sessions but never takes rights away from the test's own accounts. */
async function expectRolesIntact() {
  for (const role of ROLES) {
    const cookie = await sessionOf(role);
    const get = (address: string) => send({ method: "GET", path: address, headers: { cookie } });
    expect((await get("/profiel")).status, `${role} still opens /profiel`).toBe(200);
    expect((await get("/beheer/gebruikers")).status, `${role} on /beheer/gebruikers`).toBe(
      role === "beheerder" ? 200 : 403,
    );
  }
}
