// What the site search looks through: the paragraphs and parts of a version of the guide, the published
// dilemma cards, the conversation templates and the Meedenken contributions anyone can see. Each
// document has a `dutch` tsvector with its title weighted A and its text B. The published ones are
// kept in the database (search.schema.ts) per stamp of what they were made from, built at the first
// search after a change; contributions are read where they are stored.
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../infra/db.server.ts";
import { cocreationContributions } from "../cocreation/cocreation.schema.ts";
import { TEMPLATES } from "../conversations/templates.ts";
import { dilemmaCards } from "../dilemmas/dilemmas.schema.ts";
import { getPublishedCardsStamp } from "../dilemmas/dilemmas.server.ts";
import { guideBlocks, guideParts } from "../guide/guide.schema.ts";
import { searchDocuments } from "./search.schema.ts";

/** A template's words: its title, description, rounds and questions. */
const templateRows = TEMPLATES.map((template) => ({
  key: template.key,
  title: template.title,
  body: [
    template.description,
    ...template.rounds.map((round) => round.title),
    ...template.questions.map((question) => question.text),
  ].join("\n"),
}));

/**
 * The published documents of `versionId`, with the columns kind, slug (a part's, card's or template's),
 * anchor (a paragraph's, else ''), title, body, vector and place (the order of the site: the guide
 * first, part by part). What `searchDocuments` keeps.
 */
export function publishedDocumentsOf(versionId: string) {
  const templates = sql.join(
    templateRows.map(
      (row, index) => sql`(${row.key}::text, ${row.title}::text, ${row.body}::text, ${index}::int)`,
    ),
    sql`, `,
  );
  return sql`
    select 'paragraph'::text as kind, p.slug as slug, b.anchor as anchor, p.title as title, b.text as body,
      setweight(to_tsvector('dutch', p.title), 'A') || setweight(b.search_vector, 'B') as vector,
      p.position * 1000 + b.position as place
    from ${guideBlocks} b join ${guideParts} p on p.id = b.part_id
    where p.version_id = ${versionId} and b.kind <> 'heading'
    union all
    select 'part', p.slug, '', p.title, p.summary,
      setweight(to_tsvector('dutch', p.title), 'A') || setweight(to_tsvector('dutch', p.summary), 'B'),
      p.position * 1000
    from ${guideParts} p where p.version_id = ${versionId}
    union all
    select 'card', c.slug, '', c.title, c.case,
      setweight(to_tsvector('dutch', c.title), 'A') || setweight(to_tsvector('dutch',
        c.case || ' ' || c.option_a || ' ' || c.option_b || ' ' || c.risk_a || ' ' || c.risk_b), 'B'),
      1000000
    from ${dilemmaCards} c where c.status = 'gepubliceerd'
    union all
    select 'template', t.key, '', t.title, t.body,
      setweight(to_tsvector('dutch', t.title), 'A') || setweight(to_tsvector('dutch', t.body), 'B'),
      2000000 + t.place
    from (values ${templates}) as t(key, title, body, place)`;
}

/**
 * Every document a search of `stamp` looks through: the published ones kept for that stamp, and the
 * Meedenken contributions anyone can see, read where they are stored with the vector their row keeps
 * (so a hidden or deleted one is gone from the search at once, and no copy of what a person wrote is
 * kept elsewhere).
 */
export function documentsFor(stamp: string) {
  return sql`
    select kind, slug, anchor, title, body, vector, place from ${searchDocuments} where stamp = ${stamp}
    union all
    select 'contribution', c.id::text, '', coalesce(nullif(c.title, ''), left(c.body, 80)),
      c.body || ' ' || c.proposed_text, c.search_vector, 3000000
    from ${cocreationContributions} c where c.hidden_state is null`;
}

/** Changes whenever the published documents of the version change: the key of what is kept. */
export async function getDocumentsStamp(options: { db: Db; versionId: string }): Promise<string> {
  return `${options.versionId}|${await getPublishedCardsStamp({ db: options.db })}|${TEMPLATES_STAMP}`;
}

/** Templates change only with a new release of the code. */
const TEMPLATES_STAMP = String(templateRows.length);

/**
 * Makes sure the published documents of `stamp` are kept, building them once (one process at a time)
 * and dropping those of the version's earlier stamps. Asked of the database every time, as another
 * process (or a restore) may have changed what it holds.
 */
export async function keepDocuments(options: { db: Db; versionId: string; stamp: string }): Promise<void> {
  const { db, versionId, stamp } = options;
  const present = (runner: Pick<Db, "execute">) =>
    queryRows<{ found: number }>(
      runner,
      sql`select 1 as found from ${searchDocuments} where stamp = ${stamp} limit 1`,
    );
  if ((await present(db)).length > 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('search_documents'))`);
    if ((await present(tx)).length > 0) return;
    await tx.execute(sql`delete from ${searchDocuments} where stamp like ${`${versionId}|%`}`);
    await tx.execute(sql`insert into ${searchDocuments} (stamp, kind, slug, anchor, title, body, vector, place)
      select ${stamp}, kind, slug, anchor, title, body, vector, place from (${publishedDocumentsOf(versionId)}) d`);
  });
}
