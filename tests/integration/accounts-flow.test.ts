// Logging in, roles and rights as people meet them: against the built server, with a real SMTP server
// receiving the login mail. Also the matrix of every route × every role, taken from the route table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/infra/db.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import type { Role } from "../../app/modules/accounts/authorization.ts";
import { createLoginLink } from "../../app/modules/accounts/login-links.server.ts";
import { routesInTable } from "../e2e/example-urls.ts";
import { type BuiltServer, startBuiltServer } from "./built-server.ts";
import { freePort } from "./free-port.ts";
import { recipientOf, startSmtpServer, type TestSmtpServer } from "./smtp-server.ts";

const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-accounts-"));
let smtp: TestSmtpServer;
/** Every mail the server sent, as the SMTP server received it. */
const mails = () =>
  smtp.received.map((mail) => ({
    to: recipientOf(mail),
    subject: mail.subject ?? "",
    text: mail.text ?? "",
  }));
let server: BuiltServer;

type Who = "anoniem" | Role;
const PEOPLE: Record<Exclude<Who, "anoniem">, string> = {
  ambtenaar: "ambtenaar@example.nl",
  gespreksleider: "leider@example.nl",
  redacteur: "redacteur@example.nl",
  beheerder: "beheerder@example.nl",
};
const cookies: Partial<Record<Who, string>> = {};
const links: Partial<Record<Who, string>> = {};

/**
 * Every page route, declared: public, or the least role that may open it. A route missing here fails
 * the matrix test, so a new page cannot slip past the rights check.
 */
const ROUTE_ACCESS: Record<string, "public" | "no page" | Role | readonly Role[]> = {
  "routes/home": "public",
  "routes/gids": "public",
  "routes/gids-afdrukken": "public",
  "routes/gids-versies": "public",
  "routes/gids-vergelijk": "public",
  "routes/gids-versie": "public",
  "routes/gids-versie-afdrukken": "public",
  "routes/gids-versie-deel": "public",
  "routes/gids-deel": "public",
  "routes/zoeken": "public",
  "routes/meedenken": "public",
  "routes/meedenken-nieuw": "ambtenaar",
  "routes/meedenken-mijn": "ambtenaar",
  "routes/meedenken-spelregels": "public",
  "routes/meedenken-bijdrage": "public",
  "routes/beheer-meedenken": "redacteur",
  "routes/beheer-meedenken-bijdrage": "redacteur",
  "routes/doe-mee": "public",
  "routes/doe-mee-code": "public",
  "routes/dilemmas": "public",
  "routes/gesprekken": "gespreksleider",
  "routes/gesprekken-nieuw": "gespreksleider",
  "routes/gesprek-leiden": "ambtenaar",
  "routes/gesprek-scherm": "ambtenaar",
  "routes/gesprek-samenvatting": "ambtenaar",
  "routes/gesprek-samenvatting-download": "ambtenaar",
  "routes/dilemmas-afdrukken": "public",
  "routes/dilemma": "public",
  "routes/dilemmas-nieuw": "ambtenaar",
  "routes/dilemmas-mijn": "ambtenaar",
  "routes/beheer-dilemmas": "redacteur",
  "routes/afwegen": "ambtenaar",
  "routes/afweging": "ambtenaar",
  "routes/afweging-stap": "ambtenaar",
  "routes/afweging-download": "ambtenaar",
  "routes/afweging-verwijderen": "ambtenaar",
  "routes/afweging-dilemmakaart": "ambtenaar",
  "routes/afweging-gedeeld": "public",
  "routes/kriskras": "ambtenaar",
  "routes/kriskras-aanmelden": "ambtenaar",
  "routes/kriskras-evaluatie": "ambtenaar",
  "routes/kriskras-mijn-groep": "ambtenaar",
  "routes/kriskras-mijn-groep-agenda": "ambtenaar",
  "routes/beheer-kriskras-groepen": "redacteur",
  "routes/beheer-dilemma": "redacteur",
  "routes/beheer-gids": "redacteur",
  "routes/beheer-gids-download": "redacteur",
  "routes/beheer-gids-concept": "redacteur",
  "routes/beheer-gids-deel": "redacteur",
  "routes/peilingen": "public",
  "routes/peiling": "public",
  "routes/peiling-resultaten": "public",
  "routes/peiling-samenvatting": "public",
  "routes/peiling-export": ["gespreksleider", "redacteur"],
  "routes/beheer-peilingen": ["gespreksleider", "redacteur"],
  "routes/beheer-peilingen-nieuw": ["gespreksleider", "redacteur"],
  "routes/beheer-peiling": ["gespreksleider", "redacteur"],
  "routes/beheer-kriskras": "redacteur",
  "routes/beheer-kriskras-nieuw": "redacteur",
  "routes/beheer-kriskras-organisaties": "redacteur",
  "routes/beheer-kriskras-ronde": "redacteur",
  "routes/toegankelijkheid": "public",
  "routes/privacy": "public",
  "routes/taal": "no page",
  "routes/inloggen": "public",
  "routes/inloggen-bevestigen": "public",
  "routes/inloggen-sso": "no page",
  "routes/inloggen-sso-terug": "public",
  "routes/uitloggen": "public",
  "routes/profiel": "ambtenaar",
  "routes/mijn-gegevens": "ambtenaar",
  "routes/mijn-gegevens-download": "ambtenaar",
  "routes/beheer-gebruikers": "beheerder",
  "routes/beheer-audit": "beheerder",
  "routes/inzichten": ["redacteur", "beheerder"],
  "routes/inzichten-csv": ["redacteur", "beheerder"],
  // Published years are for anyone; a draft is for those who may read the insights (insights-pages.test.ts).
  "routes/inzichten-jaar": "public",
  "routes/niet-gevonden": "public",
};
/**
 * Every API operation, declared: public, or the least role that may call it. The list is compared
 * with the OpenAPI document, so a new endpoint without a declared right fails the matrix test, and so
 * does one whose document says it needs a login while it is declared public (or the other way round).
 */
