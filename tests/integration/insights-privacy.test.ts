// An attacker with the insights' API tries to single out one person or one team: a lone conversation
// about a card, a lone sign-up from an organisation, one record in a month, one reader's odd search,
// and every pair of periods one inside the other. Each try must come back empty-handed. On each
// database. Written before the API it tries.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { createLogger } from "../../app/infra/logger.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { createApiToken } from "../../app/modules/accounts/api-tokens.server.ts";
import { createInsightCounters } from "../../app/modules/insights/counters.server.ts";
import { addMonths, monthOf } from "../../app/modules/insights/periods.ts";
import { refreshInsights } from "../../app/modules/insights/rollup.server.ts";
import { startApiServer } from "./app-server.ts";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";

const K = 10;
const quotas = parseConfig({}).quotas;

/** Three months that have ended, the oldest first. */
const thisMonth = monthOf(new Date()).slice(0, 7);
const [M1, M2, M3] = [addMonths(thisMonth, -4), addMonths(thisMonth, -3), addMonths(thisMonth, -2)] as [
  string,
  string,
  string,
];
const midMonth = (month: string) => `${month}-15T10:00:00Z`;

/** The columns that count a group: whatever else a row says, these stand for people, rooms or views. */
const GROUP_COLUMNS = [
  "views",
  "searchers",
  "conversations",
  "opened",
  "contributions",
  "decided",
  "signups",
  "participants",
  "started",
  "finished",
];

type Table = { id: string; rows: Record<string, string | number | null>[]; total: number | null };

