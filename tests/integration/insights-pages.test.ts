// The insights through the site, on each database: reading a part, opening and printing cards and a
// search that finds nothing are counted, by page and hour, and nothing about the reader; the dashboard
// and its CSV files show the counts to an editor only.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { queryRows } from "../../app/infra/db.server.ts";
import { createKeyring } from "../../app/infra/encryption.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { getConversationSummary } from "../../app/modules/conversations/conversation-views.server.ts";
import { purgeEndedConversations } from "../../app/modules/conversations/conversations.server.ts";
import { createDeliberation, saveDeliberation } from "../../app/modules/deliberation/deliberations.server.ts";
import { readInsights } from "../../app/modules/insights/insights.server.ts";
import { addMonths, monthOf } from "../../app/modules/insights/periods.ts";
import { refreshInsights } from "../../app/modules/insights/rollup.server.ts";
import * as dilemma from "../../app/routes/dilemma.tsx";
import * as printCards from "../../app/routes/dilemmas-afdrukken.tsx";
import * as guidePart from "../../app/routes/gids-deel.tsx";
import * as insights from "../../app/routes/inzichten.tsx";
import * as insightsCsv from "../../app/routes/inzichten-csv.ts";
import * as yearPage from "../../app/routes/inzichten-jaar.tsx";
import * as search from "../../app/routes/zoeken.tsx";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { startPageServer } from "./page-server.ts";

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const CARD = "eerst-de-minister-of-de-samenleving";