const API_ACCESS: Record<string, "public" | "participant" | Role | readonly Role[]> = {
  "GET /versies": "public",
  "GET /versies/{nummer}": "public",
  "GET /versies/{nummer}/delen/{slug}": "public",
  "GET /delen/{slug}": "public",
  "GET /vergelijk": "public",
  "GET /zoeken": "public",
  "GET /ik": "ambtenaar",
  "GET /dilemmas": "public",
  "GET /dilemmas/{slug}": "public",
  "POST /dilemmas": "ambtenaar",
  "GET /afwegingen": "ambtenaar",
  "POST /afwegingen": "ambtenaar",
  "GET /afwegingen/{id}": "ambtenaar",
  "DELETE /afwegingen/{id}": "ambtenaar",
  "PATCH /afwegingen/{id}/stappen/{stap}": "ambtenaar",
  "GET /afwegingen/{id}/export": "ambtenaar",
  "GET /afwegingen/{id}/suggesties": "ambtenaar",
  "GET /gesprekken": "gespreksleider",
  "POST /gesprekken": "gespreksleider",
  "GET /gesprekken/sjablonen": "gespreksleider",
  "GET /gesprekken/{id}": "gespreksleider",
  "DELETE /gesprekken/{id}": "gespreksleider",
  "POST /gesprekken/{id}/acties": "gespreksleider",
  "POST /gesprekken/{id}/moderatie": "gespreksleider",
  "GET /gesprekken/{id}/samenvatting": "gespreksleider",
  "GET /gesprekken/{id}/stroom": "gespreksleider",
  "GET /bijdragen": "public",
  "POST /bijdragen": "ambtenaar",
  "GET /bijdragen/{id}": "public",
  "POST /bijdragen/{id}/reacties": "ambtenaar",
  "POST /bijdragen/{id}/steun": "ambtenaar",
  "DELETE /bijdragen/{id}/steun": "ambtenaar",
  "POST /bijdragen/{id}/meldingen": "ambtenaar",
  "POST /reacties/{id}/meldingen": "ambtenaar",
  "POST /bijdragen/{id}/status": "redacteur",
  "POST /bijdragen/{id}/moderatie": "redacteur",
  "POST /reacties/{id}/moderatie": "redacteur",
  // Taking part needs no account: joining is open to all; the rest needs the token joining gave.
  "POST /deelname": "public",
  "GET /deelname": "participant",
  "PUT /deelname/antwoorden/{vraag}": "participant",
  "GET /deelname/stroom": "participant",
  "GET /peilingen": "public",
  "GET /peilingen/{slug}": "public",
  "GET /peilingen/{slug}/resultaten": "public",
  "GET /peilingen/{slug}/resultaten/stroom": "public",
  // Joining is open (a consultation that needs a login asks for one); the rest needs the token.
  "POST /peilingen/{slug}/deelname": "public",
  "GET /peilingen/{slug}/deelname": "participant",
  "PUT /peilingen/{slug}/deelname/stemmen/{nummer}": "participant",
  "POST /peilingen/{slug}/deelname/stellingen": "participant",
  "GET /inzichten": ["redacteur", "beheerder"],
  "GET /inzichten/{tabel}": ["redacteur", "beheerder"],
};