describe.each(databaseKinds)("what the insights give away on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  let bearer = "";
  let editorId = "";

  const look = async (from: string, to: string, table = "") => {
    const response = await server.get(`/api/v1/inzichten${table ? `/${table}` : ""}?van=${from}&tot=${to}`, {
      headers: { Authorization: `Bearer ${bearer}` },
    });
    expect(response.status, `${from}..${to}`).toBe(200);
    const body = (await response.json()) as { tables: Table[]; minimumGroup: number };
    return body.tables;
  };

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    const { db } = database;
    server = await startApiServer({ database });
    const editor = await upsertUser({ db, email: "redacteur-inzichten@example.nl" });
    editorId = editor.id;
    await setUserRoles({ db, userId: editor.id, roles: ["redacteur"], actor: null });
    bearer = (await createApiToken({ quotas, db, userId: editor.id, name: "inzichten" })).token;

    // Card X: ten rooms in M1, and one lone room in M2 whose four people all answered "anders".
    const card = "eerst-de-minister-of-de-samenleving";
    const room = async (month: string, values: string[]) => {
      const conversation = randomUUID();
      await db.execute(sql`insert into conversations (id, owner_id, title, join_code, status, max_participants, started_at, created_at)
        values (${conversation}, ${editorId}, 'Team', ${randomUUID().slice(0, 8)}, 'afgelopen', 50, ${midMonth(month)}, ${midMonth(month)})`);
      const question = randomUUID();
      await db.execute(sql`insert into conversation_questions (id, conversation_id, position, kind, text, card_slug, opened_at, state)
        values (${question}, ${conversation}, 1, 'dilemma', 'Wat doe jij?', ${card}, ${midMonth(month)}, 'gesloten')`);
      for (const value of values) {
        const participant = randomUUID();
        await db.execute(sql`insert into conversation_participants (id, conversation_id, token_hash)
          values (${participant}, ${conversation}, ${randomUUID()})`);
        await db.execute(sql`insert into conversation_answers (question_id, participant_id, round, value)
          values (${question}, ${participant}, 1, ${value})`);
      }
    };
    for (let index = 0; index < 10; index++) await room(M1, ["a", "a", "b", "b", "a"]);
    await room(M2, ["anders", "anders", "anders", "anders"]);

    // Kris-kras: a round closed in M1 with 25 from A, 12 from B and one person from C.
    const organisation = async (name: string) => {
      const id = randomUUID();
      await db.execute(sql`insert into kriskras_organisations (id, name) values (${id}, ${name})`);
      return id;
    };
    const [a, b, c] = [
      await organisation("Ministerie A"),
      await organisation("Dienst B"),
      await organisation("Inspectie C"),
    ];
    const round = randomUUID();
    await db.execute(sql`insert into kriskras_rounds (id, title, signup_opens_at, signup_closes_at, group_min, group_target, group_max, weights)
      values (${round}, 'Voorjaarsronde', ${midMonth(addMonths(M1, -1))}, ${midMonth(M1)}, 8, 12, 14, '{}'::jsonb)`);
    let person = 0;
    const signup = async (organisationId: string, work: string) => {
      const user = await upsertUser({ db, email: `deelnemer-${person++}@example.nl` });
      await db.execute(sql`insert into kriskras_signups (round_id, user_id, organisation_id, work_kind, scale_band, service_band, region, consent_at)
        values (${round}, ${user.id}, ${organisationId}, ${work}, 'schaal-8-10', '0-5', 'randstad', ${midMonth(addMonths(M1, -1))})`);
    };
    for (let index = 0; index < 25; index++) await signup(a, "beleid");
    for (let index = 0; index < 12; index++) await signup(b, "uitvoering");
    await signup(c, "toezicht");

    // The Dilemma-wijzer: twelve records in M1, one in M3.
    const record = async (month: string) =>
      db.execute(sql`insert into deliberations (owner_id, content, created_at, updated_at)
        values (${editorId}, 'versleuteld', ${midMonth(month)}, ${midMonth(month)})`);
    for (let index = 0; index < 12; index++) await record(M1);
    await record(M3);

    // Searches: twelve readers found nothing for one text; one reader, twenty times, for another.
    const counters = createInsightCounters({
      db,
      logger: createLogger({ config: parseConfig({ LOG_LEVEL: "silent" }) }),
      now: () => new Date(midMonth(M2)),
    });
    for (let reader = 0; reader < 12; reader++) counters.searchMiss("Kwantumfysica", `10.0.0.${reader}`);
    for (let time = 0; time < 20; time++) counters.searchMiss("de naam van mijn collega", "10.0.9.9");
    // Part views in one week: forty of one part, eleven of another, three of a third. Showing the
    // eleven would give the three away through the week's total, so they go too.
    for (let view = 0; view < 40; view++) counters.view("gids/loyale-tegenspraak");
    for (let view = 0; view < 11; view++) counters.view("gids/waarden");
    for (let view = 0; view < 3; view++) counters.view("gids/menselijke-maat");
    await counters.stop();

    await refreshInsights({ db });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  it("shows what groups are large enough, so the attack has something to compare", async () => {
    const tables = await look(M1, M3);
    const cards = tables.find((table) => table.id === "kaarten-gesprekken");
    expect(cards?.rows).toEqual([
      expect.objectContaining({
        card: "eerst-de-minister-of-de-samenleving",
        conversations: 10,
        optionA: 30,
        optionB: 20,
        other: 0,
      }),
    ]);
    const records = tables.find((table) => table.id === "afwegingen");
    expect(records?.rows).toEqual([{ month: M1, started: 12, finished: null }]);
    const searches = tables.find((table) => table.id === "zoeken-zonder-resultaat");
    expect(searches?.rows).toEqual([{ query: "kwantumfysica", searchers: 12 }]);
    const parts = tables.find((table) => table.id === "gids-delen");
    expect(parts?.rows.map((row) => row.part)).toEqual(["loyale-tegenspraak"]);
  });

  it("never tells the lone room's answers, the lone sign-up, the lone record or one reader's search", async () => {
    const text = JSON.stringify(await look(M1, M3));
    expect(text).not.toContain("Inspectie C");
    expect(text).not.toContain("toezicht");
    expect(text).not.toContain("de naam van mijn collega");
    expect(text).not.toContain("menselijke-maat");
    expect(text).not.toContain(M3);
    const alone = await look(M2, M2, "kaarten-gesprekken");
    expect(alone[0]?.rows).toEqual([]);
  });

  it("keeps what a table hides together at least as large as the minimum", async () => {
    for (const id of ["kriskras-organisaties", "kriskras-werk", "gids-delen"]) {
      const [table] = await look(M1, M3, id);
      expect(table?.total).not.toBeNull();
      const shown = (table?.rows ?? []).reduce((sum, row) => sum + Number(row.signups ?? row.views ?? 0), 0);
      const hidden = (table?.total ?? 0) - shown;
      expect(hidden === 0 || hidden >= K, `${id}: ${hidden} hidden`).toBe(true);
    }
  });

  it("gives nothing away between any two periods, one inside the other", async () => {
    const months = [addMonths(M1, -1), M1, M2, M3];
    const looks = new Map<string, Table[]>();
    for (let from = 0; from < months.length; from++)
      for (let to = from; to < months.length; to++)
        looks.set(`${from}:${to}`, await look(months[from] as string, months[to] as string));
    const figure = (tables: Table[], id: string, key: string, column: string) =>
      Number(
        tables.find((table) => table.id === id)?.rows.find((row) => JSON.stringify(row).startsWith(key))?.[
          column
        ] ?? 0,
      );
    for (const [outerName, outer] of looks) {
      for (const table of outer) {
        for (const row of table.rows) {
          for (const column of GROUP_COLUMNS) {
            const value = row[column];
            if (typeof value === "number") expect(value, `${table.id}.${column}`).toBeGreaterThanOrEqual(K);
          }
        }
      }
      const [outerFrom, outerTo] = outerName.split(":").map(Number) as [number, number];
      for (const [innerName, inner] of looks) {
        const [innerFrom, innerTo] = innerName.split(":").map(Number) as [number, number];
        if (innerFrom < outerFrom || innerTo > outerTo) continue;
        for (const table of outer) {
          for (const row of table.rows) {
            const key = JSON.stringify(row).split(",")[0] as string;
            const differenceIn = (column: string) =>
              typeof row[column] === "number"
                ? (row[column] as number) - figure(inner, table.id, key, column)
                : 0;
            // What the larger period adds is whole groups, or nothing; never the lone room's four.
            const groups = GROUP_COLUMNS.map(differenceIn);
            for (const difference of groups) expect(difference === 0 || difference >= K).toBe(true);
            if (groups.some((difference) => difference !== 0)) continue;
            for (const column of ["optionA", "optionB", "other", "answers", "printed", "groups", "placed"])
              expect(differenceIn(column), `${table.id}.${column} ${innerName} in ${outerName}`).toBe(0);
          }
        }
      }
    }
  });

  it("answers a period that is not one with a problem, and a stranger with 401 or 403", async () => {
    const reversed = await server.get(`/api/v1/inzichten?van=${M3}&tot=${M1}`, {
      headers: { Authorization: `Bearer ${bearer}` },
    });
    expect(reversed.status).toBe(400);
    expect(reversed.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const nonsense = await server.get("/api/v1/inzichten?van=gisteren", {
      headers: { Authorization: `Bearer ${bearer}` },
    });
    expect(nonsense.status).toBe(400);
    expect((await server.get("/api/v1/inzichten")).status).toBe(401);
    const reader = await upsertUser({ db: database.db, email: "lezer-inzichten@example.nl" });
    const token = (await createApiToken({ quotas, db: database.db, userId: reader.id, name: "lezer" })).token;
    expect(
      (await server.get("/api/v1/inzichten", { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(403);
    expect(
      (await server.get("/api/v1/inzichten/onzin", { headers: { Authorization: `Bearer ${bearer}` } }))
        .status,
    ).toBe(404);
  });
});
