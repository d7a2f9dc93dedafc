// Single sign-on against a real OpenID Connect provider that the test starts itself. First the login
// module on each database (client secret), then the built server end to end as a ministry would run it
// (private_key_jwt, login links switched off).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { auditLog, userIdentities, users } from "../../app/modules/accounts/accounts.schema.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import {
  createSingleSignOn,
  publicJwksOf,
  type SingleSignOn,
  singleSignOnWarnings,
} from "../../app/modules/accounts/single-sign-on.server.ts";
import { type BuiltServer, startBuiltServer } from "./built-server.ts";
import { databaseKinds, openMigratedDatabase, type TestDatabase } from "./databases.ts";
import { freePort } from "./free-port.ts";
import { CookieBrowser, startOidcProvider, type TestProvider } from "./oidc-provider.ts";

const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const CALLBACK = `${BASE}/inloggen/sso/terug`;
const SECRET = crypto.randomBytes(32).toString("base64url");
const CLIENT_KEY = crypto
  .generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ format: "pem", type: "pkcs8" })
  .toString();

const EC_KEY = crypto
  .generateKeyPairSync("ec", { namedCurve: "P-256" })
  .privateKey.export({ format: "pem", type: "pkcs8" })
  .toString();
const keyConfigOf = (env: Record<string, string>) => {
  const config = parseConfig({ OIDC_ISSUER: provider?.issuer ?? "http://127.0.0.1:1", ...env }).oidc;
  if (!config) throw new Error("no oidc configuration");
  return config;
};

let provider: TestProvider;

/** People at the provider; each suite starts from these. */
const PEOPLE: TestProvider["people"] = {
  "sub-anna": { email: "Anna@MinBZK.nl", email_verified: true, name: "Anna de Vries", organisatie: "BZK" },
  "sub-bram": {
    email: "bram@example.nl",
    email_verified: true,
    name: "Bram",
    organisatie: "Rijkswaterstaat",
  },
  "sub-cor": { email: "cor@example.nl", email_verified: false, name: "Cor" },
  // Typed in herself at a provider where people choose their own address; nobody checked it.
  "sub-eva": { email: "wendy@example.nl", email_verified: false, name: "Eva" },
  "sub-fien": { email: "fien@example.nl", name: "Fien" },
  "sub-dirk": { name: "Dirk zonder adres" },
};

