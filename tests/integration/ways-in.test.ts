// Ways in, from where people are, on each database and through the real pages: the start page offers
// the Dilemma-wijzer, a code to join a conversation, kris-kras and Meedenken; a dilemma card starts a
// team conversation or one's own private record with the card in it; a principle's page leads to its
// cards, its team conversations and its open proposals. The guide's and the cards' pages stay the same
// for everyone, so they stay cacheable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { actorOf, setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { ContributionInput, StatusInput } from "../../app/modules/cocreation/cocreation.validation.ts";
import { createContribution, listContributions } from "../../app/modules/cocreation/contributions.server.ts";
import { decideStatus } from "../../app/modules/cocreation/decisions.server.ts";
import { TEMPLATES, templateFor, templatesForPrinciple } from "../../app/modules/conversations/templates.ts";
import { deliberations } from "../../app/modules/deliberation/deliberation.schema.ts";
import {
  getOwnDeliberation,
  listOwnDeliberations,
} from "../../app/modules/deliberation/deliberations.server.ts";
import { getPublishedCard } from "../../app/modules/dilemmas/dilemmas.server.ts";
import { requireCurrentVersion, requirePart } from "../../app/modules/guide/guide.server.ts";
import * as cardPage from "../../app/routes/dilemma.tsx";
import * as newConversationPage from "../../app/routes/gesprekken-nieuw.tsx";
import * as partPage from "../../app/routes/gids-deel.tsx";
import * as homePage from "../../app/routes/home.tsx";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { startPageServer } from "./page-server.ts";
import { recordedPageCache } from "./recorded-page-cache.ts";

const pageCache = recordedPageCache();

/** A shipped card about loyale-tegenspraak (content/dilemmas/). */
const CARD = "eerst-de-minister-of-de-samenleving";
/** A principle with cards and with questions in some of the templates. */
const PRINCIPLE = "loyale-tegenspraak";
/** What one person may start per hour in this test. */
const RECORDS_PER_HOUR = 2;

const decoded = (html: string) =>
  html.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&#39;", "'");

/** The value of the form field with this name in a rendered page. */
function fieldValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
  if (input) return decoded(input[1] ?? "");
  const area = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(html);
  return area ? decoded(area[1] ?? "") : undefined;
}

