// A year of made-up use for `npm run bench:insights`, ending with last month (Amsterdam months): guide
// and card views per page and hour, searches that found nothing, conversations with their first-round
// answers on dilemma cards, Meedenken contributions with decisions, Dilemma-wijzer records, kris-kras
// rounds with sign-ups and evaluations, and two closed consultations. Drawn from a seeded random
// source, so every run writes the same figures; written in chunks of rows per statement
// (jsonb_to_recordset, generate_series), never a statement per row.
import { sql } from "drizzle-orm";
import { amsterdamToUtc, utcToAmsterdam } from "../app/infra/amsterdam-time.ts";
import { type Db, queryRows } from "../app/infra/db.server.ts";
import { createRandom, type Random } from "../app/infra/seeded-random.ts";
import { listParts, requireCurrentVersion } from "../app/modules/guide/guide.server.ts";
import { addMonths, monthOf } from "../app/modules/insights/periods.ts";
import { DEFAULT_GROUP_SIZE, DEFAULT_WEIGHTS } from "../app/modules/kriskras/kriskras-options.ts";

/** The sizes the issue names. */
export const YEAR = { views: 1_000_000, answers: 100_000, contributions: 10_000 } as const;
const USERS = 2_000;
const FACILITATORS = 25;
const EDITORS = 6;
const CONTRIBUTORS = 300;
const DELIBERATIONS = 3_000;
const SEARCH_TEXTS = 300;
const SEARCHERS = 6_000;
const ROUNDS = 4;
const SIGNUPS = 1_500;
/** Rows per insert statement. */
const CHUNK = 5_000;
const HOUR = 3_600_000;

export interface YearOfData {
  /** The first instant of the year and the first instant after it. */
  from: Date;
  until: Date;
  views: number;
  answers: number;
  contributions: number;
  conversations: number;
}

type Column = readonly [name: string, type: string];