beforeAll(async () => {
  // The public half of the app's key, registered at the provider the way an operator would hand it over.
  const keyConfig = parseConfig({
    OIDC_ISSUER: "http://127.0.0.1:1",
    OIDC_CLIENT_ID: "x",
    OIDC_PRIVATE_KEY: CLIENT_KEY,
  }).oidc;
  if (!keyConfig) throw new Error("no oidc configuration");
  provider = await startOidcProvider({
    clients: [
      {
        client_id: "vakmanschap",
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "RS256",
        jwks: publicJwksOf(keyConfig) as { keys: never[] },
        redirect_uris: [CALLBACK],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
      {
        client_id: "vakmanschap-ec",
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "ES256",
        jwks: publicJwksOf(
          keyConfigOf({ OIDC_CLIENT_ID: "x", OIDC_PRIVATE_KEY: EC_KEY, OIDC_SIGNING_ALG: "ES256" }),
        ) as { keys: never[] },
        redirect_uris: [CALLBACK],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
      {
        client_id: "vakmanschap-geheim",
        client_secret: SECRET,
        token_endpoint_auth_method: "client_secret_basic",
        redirect_uris: [CALLBACK],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
  });
}, 30_000);

afterAll(async () => {
  await provider?.close();
});

/** Lets `who` log in at the provider and brings back the provider's answer, as the browser would. */
async function loginAtProvider(sso: SingleSignOn, db: Database["db"], who: string | null, returnTo = "/") {
  provider.nextLogin = who;
  const { url, secret } = await sso.start({ db, redirectUri: CALLBACK, returnTo });
  const browser = new CookieBrowser();
  const { url: answer } = await browser.open(url, { stopAt: CALLBACK });
  expect(answer.startsWith(CALLBACK)).toBe(true);
  return { secret, callbackUrl: new URL(answer), authorizationUrl: new URL(url) };
}

describe.each(databaseKinds)("single sign-on on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let sso: SingleSignOn;

  beforeAll(async () => {
    ({ test, database } = await openMigratedDatabase(kind));
    provider.people = structuredClone(PEOPLE);
    const config = parseConfig({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: "vakmanschap-geheim",
      OIDC_CLIENT_SECRET: SECRET,
      OIDC_SCOPES: "openid email profile organisatie",
      OIDC_ORGANISATION_CLAIM: "organisatie",
    }).oidc;
    if (!config) throw new Error("no oidc configuration");
    expect(config.clientAuth.method).toBe("client_secret_basic");
    sso = createSingleSignOn(config);
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  it("asks for a code with PKCE, a state and a nonce", async () => {
    const { db } = database;
    const { url } = await sso.start({ db, redirectUri: CALLBACK, returnTo: "/" });
    const query = new URL(url).searchParams;
    expect(query.get("response_type")).toBe("code");
    expect(query.get("code_challenge_method")).toBe("S256");
    expect(query.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(query.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(query.get("nonce")).toMatch(/^[\w-]{20,}$/);
    expect(query.get("scope")).toBe("openid email profile organisatie");
  });

  it("makes an account for a new person, keyed by issuer and subject, with the provider's details", async () => {
    const { db } = database;
    const answer = await loginAtProvider(sso, db, "sub-anna", "/profiel");
    const { user, returnTo } = await sso.finish({ db, ...answer });
    expect(returnTo).toBe("/profiel");
    expect(user).toMatchObject({ email: "anna@minbzk.nl", name: "Anna de Vries", organisation: "BZK" });
    expect(user.lastLoginAt).not.toBeNull();
    const identities = await db.select().from(userIdentities).where(eq(userIdentities.userId, user.id));
    expect(identities).toEqual([expect.objectContaining({ issuer: provider.issuer, subject: "sub-anna" })]);

    // The next login finds the same account by issuer and subject, even when the address changed.
    provider.people["sub-anna"] = {
      ...provider.people["sub-anna"],
      email: "anna@nieuw.nl",
      organisatie: "AZ",
    };
    const { user: again } = await sso.finish({ db, ...(await loginAtProvider(sso, db, "sub-anna")) });
    expect(again.id).toBe(user.id);
    expect(again.organisation).toBe("AZ");
    expect(await db.select().from(userIdentities).where(eq(userIdentities.userId, user.id))).toHaveLength(1);
  });

  it("links an existing account by a verified e-mail address, and records it", async () => {
    const { db } = database;
    const existing = await upsertUser({ db, email: "bram@example.nl", name: "Bram eigen naam" });
    const user = await sso
      .finish({ db, ...(await loginAtProvider(sso, db, "sub-bram")) })
      .then((r) => r.user);
    expect(user.id).toBe(existing.id);
    // The name the person chose stays; the organisation comes from the provider.
    expect(user.name).toBe("Bram eigen naam");
    expect(user.organisation).toBe("Rijkswaterstaat");
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "account.sso-linked"))
      .then((rows) => rows.filter((row) => row.target === "bram@example.nl"));
    expect(entry?.details).toEqual({ issuer: provider.issuer });
  });

  it("does not link an existing account when the provider does not vouch for the address", async () => {
    const { db } = database;
    const existing = await upsertUser({ db, email: "cor@example.nl" });
    const answer = await loginAtProvider(sso, db, "sub-cor");
    await expect(sso.finish({ db, ...answer })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.select().from(userIdentities).where(eq(userIdentities.userId, existing.id))).toEqual([]);
  });

  it("makes no account from an address the provider does not vouch for", async () => {
    const { db } = database;
    for (const who of ["sub-eva", "sub-fien"]) {
      const answer = await loginAtProvider(sso, db, who);
      await expect(sso.finish({ db, ...answer }), who).rejects.toMatchObject({
        code: "forbidden",
        message: "problems.accounts.sso.unverified",
      });
    }
    const made = await db
      .select()
      .from(users)
      .where(inArray(users.email, ["wendy@example.nl", "fien@example.nl"]));
    expect(made).toEqual([]);
    expect(await db.select().from(userIdentities).where(eq(userIdentities.subject, "sub-eva"))).toEqual([]);
  });

  it("answers an unvouched address the same whether an account has it or not", async () => {
    const { db } = database;
    await upsertUser({ db, email: "cor@example.nl" });
    const refusal = async (who: string) =>
      sso.finish({ db, ...(await loginAtProvider(sso, db, who)) }).then(
        () => "logged in",
        (error: Error) => error.message,
      );
    expect(await refusal("sub-cor")).toBe(await refusal("sub-eva"));
  });

  it("trusts every address only when the operator says so, and then warns at start-up", async () => {
    const { db } = database;
    expect(singleSignOnWarnings({ oidc: sso.config })).toEqual([]);
    expect(singleSignOnWarnings({})).toEqual([]);
    const trusting = createSingleSignOn({ ...sso.config, requireVerifiedEmail: false });
    expect(singleSignOnWarnings({ oidc: trusting.config })).toEqual([
      expect.stringContaining("OIDC_REQUIRE_VERIFIED_EMAIL=false"),
    ]);
    const { user } = await trusting.finish({ db, ...(await loginAtProvider(trusting, db, "sub-fien")) });
    expect(user.email).toBe("fien@example.nl");
  });

  it("refuses a person without an e-mail address", async () => {
    const { db } = database;
    const answer = await loginAtProvider(sso, db, "sub-dirk");
    await expect(sso.finish({ db, ...answer })).rejects.toMatchObject({
      code: "invalid",
      message: "problems.accounts.sso.noEmail",
    });
  });

  it("uses a login once, and only in the browser that started it", async () => {
    const { db } = database;
    const first = await loginAtProvider(sso, db, "sub-anna");
    const second = await loginAtProvider(sso, db, "sub-anna");
    // The answer meant for the second login, brought back with the first login's cookie.
    await expect(
      sso.finish({ db, secret: first.secret, callbackUrl: second.callbackUrl }),
    ).rejects.toMatchObject({
      code: "invalid",
      message: "problems.accounts.sso.badAnswer",
    });
    await expect(sso.finish({ db, ...first })).rejects.toMatchObject({
      message: "problems.accounts.sso.attemptUsed",
    });
    await expect(sso.finish({ db, secret: "", callbackUrl: second.callbackUrl })).rejects.toMatchObject({
      code: "invalid",
    });
    expect((await sso.finish({ db, ...second })).user.email).toBe("anna@minbzk.nl");
    await expect(sso.finish({ db, ...second })).rejects.toMatchObject({ code: "invalid" });
  });

  it("refuses a login that took too long", async () => {
    const { db } = database;
    const answer = await loginAtProvider(sso, db, "sub-anna");
    await db.execute(sql`update sso_logins set expires_at = now() - interval '1 second'`);
    await expect(sso.finish({ db, ...answer })).rejects.toMatchObject({
      message: "problems.accounts.sso.attemptUsed",
    });
  });

  it("says so when the person cancels at the provider", async () => {
    const { db } = database;
    const answer = await loginAtProvider(sso, db, null);
    expect(answer.callbackUrl.searchParams.get("error")).toBe("access_denied");
    await expect(sso.finish({ db, ...answer })).rejects.toMatchObject({
      message: "problems.accounts.sso.cancelled",
    });
  });

  it("signs its client assertion with an EC key (private_key_jwt, ES256)", async () => {
    const { db } = database;
    const ec = createSingleSignOn(
      keyConfigOf({ OIDC_CLIENT_ID: "vakmanschap-ec", OIDC_PRIVATE_KEY: EC_KEY, OIDC_SIGNING_ALG: "ES256" }),
    );
    const { user } = await ec.finish({ db, ...(await loginAtProvider(ec, db, "sub-bram")) });
    expect(user.email).toBe("bram@example.nl");
  });

  it("answers 'unavailable' while the provider cannot be reached", async () => {
    const config = parseConfig({
      OIDC_ISSUER: "http://127.0.0.1:9",
      OIDC_CLIENT_ID: "x",
      OIDC_CLIENT_SECRET: "y",
    }).oidc;
    if (!config) throw new Error("no oidc configuration");
    await expect(
      createSingleSignOn(config).start({ db: database.db, redirectUri: CALLBACK, returnTo: "/" }),
    ).rejects.toMatchObject({ code: "unavailable", status: 503 });
  });
});

describe("the built server with single sign-on (private_key_jwt) and login links off", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-sso-"));
  const logLines: Buffer[] = [];
  let server: BuiltServer;

  beforeAll(async () => {
    provider.people = structuredClone(PEOPLE);
    server = await startBuiltServer({
      port: PORT,
      dataDir,
      env: {
        LOGIN_LINKS: "off",
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: "vakmanschap",
        OIDC_PRIVATE_KEY: CLIENT_KEY,
        OIDC_SCOPES: "openid email profile organisatie",
        OIDC_ORGANISATION_CLAIM: "organisatie",
        OIDC_PROVIDER_NAME: "Rijks-SSO",
        LOG_LEVEL: "info",
      },
      onStdout: (chunk) => logLines.push(chunk),
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("offers the organisation's login and no e-mail form", async () => {
    const page = await (await fetch(`${BASE}/inloggen`)).text();
    expect(page).toContain("Inloggen via Rijks-SSO");
    expect(page).toContain('action="/inloggen/sso"');
    expect(page).toContain("Inloggen met een link per e-mail staat uit");
    expect(page).not.toContain('name="email"');
    const asked = await fetch(`${BASE}/inloggen`, {
      method: "POST",
      headers: { Origin: BASE },
      body: new URLSearchParams({ email: "iemand@example.nl" }),
    });
    expect(asked.status).toBe(403);
  });

  it("logs a civil servant in through the provider and back to where they were going", async () => {
    provider.nextLogin = "sub-anna";
    const browser = new CookieBrowser();
    const { response, url, visited } = await browser.open(`${BASE}/inloggen/sso`, {
      method: "POST",
      headers: { Origin: BASE },
      body: new URLSearchParams({ terug: "/profiel" }),
    });
    expect(visited.some((address) => address.startsWith(provider.issuer))).toBe(true);
    expect(url).toBe(`${BASE}/profiel`);
    expect(response.status).toBe(200);
    const profile = await response.text();
    expect(profile).toMatch(/anna@(minbzk|nieuw)\.nl/);
    expect(browser.cookie(BASE, "vm_sessie")).toMatch(/^[\w-]{20,}$/);
    expect(browser.cookie(BASE, "vm_sso")).toBeUndefined();
  });

  it("keeps the provider's code out of the request log", async () => {
    const response = await fetch(`${CALLBACK}?code=geheime-code-123&state=verzonnen`, { redirect: "manual" });
    expect(response.status).toBe(400);
    await expect
      .poll(() => Buffer.concat(logLines).toString())
      .toContain("/inloggen/sso/terug?code=[verborgen]");
    expect(Buffer.concat(logLines).toString()).not.toContain("geheime-code-123");
  });

  it("a second login in the same browser ends the session it had", async () => {
    provider.nextLogin = "sub-bram";
    const browser = new CookieBrowser();
    const login = () =>
      browser.open(`${BASE}/inloggen/sso`, {
        method: "POST",
        headers: { Origin: BASE },
        body: new URLSearchParams({ terug: "/profiel" }),
      });
    await login();
    const first = browser.cookie(BASE, "vm_sessie") ?? "";
    provider.nextLogin = "sub-bram";
    await login();
    expect(browser.cookie(BASE, "vm_sessie")).not.toBe(first);
    const old = await fetch(`${BASE}/profiel`, {
      redirect: "manual",
      headers: { Cookie: `vm_sessie=${first}` },
    });
    expect(old.status).toBe(302);
  });

  it("explains a cancelled login and offers to try again", async () => {
    provider.nextLogin = null;
    const browser = new CookieBrowser();
    const { response, url } = await browser.open(`${BASE}/inloggen/sso`, {
      method: "POST",
      headers: { Origin: BASE },
    });
    expect(url.startsWith(CALLBACK)).toBe(true);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("Inloggen via je organisatie is niet gelukt");
    expect(page).toContain("afgebroken");
    expect(browser.cookie(BASE, "vm_sessie")).toBeUndefined();
  });

  it("refuses an answer that no login in this browser asked for", async () => {
    const response = await fetch(`${CALLBACK}?code=gestolen&state=verzonnen`, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie") ?? "").not.toContain("vm_sessie=");
    expect(await response.text()).toContain("verlopen of al gebruikt");
  });

  it("refuses a login started from another site", async () => {
    const response = await fetch(`${BASE}/inloggen/sso`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: "https://elders.example" },
    });
    expect(response.status).toBe(403);
  });
});