describe.each(databaseKinds)("ways in, from where people are, on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startPageServer>>;
  const people = { civilServant: "", colleague: "", facilitator: "" };
  const ids = { civilServant: "", colleague: "" };

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    server = await startPageServer({
      database,
      env: { QUOTA_DELIBERATIONS_PER_HOUR: String(RECORDS_PER_HOUR) },
      pages: {
        "routes/home": { path: "", module: homePage },
        "routes/dilemma": { path: "dilemmas/:slug", module: cardPage },
        "routes/gesprekken-nieuw": { path: "gesprekken/nieuw", module: newConversationPage },
        "routes/gids-deel": { path: "gids/:slug", module: partPage },
      },
    });
    const { db } = database;
    const civilServant = await upsertUser({ db, email: "ambtenaar@example.nl" });
    const colleague = await upsertUser({ db, email: "collega@example.nl" });
    const facilitator = await upsertUser({ db, email: "leider@example.nl" });
    await setUserRoles({ db, userId: facilitator.id, roles: ["gespreksleider"], actor: null });
    ids.civilServant = civilServant.id;
    ids.colleague = colleague.id;
    people.civilServant = await server.cookieFor(civilServant.id);
    people.colleague = await server.cookieFor(colleague.id);
    people.facilitator = await server.cookieFor(facilitator.id);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  it("the start page offers the ways in, with a code form that posts where /doe-mee's form posts", async () => {
    const answer = await server.get("/");
    expect(answer.status).toBe(200);
    // Kept by the page cache: the same page for everyone.
    expect(answer.headers.get("cache-control")).toBe("no-cache");
    expect(answer.headers.get("etag")).toBeTruthy();
    const html = await answer.text();
    for (const href of ["/afwegen", "/doe-mee", "/kriskras", "/meedenken", "/dilemmas", "/gids"]) {
      expect(html, href).toContain(`href="${href}"`);
    }
    const form = /<form[^>]*action="\/doe-mee"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    expect(form?.[0]).toContain('method="post"');
    expect(form?.[1]).toContain('name="code"');
    expect(form?.[1]).toMatch(/<label[^>]*for="home-code"/);
    // Even for someone logged in, nothing personal: the same bytes.
    const again = await server.get("/", people.civilServant);
    expect(await again.text()).toBe(html);
  });

  it("a card offers a team conversation and one's own deliberation, and stays cacheable", async () => {
    const answer = await server.get(`/dilemmas/${CARD}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-cache");
    const html = await answer.text();
    expect(html).toContain(`href="/gesprekken/nieuw?kaart=${CARD}"`);
    expect(html).toContain("gespreksleider");
    // A plain form that posts to the card's own address, so it works without JavaScript.
    const form = new RegExp(`<form[^>]*action="/dilemmas/${CARD}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
    expect(form?.[0]).toContain('method="post"');
    expect(form?.[1]).toContain("Begin een afweging met dit dilemma");
  });

  it("someone not logged in who wants to think the card through logs in first and comes back to it", async () => {
    const answer = await server.post(`/dilemmas/${CARD}`, new URLSearchParams());
    expect([302, 303]).toContain(answer.status);
    expect(answer.headers.get("location")).toBe(`/inloggen?terug=${encodeURIComponent(`/dilemmas/${CARD}`)}`);
  });

  it("thinking a card through starts a private, encrypted record with the card's case and choices", async () => {
    const { db } = database;
    const card = await getPublishedCard({ db, slug: CARD });
    const answer = await server.post(`/dilemmas/${CARD}`, new URLSearchParams(), people.civilServant);
    expect(answer.status).toBe(303);
    const location = answer.headers.get("location") ?? "";
    const id = /^\/afwegen\/([0-9a-f-]{36})\/stap\/1$/.exec(location)?.[1] ?? "";
    expect(id, location).not.toBe("");

    const record = await getOwnDeliberation({ db, keyring: server.keyring, id, ownerId: ids.civilServant });
    expect(record.content).toMatchObject({
      situation: card.case.trim(),
      optionA: card.optionA.trim(),
      riskA: card.riskA.trim(),
      optionB: card.optionB.trim(),
      riskB: card.riskB.trim(),
      // The weighing is the person's own: nothing chosen for them.
      principles: [],
      choice: "",
    });
    // The owner's alone: anyone else gets "not found".
    await expect(
      getOwnDeliberation({ db, keyring: server.keyring, id, ownerId: ids.colleague }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await listOwnDeliberations({ db, keyring: server.keyring, ownerId: ids.colleague })).length).toBe(
      0,
    );
    // Stored encrypted, like every record: the card's words are not in the row.
    const rows = await db.select({ content: deliberations.content }).from(deliberations);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.content).not.toContain(card.optionA.slice(0, 20));
  });

  it("counts against the hourly quota of new records, and says so on the card", async () => {
    // One record was made in the test before; the next fills the quota, the one after is refused.
    const made = await server.post(`/dilemmas/${CARD}`, new URLSearchParams(), people.civilServant);
    expect(made.status).toBe(303);
    const refused = await server.post(`/dilemmas/${CARD}`, new URLSearchParams(), people.civilServant);
    expect(refused.status).toBe(429);
    // A page with a message for this person is not kept.
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.text()).toContain('role="alert"');
    expect(
      (await listOwnDeliberations({ db: database.db, keyring: server.keyring, ownerId: ids.civilServant }))
        .length,
    ).toBe(RECORDS_PER_HOUR);
  });

  it("an unknown card starts nothing", async () => {
    const answer = await server.post("/dilemmas/bestaat-niet", new URLSearchParams(), people.colleague);
    expect(answer.status).toBe(404);
    expect(
      (await listOwnDeliberations({ db: database.db, keyring: server.keyring, ownerId: ids.colleague }))
        .length,
    ).toBe(0);
  });

  it("a facilitator coming from a card finds its question ready in a new conversation", async () => {
    const card = await getPublishedCard({ db: database.db, slug: CARD });
    const answer = await server.get(`/gesprekken/nieuw?kaart=${CARD}`, people.facilitator);
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(fieldValue(html, "vraag-0-kaart")).toBe(CARD);
    const start = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 15);
    expect(start(fieldValue(html, "vraag-0-keuze-a") ?? "")).toBe(start(card.optionA));
    expect(fieldValue(html, "vraag-0-tekst")).toMatch(/Wat doe je\?$/);
    expect(fieldValue(html, "titel")).toBe(card.title);
    expect(html).not.toContain('name="vraag-1-soort"');
    // Choosing a template keeps the card: its question comes after the template's own.
    expect(html).toContain(`href="/gesprekken/nieuw?sjabloon=teamoverleg&amp;kaart=${CARD}"`);

    const withTemplate = await (
      await server.get(`/gesprekken/nieuw?sjabloon=teamoverleg&kaart=${CARD}`, people.facilitator)
    ).text();
    const count = templateFor("teamoverleg")?.questions.length ?? 0;
    expect(fieldValue(withTemplate, `vraag-${count}-kaart`)).toBe(CARD);
    expect(fieldValue(withTemplate, "titel")).toBe(templateFor("teamoverleg")?.title);

    // An unknown card is said, and the form starts without it.
    const unknown = await (
      await server.get("/gesprekken/nieuw?kaart=bestaat-niet", people.facilitator)
    ).text();
    expect(unknown).toContain("Dat dilemma kunnen we niet vinden");
  });

  it("a refused new conversation comes back with what was typed and each message beside its field", async () => {
    const typed = new URLSearchParams({
      titel: "Ons eigen gesprek",
      beschrijving: "",
      minimum: "1",
      "vraag-0-soort": "dilemma",
      "vraag-0-tekst": "Wat doe je als de minister iets anders wil dan de burger?",
      "vraag-0-keuze-a": "Ik volg de minister",
      "vraag-0-keuze-b": "Ik zeg wat ik zie",
      "vraag-0-kaartkeuze": "bestaat-niet",
    });
    const below = await server.post(
      "/gesprekken/nieuw",
      new URLSearchParams([...typed, ["intent", "maken"]]),
      people.facilitator,
    );
    expect(below.status).toBe(400);
    const belowHtml = await below.text();
    expect(fieldValue(belowHtml, "titel")).toBe("Ons eigen gesprek");
    expect(belowHtml).toContain('href="#minimum"');
    expect(belowHtml).toMatch(/minimum aantal antwoorden is minstens \d/);

    const unknownCard = await server.post(
      "/gesprekken/nieuw",
      new URLSearchParams([...typed, ["intent", "kaart-0"]]),
      people.facilitator,
    );
    expect(unknownCard.status).toBe(400);
    const cardHtml = await unknownCard.text();
    expect(cardHtml).toContain('href="#vraag-0-kaartkeuze"');
    expect(cardHtml).toContain("Deze dilemmakaart bestaat niet (meer).");
    expect(fieldValue(cardHtml, "vraag-0-keuze-b")).toBe("Ik zeg wat ik zie");
  });

  it("the conversation form from a card is for facilitators: others log in first or are refused", async () => {
    const anonymous = await server.get(`/gesprekken/nieuw?kaart=${CARD}`);
    expect(anonymous.headers.get("location")).toBe(
      `/inloggen?terug=${encodeURIComponent(`/gesprekken/nieuw?kaart=${CARD}`)}`,
    );
    expect((await server.get(`/gesprekken/nieuw?kaart=${CARD}`, people.civilServant)).status).toBe(403);
  });

  it("a principle's page leads to its cards, its team conversations and its open proposals", async () => {
    const answer = await server.get(`/gids/${PRINCIPLE}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-cache");
    const html = await answer.text();
    expect(html).toContain(`href="/dilemmas/${CARD}"`);
    expect(html).toContain(`href="/dilemmas?principe=${PRINCIPLE}"`);
    const about = templatesForPrinciple(PRINCIPLE).map((template) => template.key);
    expect(about.length).toBeGreaterThan(0);
    for (const template of TEMPLATES) {
      const link = `href="/gesprekken/nieuw?sjabloon=${template.key}"`;
      if (about.includes(template.key)) expect(html).toContain(link);
      else expect(html).not.toContain(link);
    }
    expect(html).toContain(`href="/meedenken?deel=${PRINCIPLE}&amp;status=open"`);
  });

  it("under a paragraph without reactions there is only a short link to react", async () => {
    const html = await (await server.get(`/gids/${PRINCIPLE}`)).text();
    expect(html).not.toContain("Nog geen reacties");
    const actions = [...html.matchAll(/<p class="vm-paragraph-actions"[^>]*>([\s\S]*?)<\/p>/g)];
    expect(actions.length).toBeGreaterThan(0);
    for (const [, inner] of actions) {
      expect(inner).toMatch(/<a [^>]*aria-label="Reageer op deze alinea"[^>]*>Reageer<\/a>/);
    }
  });

  it("the open proposals on a part are those the editors have not decided yet", async () => {
    const { db } = database;
    const version = await requireCurrentVersion({ db });
    const { part } = await requirePart({ db, version, slug: PRINCIPLE });
    const anchor = part.blocks.find((block) => block.kind !== "heading")?.anchor ?? "";
    const writer = actorOf({ ...(await upsertUser({ db, email: "schrijver@example.nl" })), roles: [] });
    const editor = actorOf({
      ...(await upsertUser({ db, email: "redacteur@example.nl" })),
      roles: ["redacteur"],
    });
    const write = (body: string) =>
      createContribution({
        pageCache,
        db,
        quotas: server.config.quotas,
        actor: writer,
        input: ContributionInput.parse({
          version: version.number,
          kind: "reactie",
          part: PRINCIPLE,
          anchor,
          body,
        }),
      });
    const received = await write("Dit herken ik.");
    const considered = await write("Hier twijfel ik over.");
    const declined = await write("Dit klopt niet.");
    const decide = (contributionId: string, status: string, reason: string) =>
      decideStatus({
        db,
        quotas: server.config.quotas,
        actor: editor,
        contributionId,
        input: StatusInput.parse({ status, reason }),
        origin: server.base,
      });
    await decide(considered.id, "in-behandeling", "");
    await decide(declined.id, "niet-overgenomen", "Dat staat er al.");

    const open = await listContributions({
      db,
      filter: { deel: PRINCIPLE, status: "open" },
      viewer: { editor: false },
    });
    expect(open.items.map((item) => item.id).sort()).toEqual([received.id, considered.id].sort());
  });
});