describe.each(databaseKinds)("the insights on the site on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startPageServer>>;
  let editor = "";
  let reader = "";

  const read = (path: string, userAgent = BROWSER) =>
    fetch(`${server.base}${path}`, { headers: { "User-Agent": userAgent }, redirect: "manual" });

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    server = await startPageServer({
      database,
      pages: {
        "routes/gids-deel": { path: "gids/:slug", module: guidePart },
        "routes/dilemma": { path: "dilemmas/:slug", module: dilemma },
        "routes/dilemmas-afdrukken": { path: "dilemmas/afdrukken", module: printCards },
        "routes/zoeken": { path: "zoeken", module: search },
        "routes/inzichten": { path: "inzichten", module: insights },
        "routes/inzichten-csv": { path: "inzichten/csv/:tabel", module: insightsCsv },
        "routes/inzichten-jaar": { path: "inzichten/jaar/:jaar", module: yearPage },
      },
    });
    const { db } = database;
    const redacteur = await upsertUser({ db, email: "redacteur-pagina@example.nl" });
    await setUserRoles({ db, userId: redacteur.id, roles: ["redacteur"], actor: null });
    editor = await server.cookieFor(redacteur.id);
    const ambtenaar = await upsertUser({ db, email: "ambtenaar-pagina@example.nl" });
    reader = await server.cookieFor(ambtenaar.id);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  const counted = async () => {
    await server.insightCounters.flush();
    return queryRows<{ page: string; views: number }>(
      database.db,
      sql`select page, sum(views)::int as views from insight_page_views group by page order by page`,
    );
  };

  it("counts a part read, from the page cache too, and not what a crawler or a HEAD asks", async () => {
    expect((await read("/gids/menselijke-maat")).status).toBe(200);
    expect((await read("/gids/menselijke-maat")).status).toBe(200);
    expect(server.pageCache.stats().hits).toBeGreaterThan(0);
    await read("/gids/menselijke-maat", "Googlebot/2.1 (+http://www.google.com/bot.html)");
    await fetch(`${server.base}/gids/menselijke-maat`, {
      method: "HEAD",
      headers: { "User-Agent": BROWSER },
    });
    expect((await read("/gids/bestaat-niet")).status).toBe(404);
    expect(await counted()).toContainEqual({ page: "gids/menselijke-maat", views: 2 });
    expect((await counted()).map((row) => row.page)).not.toContain("gids/bestaat-niet");
  });

  it("counts a card opened, and each card on the sheets printed", async () => {
    await read(`/dilemmas/${CARD}`);
    await read(`/dilemmas/afdrukken?principe=loyale-tegenspraak`);
    const rows = await counted();
    expect(rows).toContainEqual({ page: `kaart/${CARD}`, views: 1 });
    expect(rows).toContainEqual({ page: `kaart-afdruk/${CARD}`, views: 1 });
    // Only what was on the sheets: a card of another principle was not printed.
    const printed = rows.filter((row) => row.page.startsWith("kaart-afdruk/"));
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.length).toBeLessThan(24);
  });

  it("counts a search that found nothing once per reader and day, and keeps no address", async () => {
    await read("/zoeken?q=kwantumfysica%20xyz");
    await read("/zoeken?q=Kwantumfysica%20%20XYZ");
    await read("/zoeken?q=burgers");
    await read("/zoeken?q=jan.jansen%40example.nl");
    await server.insightCounters.flush();
    const rows = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from insight_search_misses`,
    );
    expect(rows.map((row) => [row.query, row.searchers])).toEqual([["kwantumfysica xyz", 1]]);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["day", "query", "searchers"]);
  });

  it("marks a Dilemma-wijzer record finished when its last step is first filled, and by nothing else", async () => {
    const keyring = createKeyring({ current: Buffer.alloc(32, 7), source: "ENCRYPTION_KEY" });
    const owner = await upsertUser({ db: database.db, email: "afweger@example.nl" });
    const quotas = parseConfig({}).quotas;
    const record = await createDeliberation({ db: database.db, quotas, keyring, ownerId: owner.id });
    const first = await saveDeliberation({
      db: database.db,
      keyring,
      id: record.id,
      ownerId: owner.id,
      revision: record.revision,
      patch: { situation: "Een situatie" },
    });
    const finishedAt = async () =>
      (
        await queryRows<{ at: string | null }>(
          database.db,
          sql`select finished_at::text as at from deliberations where id = ${record.id}`,
        )
      )[0]?.at;
    expect(await finishedAt()).toBeNull();
    expect(first.saved).toBe(true);
    await saveDeliberation({
      db: database.db,
      keyring,
      id: record.id,
      ownerId: owner.id,
      revision: record.revision + 1,
      patch: { accountability: "Ik leg het uit aan mijn team." },
    });
    const at = await finishedAt();
    expect(at).not.toBeNull();
    await saveDeliberation({
      db: database.db,
      keyring,
      id: record.id,
      ownerId: owner.id,
      revision: record.revision + 2,
      patch: { accountability: "Ik leg het uit aan mijn team en mijn manager." },
    });
    expect(await finishedAt()).toBe(at);
  });

  it("shows an editor the dashboard with charts and tables, and a CSV file per table", async () => {
    // Views of last month, so they are in a month that has ended.
    const lastMonth = addMonths(monthOf(new Date()).slice(0, 7), -1);
    await database.db.execute(
      sql`insert into insight_page_views (page, hour, views) values ('gids/loyale-tegenspraak', ${`${lastMonth}-10T09:00:00Z`}, 1234)`,
    );
    await refreshInsights({ db: database.db });
    const page = await server.get("/inzichten", editor);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Spreek loyaal tegen");
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain("1.234");
    expect(html).toContain(`/inzichten/csv/gids-delen?van=`);

    const csv = await server.get(`/inzichten/csv/gids-delen?van=${lastMonth}&tot=${lastMonth}`, editor);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toContain(
      `inzichten-gids-delen-${lastMonth}-${lastMonth}.csv`,
    );
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Deel (adres);Naam;Keer gelezen");
    expect(lines).toContain("loyale-tegenspraak;Spreek loyaal tegen;1234");
    expect(lines.at(-1)).toBe("Alles samen;;1234");
  });

  it("keeps the dashboard from anyone else, and says what is wrong with a period", async () => {
    expect((await server.get("/inzichten", reader)).status).toBe(403);
    expect((await server.get("/inzichten/csv/gids-delen", reader)).status).toBe(403);
    const anonymous = await server.get("/inzichten");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/inloggen\?terug=/);
    expect((await server.get("/inzichten/csv/onzin", editor)).status).toBe(404);
    expect((await server.get("/inzichten/csv/gids-delen?van=2026-13", editor)).status).toBe(400);
    const reversed = await server.get("/inzichten?van=2026-05&tot=2026-01", editor);
    expect(reversed.status).toBe(200);
    expect(await reversed.text()).toContain("De eerste maand moet vóór de laatste maand liggen");
  });

  it("lets an editor check, edit and publish the year's overview, which anyone may then read as it was published", async () => {
    const lastMonth = addMonths(monthOf(new Date()).slice(0, 7), -1);
    const year = Number(lastMonth.slice(0, 4));
    const address = `/inzichten/jaar/${year}`;
    // Not published: nobody else sees that it exists.
    expect((await server.get(address)).status).toBe(302);
    expect((await server.get(address, reader)).status).toBe(404);

    const draft = await (await server.get(address, editor)).text();
    expect(draft).toContain(`Dit is de stand van het ambtelijk vakmanschap in ${year}.`);
    expect(draft).toContain("Het meest gelezen deel was „Spreek loyaal tegen”");
    expect(draft).toContain("Gebruik ze om het gesprek te openen.");

    // An empty text is refused, and what was typed comes back.
    const empty = await server.post(
      address,
      new URLSearchParams({ tekst: "   ", intent: "opslaan" }),
      editor,
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Schrijf de tekst van het jaaroverzicht.");

    const text = "Een jaar waarin veel gelezen werd.\n\nDe cijfers staan hieronder.";
    const published = await server.post(
      address,
      new URLSearchParams({ tekst: text, intent: "publiceren" }),
      editor,
    );
    expect(published.status).toBe(303);
    const [audit] = await queryRows<{ action: string; target: string }>(
      database.db,
      sql`select action, target from audit_log where action = 'insights.year.published'`,
    );
    expect(audit).toEqual({ action: "insights.year.published", target: String(year) });

    // A new draft changes nothing published.
    await server.post(
      address,
      new URLSearchParams({ tekst: "Een nieuwe versie.", intent: "opslaan" }),
      editor,
    );
    const anyone = await server.get(address);
    expect(anyone.status).toBe(200);
    const page = await anyone.text();
    expect(page).toContain("Een jaar waarin veel gelezen werd.");
    expect(page).toContain("De cijfers staan hieronder.");
    expect(page).not.toContain("Een nieuwe versie.");
    expect(page).not.toContain('name="tekst"');
    expect(page).toContain("1.234");
    expect(await server.get(address, editor).then((answer) => answer.text())).toContain("Een nieuwe versie.");

    expect((await server.get("/inzichten/jaar/2099", editor)).status).toBe(404);
    expect((await server.get("/inzichten/jaar/twintig", editor)).status).toBe(404);
  });

  it("keeps a card's figures when the conversations' answers are deleted after the retention", async () => {
    const { db } = database;
    const lastMonth = addMonths(monthOf(new Date()).slice(0, 7), -1);
    const owner = await upsertUser({ db, email: "gespreksleider-pagina@example.nl" });
    const card = "de-aanvraag-van-je-buurman";
    for (let room = 0; room < 10; room++) {
      const at = `${lastMonth}-${String(room + 2).padStart(2, "0")}T10:00:00Z`;
      const [conversation] = await queryRows<{ id: string }>(
        db,
        sql`insert into conversations (owner_id, title, join_code, status, max_participants, started_at, ended_at)
            values (${owner.id}, 'Team', ${`P${room}`}, 'afgelopen', 40, ${at}, ${at}) returning id`,
      );
      const [question] = await queryRows<{ id: string }>(
        db,
        sql`insert into conversation_questions (conversation_id, position, kind, text, card_slug, opened_at, state, allow_other)
            values (${conversation?.id}, 1, 'dilemma', 'Wat doe jij?', ${card}, ${at}, 'gesloten', true) returning id`,
      );
      for (const [index, value] of ["a", "a", "b", "anders"].entries()) {
        const [participant] = await queryRows<{ id: string }>(
          db,
          sql`insert into conversation_participants (conversation_id, token_hash)
              values (${conversation?.id}, ${`${room}-${index}`}) returning id`,
        );
        await db.execute(sql`insert into conversation_answers (question_id, participant_id, round, value)
          values (${question?.id}, ${participant?.id}, 1, ${value})`);
      }
    }
    const cardRow = async () => {
      await refreshInsights({ db });
      const { tables } = await readInsights({
        db,
        period: { from: lastMonth, to: lastMonth },
        minGroup: 10,
        language: "nl",
        tables: ["kaarten-gesprekken"],
      });
      return tables[0]?.rows.find((row) => row.card === card);
    };
    const before = await cardRow();
    expect(before).toMatchObject({ conversations: 10, answers: 40, optionA: 20, optionB: 10, other: 10 });
    const purged = await purgeEndedConversations({
      db,
      retentionDays: 0,
      summarize: (id) => getConversationSummary({ db, id }),
    });
    expect(purged).toBeGreaterThanOrEqual(10);
    expect(await queryRows(db, sql`select 1 from conversation_answers`)).toEqual([]);
    expect(await cardRow()).toEqual(before);
  });

  it("counts Meedenken per part, a principle said apart, and the days to a first decision", async () => {
    const { db } = database;
    const lastMonth = addMonths(monthOf(new Date()).slice(0, 7), -1);
    const author = await upsertUser({ db, email: "meedenker-pagina@example.nl" });
    const [version] = await queryRows<{ id: string }>(
      db,
      sql`select id from guide_versions where status = 'gepubliceerd' order by number desc limit 1`,
    );
    for (let index = 0; index < 12; index++) {
      const [contribution] = await queryRows<{ id: string }>(
        db,
        sql`insert into cocreation_contributions (kind, version_id, part_slug, body, author_id, status, created_at)
            values ('reactie', ${version?.id}, 'loyale-tegenspraak', 'Een opmerking.', ${author.id}, 'niet-overgenomen',
                    ${`${lastMonth}-02T09:00:00Z`}) returning id`,
      );
      // Decided four days later, in the same month.
      await db.execute(sql`insert into cocreation_status_changes (contribution_id, status, reason, decided_at)
        values (${contribution?.id}, 'niet-overgenomen', 'Past niet in deze versie.', ${`${lastMonth}-06T09:00:00Z`})`);
    }
    await refreshInsights({ db });
    const { tables } = await readInsights({
      db,
      period: { from: lastMonth, to: lastMonth },
      minGroup: 10,
      language: "nl",
      tables: ["bijdragen-delen", "bijdragen-besluit"],
    });
    expect(tables[0]?.rows).toEqual([
      { part: "loyale-tegenspraak", title: "Spreek loyaal tegen", partKind: "Principe", contributions: 12 },
    ]);
    expect(tables[1]?.rows).toEqual([
      { status: "niet-overgenomen", title: "Niet overgenomen", decided: 12, meanDays: 4 },
    ]);
  });
});
