// What the insights show in the browser tests and the page walks: counts in the months before this one,
// enough of them to pass the minimum group, so the dashboard draws its charts and tables (written by
// tests/e2e/example-data.ts before the server starts; the server works the atoms out again at its start).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../app/infra/db.server.ts";
import { upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { addMonths, monthOf } from "../../app/modules/insights/periods.ts";
import { refreshInsights } from "../../app/modules/insights/rollup.server.ts";
import { draftYearReport, publishYearReport } from "../../app/modules/insights/year-report.server.ts";
import { CARD_SLUG, INSIGHTS_YEAR, PART_SLUG } from "./example-urls.ts";

/** The month before this one: the last whole month the dashboard shows by default. */
const lastMonth = () => addMonths(monthOf(new Date()).slice(0, 7), -1);

export async function writeInsights(db: Db): Promise<void> {
  const month = lastMonth();
  const day = (n: number) => `${month}-${String(n).padStart(2, "0")}T10:00:00Z`;
  // Guide views on three days of the month, for three parts.
  const views = [
    [PART_SLUG, 60],
    ["loyale-tegenspraak", 45],
    ["menselijke-maat", 24],
  ] as const;
  for (const [part, count] of views)
    for (const date of [3, 10, 17])
      await db.execute(
        sql`insert into insight_page_views (page, hour, views) values (${`gids/${part}`}, ${day(date)}, ${count})`,
      );
  await db.execute(sql`insert into insight_page_views (page, hour, views)
    values (${`kaart/${CARD_SLUG}`}, ${day(4)}, 31), (${`kaart-afdruk/${CARD_SLUG}`}, ${day(4)}, 12)`);
  await db.execute(
    sql`insert into insight_search_misses (query, day, searchers) values ('klokkenluider', ${`${month}-08`}, 14)`,
  );

  // Twelve rooms that talked about the card, and twelve Dilemma-wijzer records, half of them finished.
  const owner = await upsertUser({ db, email: "inzichten-voorbeeld@example.nl" });
  for (let room = 0; room < 12; room++) {
    const conversation = randomUUID();
    await db.execute(sql`insert into conversations (id, owner_id, title, join_code, status, max_participants, started_at, ended_at)
      values (${conversation}, ${owner.id}, 'Teamoverleg', ${`V${String(room).padStart(5, "0")}`}, 'afgelopen', 40, ${day(5 + room)}, ${day(5 + room)})`);
    const question = randomUUID();
    await db.execute(sql`insert into conversation_questions (id, conversation_id, position, kind, text, card_slug, opened_at, state, allow_other)
      values (${question}, ${conversation}, 1, 'dilemma', 'Wat zou jij doen?', ${CARD_SLUG}, ${day(5 + room)}, 'gesloten', true)`);
    for (const value of ["a", "a", "b", room % 3 === 0 ? "anders" : "b"]) {
      const participant = randomUUID();
      await db.execute(
        sql`insert into conversation_participants (id, conversation_id, token_hash) values (${participant}, ${conversation}, ${randomUUID()})`,
      );
      await db.execute(
        sql`insert into conversation_answers (question_id, participant_id, round, value) values (${question}, ${participant}, 1, ${value})`,
      );
    }
  }
  for (let record = 0; record < 12; record++)
    await db.execute(sql`insert into deliberations (owner_id, content, created_at, updated_at, finished_at)
      values (${owner.id}, 'versleuteld', ${day(2 + record)}, ${day(2 + record)}, ${record % 2 === 0 ? day(3 + record) : null})`);
  await refreshInsights({ db });
  // The year's overview, published as an editor would after checking the draft made from the figures.
  const { body } = await draftYearReport({ db, year: INSIGHTS_YEAR, minGroup: 10 });
  await publishYearReport({
    db,
    year: INSIGHTS_YEAR,
    body,
    minGroup: 10,
    actor: { ...owner, roles: ["redacteur"] },
  });
}