/** Inserts `rows` in chunks, each one statement reading a JSON array. Table and columns are ours. */
async function insertRows(db: Db, table: string, columns: readonly Column[], rows: readonly object[]) {
  const names = columns.map(([name]) => name).join(", ");
  const types = columns.map(([name, type]) => `${name} ${type}`).join(", ");
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = JSON.stringify(rows.slice(start, start + CHUNK));
    await db.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(names)})
          select ${sql.raw(names)} from jsonb_to_recordset(${chunk}::jsonb) as r(${sql.raw(types)})`,
    );
  }
}

/** Draws an index in proportion to `weights`, by binary search over their running sums. */
function sampler(random: Random, weights: readonly number[]): () => number {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += weight;
    sums[index] = total;
  });
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = sums.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sums[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

/** Popularity by rank: the first is the most popular, the tail long. */
const zipf = (count: number, exponent = 0.9) =>
  Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** exponent);

function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 4 }, () =>
    random
      .below(2 ** 32)
      .toString(16)
      .padStart(8, "0"),
  ).join("");
  const variant = "89ab"[random.below(4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const pick = <T>(random: Random, list: readonly T[]): T => list[random.below(list.length)] as T;

/** Distinct indexes below `bound`, `count` of them, in random order. */
function distinct(random: Random, bound: number, count: number): number[] {
  const all = Array.from({ length: bound }, (_, index) => index);
  for (let i = 0; i < count; i++) {
    const j = i + random.below(bound - i);
    [all[i], all[j]] = [all[j] ?? 0, all[i] ?? 0];
  }
  return all.slice(0, count);
}

/**
 * The hours of the year and how busy each is: office hours on working days in Amsterdam most, nights
 * and weekends little, the summer and Christmas holidays quieter, and use growing over the year.
 */
function hoursOf(from: Date, until: Date) {
  const hours: Date[] = [];
  const weights: number[] = [];
  const span = until.getTime() - from.getTime();
  for (let at = from.getTime(); at < until.getTime(); at += HOUR) {
    const instant = new Date(at);
    const local = utcToAmsterdam(instant);
    const hour = Number(local.time.slice(0, 2));
    const day = new Date(`${local.date}T12:00:00Z`).getUTCDay();
    const month = Number(local.date.slice(5, 7));
    const dayOfMonth = Number(local.date.slice(8, 10));
    let weight = hour >= 8 && hour < 18 ? 10 : hour >= 6 && hour < 22 ? 2.5 : 0.2;
    if (day === 0 || day === 6) weight *= 0.2;
    if (month === 7 || month === 8) weight *= 0.6;
    if (month === 12 && dayOfMonth >= 22) weight *= 0.3;
    weight *= 0.7 + (0.6 * (at - from.getTime())) / span;
    hours.push(instant);
    weights.push(weight);
  }
  return { hours, weights };
}

const SEARCH_WORDS = [
  "klokkenluider",
  "algoritme",
  "integriteit",
  "burgerberaad",
  "woo-verzoek",
  "hardheidsclausule",
  "maatwerk",
  "toeslagen",
  "ambtseed",
  "spreekrecht",
  "nevenfuncties",
  "lobby",
  "mandaat",
  "beslistermijn",
  "bezwaar",
  "participatie",
  "wet open overheid",
  "menselijke maat",
  "vertrouwenspersoon",
  "ministeriële verantwoordelijkheid",
  "doenvermogen",
  "loyaliteit",
  "politieke gevoeligheid",
  "ambtelijk advies",
  "dilemmaspel",
  "onderzoeksjournalist",
  "datalek",
  "privacy",
  "artikel 68",
  "regeldruk",
];
const SEARCH_FORMS = [
  "",
  "wat is ",
  "hoe werkt ",
  "voorbeeld ",
  " regels",
  " uitleg",
  " casus",
  " gids",
  "wanneer ",
];

/** Inserts the year's data into a migrated database with the guide, the cards and the kris-kras lists. */
export async function seedYearOfData(options: { db: Db; now: Date; seed?: number }): Promise<YearOfData> {
  const { db } = options;
  const random = createRandom(options.seed ?? 20_261_207);
  const thisMonth = monthOf(options.now).slice(0, 7);
  const from = amsterdamToUtc({ date: `${addMonths(thisMonth, -12)}-01`, time: "00:00" });
  const until = amsterdamToUtc({ date: `${thisMonth}-01`, time: "00:00" });
  const { hours, weights: hourWeights } = hoursOf(from, until);
  const hourAt = sampler(random, hourWeights);
  /** A moment within a busy-weighted hour, to the second. */
  const momentAt = () => new Date((hours[hourAt()] as Date).getTime() + random.below(3_600) * 1000);
  const later = (instant: Date, minMs: number, maxMs: number) =>
    new Date(Math.min(instant.getTime() + minMs + random.next() * (maxMs - minMs), options.now.getTime()));

  const version = await requireCurrentVersion({ db });
  const parts = (await listParts({ db, versionId: version.id })).map((part) => part.slug);
  const cards = (
    await queryRows<{ slug: string }>(
      db,
      sql`select slug from dilemma_cards where status = 'gepubliceerd' order by slug`,
    )
  ).map((card) => card.slug);
  const organisations = (
    await queryRows<{ id: string }>(db, sql`select id from kriskras_organisations order by name`)
  ).map((row) => row.id);
  const optionsOf = async (attribute: string) =>
    (
      await queryRows<{ key: string }>(
        db,
        sql`select key from kriskras_answer_options where attribute = ${attribute} order by position`,
      )
    ).map((row) => row.key);
  const [workKinds, scaleBands, serviceBands, regions] = await Promise.all(
    ["workKind", "scaleBand", "serviceBand", "region"].map(optionsOf),
  );
  if (!parts.length || !cards.length || !organisations.length || !workKinds?.length)
    throw new Error("the guide, the dilemma cards and the kris-kras lists must be seeded first");

  // People: the first facilitators, then editors, then everyone else.
  const users = (
    await queryRows<{ id: string }>(
      db,
      sql`insert into users (email, name, roles, created_at)
          select 'bench-' || n || '@example.nl', 'Bench ' || n,
                 case when n <= ${FACILITATORS} then array['gespreksleider']
                      when n <= ${FACILITATORS + EDITORS} then array['redacteur'] else '{}' end,
                 ${from.toISOString()}::timestamptz - interval '30 days'
          from generate_series(1, ${USERS}) as n
          returning id`,
    )
  ).map((row) => row.id);
  const facilitators = users.slice(0, FACILITATORS);
  const editors = users.slice(FACILITATORS, FACILITATORS + EDITORS);

  // Views: 1,000,000, most of them of the guide, some of the cards, a few of printed cards.
  const share = (slugs: string[], prefix: string, weight: number) => {
    const popularity = zipf(slugs.length, 0.8);
    const sum = popularity.reduce((total, value) => total + value, 0);
    return slugs.map((slug, rank) => ({
      page: `${prefix}/${slug}`,
      weight: (weight * (popularity[rank] ?? 0)) / sum,
    }));
  };
  const pages = [
    ...share(parts, "gids", 0.8),
    ...share(cards, "kaart", 0.16),
    ...share(cards, "kaart-afdruk", 0.04),
  ];
  const pageWeights = pages.map((page) => page.weight);
  const pageAt = sampler(random, pageWeights);
  const cells = new Uint32Array(pages.length * hours.length);
  for (let view = 0; view < YEAR.views; view++) {
    const index = pageAt() * hours.length + hourAt();
    cells[index] = (cells[index] ?? 0) + 1;
  }
  const viewRows: { page: string; hour: string; views: number }[] = [];
  cells.forEach((views, index) => {
    if (views === 0) return;
    const page = pages[Math.floor(index / hours.length)]?.page ?? "";
    viewRows.push({ page, hour: (hours[index % hours.length] as Date).toISOString(), views });
  });
  await insertRows(
    db,
    "insight_page_views",
    [
      ["page", "text"],
      ["hour", "timestamptz"],
      ["views", "integer"],
    ],
    viewRows,
  );

  // Searches that found nothing: a few hundred texts, some searched by many people, most by one.
  const texts = new Set<string>();
  while (texts.size < SEARCH_TEXTS) {
    const form = pick(random, SEARCH_FORMS);
    const word = pick(random, SEARCH_WORDS);
    const text = form.startsWith(" ") ? `${word}${form}` : `${form}${word}`;
    texts.add(random.next() < 0.3 ? `${text} ${pick(random, SEARCH_WORDS)}` : text);
  }
  const textList = [...texts];
  const textAt = sampler(random, zipf(textList.length, 1.1));
  const misses = new Map<string, number>();
  for (let searcher = 0; searcher < SEARCHERS; searcher++) {
    const key = `${textList[textAt()]}\n${utcToAmsterdam(momentAt()).date}`;
    misses.set(key, (misses.get(key) ?? 0) + 1);
  }
  await insertRows(
    db,
    "insight_search_misses",
    [
      ["query", "text"],
      ["day", "date"],
      ["searchers", "integer"],
    ],
    [...misses].map(([key, searchers]) => {
      const [query, day] = key.split("\n");
      return { query, day, searchers };
    }),
  );

  // Conversations: one to three dilemma questions each, every participant answering most of them in
  // the first round, until the answers reach 100,000.
  const cardAt = sampler(random, zipf(cards.length, 0.7));
  const leaning = new Map(cards.map((slug) => [slug, 0.25 + random.next() * 0.5]));
  const conversationRows: object[] = [];
  const questionRows: object[] = [];
  const participantRows: object[] = [];
  const answerRows: object[] = [];
  while (answerRows.length < YEAR.answers) {
    const id = uuidFrom(random);
    const started = momentAt();
    const created = new Date(started.getTime() - random.below(7 * 24) * HOUR);
    const people = 3 + random.below(9) + random.below(9);
    conversationRows.push({
      id,
      owner_id: pick(random, facilitators),
      title: `Teamoverleg ${conversationRows.length + 1}`,
      join_code: `B${conversationRows.length}`,
      status: "afgelopen",
      max_participants: 50,
      created_at: created.toISOString(),
      started_at: started.toISOString(),
      ended_at: new Date(started.getTime() + HOUR).toISOString(),
    });
    const participants = Array.from({ length: people }, () => {
      const participant = uuidFrom(random);
      participantRows.push({
        id: participant,
        conversation_id: id,
        token_hash: participant.replaceAll("-", ""),
      });
      return participant;
    });
    const chosen = new Set<string>();
    const questions = 1 + random.below(3);
    while (chosen.size < questions) chosen.add(cards[cardAt()] as string);
    [...chosen].forEach((slug, position) => {
      const question = uuidFrom(random);
      questionRows.push({
        id: question,
        conversation_id: id,
        position,
        kind: "dilemma",
        text: `Vraag bij ${slug}`,
        option_a: "A",
        option_b: "B",
        allow_other: true,
        card_slug: slug,
        state: "gesloten",
        revealed_round: 1,
        opened_at: new Date(started.getTime() + position * 600_000).toISOString(),
      });
      const towardsA = leaning.get(slug) ?? 0.5;
      for (const participant of participants) {
        if (answerRows.length >= YEAR.answers) break;
        if (random.next() < 0.08) continue;
        const draw = random.next();
        const value = draw < 0.08 ? "anders" : draw < 0.08 + 0.92 * towardsA ? "a" : "b";
        answerRows.push({ question_id: question, participant_id: participant, round: 1, value });
      }
    });
  }
  await insertRows(
    db,
    "conversations",
    [
      ["id", "uuid"],
      ["owner_id", "uuid"],
      ["title", "text"],
      ["join_code", "text"],
      ["status", "text"],
      ["max_participants", "integer"],
      ["created_at", "timestamptz"],
      ["started_at", "timestamptz"],
      ["ended_at", "timestamptz"],
    ],
    conversationRows,
  );
  await insertRows(
    db,
    "conversation_questions",
    [
      ["id", "uuid"],
      ["conversation_id", "uuid"],
      ["position", "integer"],
      ["kind", "text"],
      ["text", "text"],
      ["option_a", "text"],
      ["option_b", "text"],
      ["allow_other", "boolean"],
      ["card_slug", "text"],
      ["state", "text"],
      ["revealed_round", "integer"],
      ["opened_at", "timestamptz"],
    ],
    questionRows,
  );
  await insertRows(
    db,
    "conversation_participants",
    [
      ["id", "uuid"],
      ["conversation_id", "uuid"],
      ["token_hash", "text"],
    ],
    participantRows,
  );
  await insertRows(
    db,
    "conversation_answers",
    [
      ["question_id", "uuid"],
      ["participant_id", "uuid"],
      ["round", "integer"],
      ["value", "text"],
    ],
    answerRows,
  );

  // Meedenken: 10,000 contributions on the published version, about 60 % of them decided days to
  // weeks later.
  const kinds = sampler(random, [50, 25, 8, 2, 15]);
  const kindNames = ["reactie", "tekstvoorstel", "nieuwe-alinea", "nieuw-deel", "algemeen"] as const;
  const partAt = sampler(random, zipf(parts.length, 0.6));
  const authorAt = sampler(random, zipf(CONTRIBUTORS, 0.8));
  const decisions = ["overgenomen", "deels-overgenomen", "niet-overgenomen"] as const;
  const decisionAt = sampler(random, [30, 25, 45]);
  const contributionRows: object[] = [];
  const changeRows: object[] = [];
  for (let n = 0; n < YEAR.contributions; n++) {
    const id = uuidFrom(random);
    const kind = kindNames[kinds()] ?? "reactie";
    const created = momentAt();
    const decided = random.next() < 0.6 ? later(created, 2 * 86_400_000, 42 * 86_400_000) : null;
    const status = decided
      ? (decisions[decisionAt()] ?? "overgenomen")
      : random.next() < 0.5
        ? "ontvangen"
        : "in-behandeling";
    contributionRows.push({
      id,
      kind,
      version_id: version.id,
      part_slug: kind === "algemeen" || kind === "nieuw-deel" ? null : parts[partAt()],
      body: `Bijdrage ${n + 1}: een opmerking over de tekst van de gids, met een voorstel om het anders te zeggen.`,
      author_id: users[FACILITATORS + EDITORS + authorAt()],
      status,
      created_at: created.toISOString(),
      updated_at: (decided ?? created).toISOString(),
    });
    if (decided)
      changeRows.push({
        contribution_id: id,
        status,
        reason: "Besproken in de redactie.",
        decided_by: pick(random, editors),
        decided_at: decided.toISOString(),
      });
  }
  await insertRows(
    db,
    "cocreation_contributions",
    [
      ["id", "uuid"],
      ["kind", "text"],
      ["version_id", "uuid"],
      ["part_slug", "text"],
      ["body", "text"],
      ["author_id", "uuid"],
      ["status", "text"],
      ["created_at", "timestamptz"],
      ["updated_at", "timestamptz"],
    ],
    contributionRows,
  );
  await insertRows(
    db,
    "cocreation_status_changes",
    [
      ["contribution_id", "uuid"],
      ["status", "text"],
      ["reason", "text"],
      ["decided_by", "uuid"],
      ["decided_at", "timestamptz"],
    ],
    changeRows,
  );

  // Dilemma-wijzer records: about half of them finished, hours to days after they were started.
  const deliberationRows = Array.from({ length: DELIBERATIONS }, () => {
    const created = momentAt();
    const finished = random.next() < 0.5 ? later(created, 600_000, 10 * 86_400_000) : null;
    return {
      owner_id: pick(random, users),
      content: "bench",
      created_at: created.toISOString(),
      updated_at: (finished ?? created).toISOString(),
      finished_at: finished?.toISOString() ?? null,
    };
  });
  await insertRows(
    db,
    "deliberations",
    [
      ["owner_id", "uuid"],
      ["content", "text"],
      ["created_at", "timestamptz"],
      ["updated_at", "timestamptz"],
      ["finished_at", "timestamptz"],
    ],
    deliberationRows,
  );

  // Kris-kras: a round a quarter, its sign-up closed, distinct people in each, some evaluations.
  const organisationAt = sampler(random, zipf(organisations.length, 0.7));
  const roundRows: object[] = [];
  const signupRows: object[] = [];
  const evaluationRows: object[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const id = uuidFrom(random);
    const closes = new Date(from.getTime() + ((round + 0.8) / ROUNDS) * (until.getTime() - from.getTime()));
    const opens = new Date(closes.getTime() - 21 * 86_400_000);
    roundRows.push({
      id,
      title: `Kris-kras ronde ${round + 1}`,
      signup_opens_at: opens.toISOString(),
      signup_closes_at: closes.toISOString(),
      group_min: DEFAULT_GROUP_SIZE.min,
      group_target: DEFAULT_GROUP_SIZE.target,
      group_max: DEFAULT_GROUP_SIZE.max,
      weights: DEFAULT_WEIGHTS,
      created_by: pick(random, editors),
      created_at: opens.toISOString(),
    });
    const count = Math.round(SIGNUPS / ROUNDS);
    for (const person of distinct(random, users.length, count)) {
      const signedUp = later(opens, 0, 20 * 86_400_000).toISOString();
      signupRows.push({
        round_id: id,
        user_id: users[person],
        organisation_id: organisations[organisationAt()],
        work_kind: pick(random, workKinds),
        scale_band: pick(random, scaleBands ?? []),
        service_band: pick(random, serviceBands ?? []),
        region: pick(random, regions ?? []),
        consent_at: signedUp,
        created_at: signedUp,
        updated_at: signedUp,
      });
      if (random.next() < 0.4) {
        const score = () => 2 + random.below(4);
        evaluationRows.push({
          round_id: id,
          answers: {
            waardevol: score(),
            anderen: score(),
            eerlijk: score(),
            meenemen: score(),
            aanraden: score(),
          },
        });
      }
    }
  }
  await insertRows(
    db,
    "kriskras_rounds",
    [
      ["id", "uuid"],
      ["title", "text"],
      ["signup_opens_at", "timestamptz"],
      ["signup_closes_at", "timestamptz"],
      ["group_min", "integer"],
      ["group_target", "integer"],
      ["group_max", "integer"],
      ["weights", "jsonb"],
      ["created_by", "uuid"],
      ["created_at", "timestamptz"],
    ],
    roundRows,
  );
  await insertRows(
    db,
    "kriskras_signups",
    [
      ["round_id", "uuid"],
      ["user_id", "uuid"],
      ["organisation_id", "uuid"],
      ["work_kind", "text"],
      ["scale_band", "text"],
      ["service_band", "text"],
      ["region", "text"],
      ["consent_at", "timestamptz"],
      ["created_at", "timestamptz"],
      ["updated_at", "timestamptz"],
    ],
    signupRows,
  );
  await insertRows(
    db,
    "kriskras_evaluations",
    [
      ["round_id", "uuid"],
      ["answers", "jsonb"],
    ],
    evaluationRows,
  );

  // Two closed consultations: 400 participants voting on most of 30 statements each.
  for (const [index, slug] of ["bench-peiling-voorjaar", "bench-peiling-najaar"].entries()) {
    const opens = new Date(from.getTime() + (0.25 + index * 0.5) * (until.getTime() - from.getTime()));
    const closes = new Date(opens.getTime() + 28 * 86_400_000);
    const [consultation] = await queryRows<{ id: string }>(
      db,
      sql`insert into consultations (slug, question, state, opens_at, closes_at, created_by)
          values (${slug}, ${`Peiling ${index + 1}: hoe luisteren we naar burgers?`}, 'gesloten',
                  ${opens.toISOString()}::timestamptz, ${closes.toISOString()}::timestamptz, ${editors[0] ?? null})
          returning id`,
    );
    const id = consultation?.id ?? "";
    await db.execute(sql`
      insert into consultation_statements (consultation_id, number, text)
      select ${id}, n, 'Stelling ' || n from generate_series(0, 29) as n`);
    await db.execute(sql`
      insert into consultation_participants (consultation_id, number, token_hash, created_at)
      select ${id}, n, md5(${id} || n), ${opens.toISOString()}::timestamptz + n * interval '1 hour'
      from generate_series(0, 399) as n`);
    // Which statements a participant votes on and how follows from the numbers: the same every run.
    await db.execute(sql`
      insert into consultation_votes (participant_id, statement_id, consultation_id, vote, voted_at)
      select p.id, s.id, ${id}, ((p.number * 7 + s.number * 13) % 3) - 1, p.created_at
      from consultation_participants p join consultation_statements s on s.consultation_id = p.consultation_id
      where p.consultation_id = ${id} and (p.number + s.number * 3) % 5 <> 0`);
  }

  return {
    from,
    until,
    views: YEAR.views,
    answers: answerRows.length,
    contributions: contributionRows.length,
    conversations: conversationRows.length,
  };
}