/** Roles stand side by side (an operator is not automatically an editor); everyone logged in is an ambtenaar. */
function mayOpen(who: Who, needed: Role | readonly Role[]): boolean {
  const roles: readonly Role[] = typeof needed === "string" ? [needed] : needed;
  return who !== "anoniem" && (roles.includes("ambtenaar") || roles.includes(who));
}

const post = (address: string, form: Record<string, string>, cookie?: string, origin = BASE) =>
  fetch(`${BASE}${address}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(form),
  });
const get = (address: string, cookie?: string) =>
  fetch(`${BASE}${address}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

async function waitForMail(to: string, count: number) {
  await expect
    .poll(() => mails().filter((mail) => mail.to === to).length, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(count);
  return mails()
    .filter((mail) => mail.to === to)
    .at(-1);
}

function linkIn(mail: { text: string } | undefined): string {
  return /http\S+\/inloggen\/bevestigen\?token=[\w-]+/.exec(mail?.text ?? "")?.[0] ?? "";
}

function tokenOf(url: string): string {
  return new URL(url).searchParams.get("token") ?? "";
}

async function logIn(token: string): Promise<string> {
  const response = await post("/inloggen/bevestigen", { token });
  expect(response.status).toBe(303);
  const cookie = response.headers.get("set-cookie") ?? "";
  expect(cookie).toMatch(/^vm_sessie=[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
  return cookie.split(";")[0] ?? "";
}

beforeAll(async () => {
  smtp = await startSmtpServer();

  // People with roles and one login link each, prepared the way an operator's command line does it,
  // before the server holds the embedded database.
  const database = await openDatabase({ dataDir });
  await database.migrate();
  for (const [role, email] of Object.entries(PEOPLE) as [Role, string][]) {
    const user = await upsertUser({ db: database.db, email });
    await setUserRoles({ db: database.db, userId: user.id, roles: [role], actor: null });
    links[role] = (
      await createLoginLink({ db: database.db, config: { loginLinkMinutes: 15 }, origin: BASE, email })
    ).url;
  }
  await database.close();

  server = await startBuiltServer({
    port: PORT,
    dataDir,
    env: {
      SMTP_URL: smtp.url,
      ALLOWED_EMAIL_DOMAINS: "example.nl",
      RATE_LIMIT_LOGIN_PER_EMAIL: "3",
      // Small quotas, so the rights test below reaches them in a few posts.
      QUOTA_CONTRIBUTIONS_PER_HOUR: "2",
      QUOTA_REPLIES_PER_HOUR: "2",
    },
  });
  for (const role of Object.keys(PEOPLE) as Role[]) cookies[role] = await logIn(tokenOf(links[role] ?? ""));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await smtp?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("logging in with a link by e-mail", () => {
  it("a civil servant asks for a link, gets it by mail, confirms and is logged in", async () => {
    const asked = await post("/inloggen", { email: "Nieuw@Example.nl", terug: "/profiel" });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Kijk in je e-mail");
    const mail = await waitForMail("nieuw@example.nl", 1);
    expect(mail?.subject).toBe("Je inloglink voor Vakmanschap");
    const url = /http\S+\/inloggen\/bevestigen\?token=[\w-]+/.exec(mail?.text ?? "")?.[0] ?? "";
    expect(url).not.toBe("");

    // Opening the link (as a mail scanner would) shows a button and uses nothing. The page says which
    // account the link logs in to, masked.
    const opened = await get(new URL(url).pathname + new URL(url).search);
    expect(opened.status).toBe(200);
    expect(opened.headers.get("set-cookie")).toBeNull();
    const page = await opened.text();
    // What the page says, without the interface texts that travel with it for the browser's use.
    const shown = page.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
    expect(page).toContain("Inloggen bevestigen");
    expect(page).toContain("Met deze link log je in als n…@example.nl.");
    expect(page).not.toContain("nieuw@example.nl");
    expect(shown).not.toContain("al ingelogd als");

    const confirmed = await post("/inloggen/bevestigen", { token: tokenOf(url) });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe("/profiel");
    const cookie = confirmed.headers.get("set-cookie")?.split(";")[0] ?? "";
    const profile = await get("/profiel", cookie);
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain("nieuw@example.nl");

    const again = await post("/inloggen/bevestigen", { token: tokenOf(url) });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("verlopen of al gebruikt");
  });

  it("answers an address that may not log in exactly the same, and sends nothing", async () => {
    const known = await (await post("/inloggen", { email: "ambtenaar@example.nl" })).text();
    const stranger = await post("/inloggen", { email: "iemand@elders.org" });
    expect(stranger.status).toBe(200);
    const text = await stranger.text();
    expect(text).toContain("Kijk in je e-mail");
    const body = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0];
    expect(body(text)).toBe(body(known));
    await waitForMail("ambtenaar@example.nl", 1);
    expect(mails().some((mail) => mail.to === "iemand@elders.org")).toBe(false);
  });

  it("keeps what was typed and explains a wrong address in Dutch", async () => {
    const response = await post("/inloggen", { email: "geen-adres" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Dit is geen geldig e-mailadres");
    expect(html).toContain('value="geen-adres"');
  });

  it("explains a wrong address in English to an English reader, and mails the link in English", async () => {
    const refused = await post("/inloggen", { email: "geen-adres" }, "taal=en");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("This is not a valid e-mail address");
    expect((await post("/inloggen", { email: "engels@example.nl" }, "taal=en")).status).toBe(200);
    await waitForMail("engels@example.nl", 1);
    expect(mails().find((mail) => mail.to === "engels@example.nl")?.subject).toBe(
      "Your login link for Vakmanschap",
    );
  });

  it("slows down someone who asks too often", async () => {
    const email = "vaak@example.nl";
    for (let i = 0; i < 3; i++) expect((await post("/inloggen", { email })).status).toBe(200);
    const limited = await post("/inloggen", { email });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("te vaak geprobeerd");
  });

  it("refuses a login form sent from another site", async () => {
    const forged = await post(
      "/inloggen",
      { email: "ambtenaar@example.nl" },
      undefined,
      "https://evil.example",
    );
    expect(forged.status).toBe(403);
  });

  it("a link someone else asked for warns a logged-in person before it swaps their account", async () => {
    await post("/inloggen", { email: "eigen@example.nl" });
    const own = await logIn(tokenOf(linkIn(await waitForMail("eigen@example.nl", 1))));
    await post("/inloggen", { email: "aanvaller@example.nl" });
    const forwarded = linkIn(await waitForMail("aanvaller@example.nl", 1));
    const address = new URL(forwarded).pathname + new URL(forwarded).search;

    const page = await (await get(address, own)).text();
    expect(page).toContain("Met deze link log je in als a…@example.nl.");
    expect(page).toContain("je bent in deze browser al ingelogd als e…@example.nl");
    expect(page).toContain("Ja, log in als a…@example.nl");
    expect(page).toContain('name="wisselen" value="ja"');

    // A button pressed without that warning (the page was shown before the login) uses nothing.
    const unconfirmed = await post("/inloggen/bevestigen", { token: tokenOf(forwarded) }, own);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.headers.get("set-cookie")).toBeNull();
    expect(await unconfirmed.text()).toContain("al ingelogd als e…@example.nl");
    expect((await get("/profiel", own)).status).toBe(200);

    // Confirmed: logged in as the other account; the session this browser had is over.
    const confirmed = await post("/inloggen/bevestigen", { token: tokenOf(forwarded), wisselen: "ja" }, own);
    expect(confirmed.status).toBe(303);
    expect((await get("/profiel", own)).status).toBe(302);
  });

  it("logs a person out everywhere from the profile, and records it", async () => {
    const email = "overal@example.nl";
    const sessions: string[] = [];
    for (let i = 1; i <= 2; i++) {
      await post("/inloggen", { email });
      sessions.push(await logIn(tokenOf(linkIn(await waitForMail(email, i)))));
    }
    const profile = await (await get("/profiel", sessions[0])).text();
    expect(profile).toContain('action="/uitloggen"');
    expect(profile).toContain('name="overal" value="ja"');
    expect(profile).toContain("Log overal uit");

    const out = await post("/uitloggen", { overal: "ja" }, sessions[0]);
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^vm_sessie=; Path=\/; Max-Age=0/);
    expect(await out.text()).toContain("Je bent overal uitgelogd");
    for (const session of sessions) expect((await get("/profiel", session)).status).toBe(302);
    const audit = await (await get("/beheer/audit", cookies.beheerder)).text();
    expect(audit).toContain("account.logged-out-everywhere");
    expect(audit).toContain(email);
  });

  it("ends the session at logout", async () => {
    const token = tokenOf(
      (await waitForMail("ambtenaar@example.nl", 1))?.text.match(/http\S+token=[\w-]+/)?.[0] ?? "",
    );
    const cookie = await logIn(token);
    expect((await get("/profiel", cookie)).status).toBe(200);
    const out = await post("/uitloggen", {}, cookie);
    expect(out.headers.get("set-cookie")).toMatch(/^vm_sessie=; Path=\/; Max-Age=0/);
    const after = await get("/profiel", cookie);
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe("/inloggen?terug=%2Fprofiel");
  });
});

describe("roles and rights", () => {
  const everyone: Who[] = ["anoniem", "ambtenaar", "gespreksleider", "redacteur", "beheerder"];

  it("every page route is declared public or protected, and each role gets exactly its rights", async () => {
    const undeclared = routesInTable()
      .map((route) => route.id)
      .filter((id) => !(id in ROUTE_ACCESS));
    expect(undeclared, "routes without a declared right in ROUTE_ACCESS").toEqual([]);

    for (const route of routesInTable()) {
      const access = ROUTE_ACCESS[route.id];
      if (access === "public" || access === "no page" || access === undefined) continue;
      for (const who of everyone) {
        const response = await get(route.path, cookies[who]);
        const where = `${who} on ${route.path}`;
        if (who === "anoniem") {
          expect(response.status, where).toBe(302);
          expect(response.headers.get("location"), where).toMatch(/^\/inloggen\?terug=/);
        } else {
          // An address with a placeholder (`:id`) names nothing that exists: allowed people get 404.
          const allowed = route.path.includes(":") ? 404 : 200;
          expect(response.status, where).toBe(mayOpen(who, access) ? allowed : 403);
        }
        // The same decision holds for a form sent to the page (405 where the page takes no form).
        const sent = await post(route.path, { intent: "niets" }, cookies[who]);
        if (who === "anoniem") expect([302, 405], `POST ${where}`).toContain(sent.status);
        else if (!mayOpen(who, access)) expect([403, 405], `POST ${where}`).toContain(sent.status);
      }
    }
  });

  it("every API operation is declared, and each role gets exactly its rights", async () => {
    const document = (await (await get("/api/v1/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { security?: unknown[]; requestBody?: { required?: boolean }; responses: Record<string, unknown> }
        >
      >;
    };
    const operations = Object.entries(document.paths).flatMap(([address, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${address}`,
        address,
        method,
        protectedByDocument: (operation.security ?? []).length > 0,
        needsBody: operation.requestBody?.required === true,
        success: Number(Object.keys(operation.responses).find((status) => status.startsWith("2"))),
      })),
    );
    expect(operations.length).toBeGreaterThan(0);
    const undeclared = operations.filter((operation) => !(operation.key in API_ACCESS)).map((o) => o.key);
    expect(undeclared, "API operations without a declared right in API_ACCESS").toEqual([]);
    expect(
      Object.keys(API_ACCESS).filter((key) => !operations.some((operation) => operation.key === key)),
      "declared operations the API does not have",
    ).toEqual([]);

    const everyone: Who[] = ["anoniem", "ambtenaar", "gespreksleider", "redacteur", "beheerder"];
    for (const operation of operations) {
      const access = API_ACCESS[operation.key];
      expect(operation.protectedByDocument, `${operation.key}: the document and API_ACCESS agree`).toBe(
        access !== "public",
      );
      if (access === "public" || access === undefined) continue;
      const address = `/api/v1${operation.address.replace(/\{[^}]+\}/g, "1")}`;
      if (access === "participant") {
        // Without the token from joining, nobody takes part: logged in or not, the answer is 401.
        for (const who of everyone) {
          const response = await fetch(`${BASE}${address}`, {
            method: operation.method.toUpperCase(),
            headers: { Origin: BASE, ...(cookies[who] ? { Cookie: cookies[who] } : {}) },
          });
          expect(response.status, `${who} on ${operation.key}`).toBe(401);
          expect(response.headers.get("content-type"), `${who} on ${operation.key}`).toMatch(/json/);
        }
        continue;
      }
      for (const who of everyone) {
        const response = await fetch(`${BASE}${address}`, {
          method: operation.method.toUpperCase(),
          headers: { Origin: BASE, ...(cookies[who] ? { Cookie: cookies[who] } : {}) },
        });
        const where = `${who} on ${operation.key}`;
        if (who === "anoniem") expect(response.status, where).toBe(401);
        // An address with a placeholder (`1`) names nothing that exists: allowed people get 404. A write
        // is sent without a body: allowed people get as far as the check of their input, or through it
        // where the document says the body is optional.
        else {
          const allowed = operation.address.includes("{")
            ? 404
            : operation.needsBody
              ? 400
              : operation.success;
          expect(response.status, where).toBe(mayOpen(who, access) ? allowed : 403);
        }
        expect(response.headers.get("content-type"), where).toMatch(/json/);
      }
    }
  });

  it("past an hourly quota each role reads why in Dutch beside what they typed, or gets 429 from the API", async () => {
    const roles = ["ambtenaar", "gespreksleider", "redacteur", "beheerder"] as const;
    let contribution = "";
    for (const role of roles) {
      const cookie = cookies[role];
      const statuses: number[] = [];
      for (let n = 1; n <= 3; n++) {
        const body = `Mijn opmerking als ${role}, nummer ${n}.`;
        const sent = await post("/meedenken/nieuw", { kind: "algemeen", version: "1", body }, cookie);
        statuses.push(sent.status);
        if (sent.status === 303) contribution ||= sent.headers.get("location")?.split(/[/?]/)[2] ?? "";
        if (sent.status === 429) {
          const html = await sent.text();
          expect(html, role).toContain("Je hebt in korte tijd veel bijdragen gestuurd.");
          expect(html, role).toContain("Het maximum is 2 per uur.");
          expect(html, role).toContain("Wat je schreef, staat er nog.");
          expect(html, role).toContain(body);
        }
      }
      expect(statuses, role).toEqual([303, 303, 429]);
      // The API obeys the same count, with the session cookie as with a token.
      const api = await fetch(`${BASE}/api/v1/bijdragen`, {
        method: "POST",
        headers: { Origin: BASE, Cookie: cookie ?? "", "Content-Type": "application/json" },
        body: JSON.stringify({ version: 1, kind: "algemeen", body: "Via de API, na de grens." }),
      });
      expect(api.status, role).toBe(429);
      expect(api.headers.get("content-type"), role).toContain("application/problem+json");
      expect(Number(api.headers.get("retry-after")), role).toBeGreaterThan(0);
      expect(((await api.json()) as { detail: string }).detail, role).toContain("veel bijdragen");
    }
    // Replies: the form keeps the reply that was not sent.
    const replies: number[] = [];
    for (let n = 1; n <= 3; n++) {
      const body = `Een reactie, nummer ${n}.`;
      const sent = await post(
        `/meedenken/${contribution}`,
        { intent: "reageren", body },
        cookies.gespreksleider,
      );
      replies.push(sent.status);
      if (sent.status === 429) {
        const html = await sent.text();
        expect(html).toContain("Je hebt in korte tijd veel reacties geschreven.");
        expect(html).toContain(body);
      }
    }
    expect(replies).toEqual([303, 303, 429]);
  });

  it("an operator gives a role, and the audit log shows who did it", async () => {
    const list = await (await get("/beheer/gebruikers", cookies.beheerder)).text();
    const item = list.split("<li").find((part) => part.includes("redacteur@example.nl")) ?? "";
    const id = /name="userId" value="([0-9a-f-]{36})"/.exec(item)?.[1] ?? "";
    expect(id).not.toBe("");
    const saved = await post(
      "/beheer/gebruikers",
      { userId: id, roles: "gespreksleider" },
      cookies.beheerder,
    );
    expect(saved.status).toBe(200);
    // The role taken away ends the person's sessions.
    expect((await get("/profiel", cookies.redacteur)).status).toBe(302);
    const audit = await (await get("/beheer/audit", cookies.beheerder)).text();
    expect(audit).toContain("user.roles");
    expect(audit).toContain("beheerder@example.nl");
    expect(audit).toContain("gespreksleider");
    const edited = await (await get("/beheer/gebruikers", cookies.beheerder)).text();
    const editedItem = edited.split("<li").find((part) => part.includes("redacteur@example.nl")) ?? "";
    expect(editedItem).toMatch(/checked="" value="gespreksleider"/);
    expect(editedItem).not.toMatch(/checked="" value="redacteur"/);
  });

  it("keeps at least one operator, so somebody can always give roles", async () => {
    const list = await (await get("/beheer/gebruikers", cookies.beheerder)).text();
    const item = list.split("<li").find((part) => part.includes("beheerder@example.nl")) ?? "";
    const id = /name="userId" value="([0-9a-f-]{36})"/.exec(item)?.[1] ?? "";
    const refused = await post("/beheer/gebruikers", { userId: id }, cookies.beheerder);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Er moet minstens één beheerder blijven");
    expect((await get("/beheer/gebruikers", cookies.beheerder)).status).toBe(200);
  });

  it("a personal API token is shown once, works as Bearer, and stops working when revoked", async () => {
    const created = await post(
      "/profiel",
      { intent: "sleutel-maken", name: "rapportage" },
      cookies.ambtenaar,
    );
    const token = /vmt_[\w-]{40,}/.exec(await created.text())?.[0] ?? "";
    expect(token).not.toBe("");
    const me = await fetch(`${BASE}/api/v1/ik`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ email: "ambtenaar@example.nl", roles: ["ambtenaar"] });
    expect((await fetch(`${BASE}/api/v1/ik`)).status).toBe(401);

    const profile = await (await get("/profiel", cookies.ambtenaar)).text();
    expect(profile).not.toContain(token);
    const tokenId = /name="id" value="([0-9a-f-]{36})"/.exec(profile)?.[1] ?? "";
    await post("/profiel", { intent: "sleutel-intrekken", id: tokenId }, cookies.ambtenaar);
    const revoked = await fetch(`${BASE}/api/v1/ik`, { headers: { Authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("my data", () => {
  it("a person downloads everything kept about them, then deletes the account for good", async () => {
    await post("/inloggen", { email: "vertrek@example.nl" });
    const link =
      /http\S+token=[\w-]+/.exec((await waitForMail("vertrek@example.nl", 1))?.text ?? "")?.[0] ?? "";
    const cookie = await logIn(tokenOf(link));
    await post(
      "/profiel",
      { intent: "profiel", name: "Robin", organisation: "RVO", workKind: "uitvoering" },
      cookie,
    );
    const created = await post("/profiel", { intent: "sleutel-maken", name: "export" }, cookie);
    const token = /vmt_[\w-]{40,}/.exec(await created.text())?.[0] ?? "";

    const download = await get("/mijn-gegevens/download", cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    const exported = (await download.json()) as {
      account: {
        profile: { email: string; name: string; organisation: string };
        apiTokens: { name: string }[];
      };
    };
    expect(exported.account.profile).toMatchObject({
      email: "vertrek@example.nl",
      name: "Robin",
      organisation: "RVO",
    });
    expect(exported.account.apiTokens.map((apiToken) => apiToken.name)).toEqual(["export"]);
    expect(JSON.stringify(exported)).not.toContain(token);

    const unconfirmed = await post("/mijn-gegevens", {}, cookie);
    expect(unconfirmed.status).toBe(400);
    expect((await get("/profiel", cookie)).status).toBe(200);

    const deleted = await post("/mijn-gegevens", { bevestigen: "ja" }, cookie);
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get("location")).toBe("/mijn-gegevens?verwijderd=1");
    expect(await (await get("/mijn-gegevens?verwijderd=1")).text()).toContain("Je account is verwijderd");
    expect(deleted.headers.get("set-cookie")).toMatch(/^vm_sessie=; Path=\/; Max-Age=0/);
    expect((await get("/profiel", cookie)).status).toBe(302);
    expect((await fetch(`${BASE}/api/v1/ik`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    const users = await (await get("/beheer/gebruikers", cookies.beheerder)).text();
    expect(users).not.toContain("vertrek@example.nl");
  });

  it("the only operator cannot delete their account, and is told why", async () => {
    const refused = await post("/mijn-gegevens", { bevestigen: "ja" }, cookies.beheerder);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Je bent de enige beheerder");
    expect((await get("/beheer/gebruikers", cookies.beheerder)).status).toBe(200);
  });

  it("an anonymous visitor cannot download anything", async () => {
    const response = await get("/mijn-gegevens/download");
    expect(response.status).toBe(302);
  });
});
