// Where each table's atoms come from: the counters and the other modules' tables, read for the periods
// that have ended, one function per source. `computeAtoms` gathers them for the refresh (rollup.server.ts).
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../infra/db.server.ts";
import { EVALUATION_QUESTIONS, summarizeEvaluations } from "../kriskras/evaluation.ts";
import type { RoundTotals } from "../kriskras/kriskras.schema.ts";
import { monthOf, weekOf } from "./periods.ts";
import { TOTAL_KEY } from "./suppression.ts";

export interface StoredAtom {
  topic: string;
  period: string;
  month: string;
  key: string;
  size: number;
  values: Record<string, number>;
}

const ZONE = "Europe/Amsterdam";

/** Every atom, as of `now`. */
export async function computeAtoms(options: { db: Db; now: Date }): Promise<StoredAtom[]> {
  const { db } = options;
  const thisMonth = monthOf(options.now);
  const thisWeek = weekOf(options.now);
  return [
    ...(await guideWeeks(db, thisWeek)),
    ...(await cardViews(db, thisMonth)),
    ...(await searchMisses(db, thisMonth)),
    ...(await cardConversations(db, thisMonth)),
    ...(await contributions(db, thisMonth)),
    ...(await records(db, thisMonth)),
    ...(await kriskras(db, options.now)),
    ...(await consultations(db, thisMonth)),
  ];
}

function withTotals(atoms: StoredAtom[]): StoredAtom[] {
  const totals = new Map<string, StoredAtom>();
  for (const atom of atoms) {
    const name = `${atom.topic}\n${atom.period}`;
    const total = totals.get(name) ?? { ...atom, key: TOTAL_KEY, size: 0, values: {} };
    total.size += atom.size;
    for (const [value, count] of Object.entries(atom.values))
      total.values[value] = (total.values[value] ?? 0) + count;
    totals.set(name, total);
  }
  return [...atoms, ...totals.values()];
}

/** Views of the guide's parts per ISO week, with each week's total. */
async function guideWeeks(db: Db, thisWeek: string): Promise<StoredAtom[]> {
  const rows = await queryRows<{ week: string; part: string; views: number }>(
    db,
    sql`select to_char(week, 'YYYY-MM-DD') as week, part, sum(views)::int as views
        from (select date_trunc('week', hour at time zone ${ZONE})::date as week,
                     substr(page, 6) as part, views
              from insight_page_views where page like 'gids/%') as counted
        where week < ${thisWeek}::date
        group by week, part`,
  );
  return withTotals(
    rows.map((row) => ({
      topic: "gids-week",
      period: row.week,
      month: `${row.week.slice(0, 7)}-01`,
      key: row.part,
      size: row.views,
      values: { views: row.views },
    })),
  );
}

/** How often each card was opened and printed, per month. */
async function cardViews(db: Db, thisMonth: string): Promise<StoredAtom[]> {
  const rows = await queryRows<{ month: string; card: string; opened: number; printed: number }>(
    db,
    sql`select to_char(month, 'YYYY-MM-DD') as month, card,
               sum(views) filter (where kind = 'kaart')::int as opened,
               sum(views) filter (where kind = 'kaart-afdruk')::int as printed
        from (select date_trunc('month', hour at time zone ${ZONE})::date as month,
                     split_part(page, '/', 1) as kind, split_part(page, '/', 2) as card, views
              from insight_page_views where page like 'kaart/%' or page like 'kaart-afdruk/%') as counted
        where month < ${thisMonth}::date
        group by month, card`,
  );
  return rows.map((row) => {
    const opened = row.opened ?? 0;
    const printed = row.printed ?? 0;
    return {
      topic: "kaart-gebruik",
      period: row.month.slice(0, 7),
      month: row.month,
      key: row.card,
      size: opened + printed,
      values: { opened, printed },
    };
  });
}

/** Search texts that found nothing, per month: the number of people (counted per day) behind each. */
async function searchMisses(db: Db, thisMonth: string): Promise<StoredAtom[]> {
  const rows = await queryRows<{ month: string; query: string; searchers: number }>(
    db,
    sql`select to_char(date_trunc('month', day), 'YYYY-MM-DD') as month, query, sum(searchers)::int as searchers
        from insight_search_misses
        where day < ${thisMonth}::date
        group by 1, query`,
  );
  return rows.map((row) => ({
    topic: "zoeken-zonder-resultaat",
    period: row.month.slice(0, 7),
    month: row.month,
    key: row.query,
    size: row.searchers,
    values: { searchers: row.searchers },
  }));
}

/**
 * Per card and month (of the conversation's start): in how many conversations a question from it was
 * put, and how the first round was answered. A conversation whose answers were deleted counts from its
 * kept summary, which shows a question's answers only where the room reached its own minimum.
 */
async function cardConversations(db: Db, thisMonth: string): Promise<StoredAtom[]> {
  // Counted in the database per card and month: a few hundred rows, not one per conversation. "Anders"
  // counts only where the question offered it, as the room's own tally does.
  const live = await queryRows<{
    month: string;
    card: string;
    conversations: number;
    a: number;
    b: number;
    anders: number;
  }>(
    db,
    sql`select to_char(date_trunc('month', coalesce(c.started_at, c.created_at) at time zone ${ZONE}), 'YYYY-MM-DD') as month,
               q.card_slug as card, count(distinct c.id)::int as conversations,
               count(*) filter (where a.value = 'a')::int as a,
               count(*) filter (where a.value = 'b')::int as b,
               count(*) filter (where a.value = 'anders' and q.allow_other)::int as anders
        from conversation_questions q
        join conversations c on c.id = q.conversation_id
        left join conversation_answers a on a.question_id = q.id and a.round = 1
        where q.card_slug is not null and q.kind = 'dilemma' and q.opened_at is not null
          and c.answers_deleted_at is null
          and coalesce(c.started_at, c.created_at) at time zone ${ZONE} < ${thisMonth}::date
        group by 1, 2`,
  );
  const kept = await queryRows<{ month: string; conversation: string; summary: KeptSummary }>(
    db,
    sql`select to_char(date_trunc('month', coalesce(started_at, created_at) at time zone ${ZONE}), 'YYYY-MM-DD') as month,
               id as conversation, summary
        from conversations
        where answers_deleted_at is not null and summary is not null
          and coalesce(started_at, created_at) at time zone ${ZONE} < ${thisMonth}::date`,
  );
  const atoms = new Map<string, StoredAtom & { conversations: Set<string> }>();
  const atomOf = (month: string, card: string) => {
    const name = `${month}\n${card}`;
    let atom = atoms.get(name);
    if (!atom) {
      atom = {
        topic: "kaart-gesprek",
        period: month.slice(0, 7),
        month,
        key: card,
        size: 0,
        values: { conversations: 0, answers: 0, a: 0, b: 0, anders: 0 },
        conversations: new Set(),
      };
      atoms.set(name, atom);
    }
    return atom;
  };
  const addAnswers = (atom: StoredAtom, counts: { a: number; b: number; anders: number }) => {
    for (const value of ["a", "b", "anders"] as const) {
      atom.values[value] = (atom.values[value] ?? 0) + counts[value];
      atom.values.answers = (atom.values.answers ?? 0) + counts[value];
    }
  };
  for (const row of live) {
    const atom = atomOf(row.month, row.card);
    atom.size += row.conversations;
    addAnswers(atom, row);
  }
  // A conversation whose answers were deleted counts from its summary: one conversation per card, however
  // many of its questions came from that card.
  for (const row of kept) {
    for (const question of row.summary.questions ?? []) {
      if (!question.cardSlug || question.kind !== "dilemma") continue;
      const atom = atomOf(row.month, question.cardSlug);
      atom.conversations.add(row.conversation);
      const count = (value: string) =>
        question.round1?.options.find((option) => option.value === value)?.count ?? 0;
      addAnswers(atom, { a: count("a"), b: count("b"), anders: count("anders") });
    }
  }
  return [...atoms.values()].map(({ conversations, ...atom }) => {
    const size = atom.size + conversations.size;
    return { ...atom, size, values: { ...atom.values, conversations: size } };
  });
}

interface KeptSummary {
  questions?: {
    cardSlug: string | null;
    kind: string;
    round1: { options: { value: string; count: number }[] } | null;
  }[];
}

/**
 * Meedenken per month written: by part (general feedback as `algemeen`) and by status now, each with
 * its total; and per month decided: how many got their first decision, and the hours it took.
 */
async function contributions(db: Db, thisMonth: string): Promise<StoredAtom[]> {
  const written = await queryRows<{ month: string; part: string; status: string; count: number }>(
    db,
    sql`select to_char(date_trunc('month', created_at at time zone ${ZONE}), 'YYYY-MM-DD') as month,
               coalesce(part_slug, 'algemeen') as part, status, count(*)::int as count
        from cocreation_contributions
        where created_at at time zone ${ZONE} < ${thisMonth}::date
        group by 1, 2, 3`,
  );
  const byPart = new Map<string, StoredAtom>();
  const byStatus = new Map<string, StoredAtom>();
  const bump = (map: Map<string, StoredAtom>, topic: string, month: string, key: string, count: number) => {
    const name = `${month}\n${key}`;
    const atom = map.get(name) ?? {
      topic,
      period: month.slice(0, 7),
      month,
      key,
      size: 0,
      values: { contributions: 0 },
    };
    atom.size += count;
    atom.values.contributions = atom.size;
    map.set(name, atom);
  };
  for (const row of written) {
    bump(byPart, "bijdragen-deel", row.month, row.part, row.count);
    bump(byStatus, "bijdragen-status", row.month, row.status, row.count);
  }
  const decided = await queryRows<{ month: string; status: string; count: number; hours: number }>(
    db,
    sql`select to_char(date_trunc('month', first.decided_at at time zone ${ZONE}), 'YYYY-MM-DD') as month,
               first.status, count(*)::int as count,
               sum(extract(epoch from first.decided_at - c.created_at) / 3600)::int as hours
        from (select distinct on (contribution_id) contribution_id, status, decided_at
              from cocreation_status_changes
              where status in ('overgenomen', 'deels-overgenomen', 'niet-overgenomen')
              order by contribution_id, decided_at) as first
        join cocreation_contributions c on c.id = first.contribution_id
        where first.decided_at at time zone ${ZONE} < ${thisMonth}::date
        group by 1, 2`,
  );
  return [
    ...withTotals([...byPart.values()]),
    ...withTotals([...byStatus.values()]),
    ...withTotals(
      decided.map((row) => ({
        topic: "bijdragen-besluit",
        period: row.month.slice(0, 7),
        month: row.month,
        key: row.status,
        size: row.count,
        values: { decided: row.count, hours: row.hours },
      })),
    ),
  ];
}

/** Dilemma-wijzer records started and finished per month: counted by their dates, nothing else. */
async function records(db: Db, thisMonth: string): Promise<StoredAtom[]> {
  const rows = await queryRows<{ month: string; key: string; count: number }>(
    db,
    sql`select to_char(date_trunc('month', at at time zone ${ZONE}), 'YYYY-MM-DD') as month, key, count(*)::int as count
        from (select created_at as at, 'gestart' as key from deliberations
              union all
              select finished_at, 'afgerond' from deliberations where finished_at is not null) as moments
        where at at time zone ${ZONE} < ${thisMonth}::date
        group by 1, 2`,
  );
  return rows.map((row) => ({
    topic: "afwegingen",
    period: row.month.slice(0, 7),
    month: row.month,
    key: row.key,
    size: row.count,
    values: { records: row.count },
  }));
}

/**
 * Per kris-kras round whose sign-up has closed (its atom is the round): sign-ups per organisation and
 * per kind of work, each with the round's total, and the round's own figures with the evaluation's
 * sums. From the live tables, or from the totals a purged round kept.
 */
async function kriskras(db: Db, now: Date): Promise<StoredAtom[]> {
  const rounds = await queryRows<{ id: string; closes: string; aggregates: RoundTotals | null }>(
    db,
    sql`select id, to_char(signup_closes_at at time zone ${ZONE}, 'YYYY-MM-DD') as closes, aggregates
        from kriskras_rounds where signup_closes_at < ${now.toISOString()}::timestamptz`,
  );
  if (rounds.length === 0) return [];
  const live = await queryRows<{ round: string; organisation: string; work: string; count: number }>(
    db,
    sql`select s.round_id as round, o.name as organisation, s.work_kind as work, count(*)::int as count
        from kriskras_signups s join kriskras_organisations o on o.id = s.organisation_id
        group by 1, 2, 3`,
  );
  const placed = await queryRows<{ round: string; groups: number; placed: number }>(
    db,
    sql`select g.round_id as round, count(distinct g.id)::int as groups, count(m.*)::int as placed
        from kriskras_groups g left join kriskras_group_members m on m.group_id = g.id
        group by 1`,
  );
  const evaluations = await queryRows<{ round: string; answers: Record<string, unknown> }>(
    db,
    sql`select round_id as round, answers from kriskras_evaluations`,
  );
  const atoms: StoredAtom[] = [];
  for (const round of rounds) {
    const month = `${round.closes.slice(0, 7)}-01`;
    const period = `${round.closes.slice(0, 7)}:${round.id}`;
    const totals: RoundTotals = round.aggregates ?? liveTotals(round.id, live, placed, evaluations);
    const perRound = (topic: string, counts: Record<string, number>) =>
      withTotals(
        Object.entries(counts).map(([key, count]) => ({
          topic,
          period,
          month,
          key,
          size: count,
          values: { signups: count },
        })),
      );
    atoms.push(...perRound("kriskras-organisatie", totals.signupsPerOrganisation));
    if (totals.signupsPerWorkKind) atoms.push(...perRound("kriskras-werk", totals.signupsPerWorkKind));
    const values: Record<string, number> = {
      signups: totals.signups,
      groups: totals.groups,
      placed: totals.placed,
      evaluations: totals.evaluations.answers,
    };
    for (const question of EVALUATION_QUESTIONS) {
      const counts = totals.evaluations.questions?.[question]?.counts;
      if (!counts) continue;
      values[`${question}Sum`] = counts.reduce((sum, count, index) => sum + count * (index + 1), 0);
      values[`${question}Count`] = counts.reduce((sum, count) => sum + count, 0);
    }
    atoms.push({ topic: "kriskras-ronde", period, month, key: round.id, size: totals.signups, values });
  }
  return atoms;
}

function liveTotals(
  round: string,
  live: { round: string; organisation: string; work: string; count: number }[],
  placed: { round: string; groups: number; placed: number }[],
  evaluations: { round: string; answers: Record<string, unknown> }[],
): RoundTotals {
  const perOrganisation: Record<string, number> = {};
  const perWork: Record<string, number> = {};
  let signups = 0;
  for (const row of live) {
    if (row.round !== round) continue;
    perOrganisation[row.organisation] = (perOrganisation[row.organisation] ?? 0) + row.count;
    perWork[row.work] = (perWork[row.work] ?? 0) + row.count;
    signups += row.count;
  }
  const groups = placed.find((row) => row.round === round);
  const answers = evaluations.filter((row) => row.round === round).map((row) => row.answers);
  return {
    signups,
    signupsPerOrganisation: perOrganisation,
    signupsPerWorkKind: perWork,
    groups: groups?.groups ?? 0,
    placed: groups?.placed ?? 0,
    // Counts per question only from the evaluation's own minimum on: the insights show none below theirs.
    evaluations: summarizeEvaluations(answers),
  };
}

/**
 * Closed consultations per month of closing, by their address: the people who took part, their votes,
 * and how many opinion groups and consensus statements the last analysis found.
 */
async function consultations(db: Db, thisMonth: string): Promise<StoredAtom[]> {
  const rows = await queryRows<{
    month: string;
    slug: string;
    participants: number;
    votes: number;
    analysis: { groups?: unknown[]; consensus?: unknown[] } | null;
  }>(
    db,
    sql`select to_char(date_trunc('month', c.closes_at at time zone ${ZONE}), 'YYYY-MM-DD') as month, c.slug,
               (select count(*)::int from consultation_participants p where p.consultation_id = c.id) as participants,
               (select count(*)::int from consultation_votes v where v.consultation_id = c.id) as votes,
               c.analysis
        from consultations c
        where c.state <> 'open' and c.closes_at at time zone ${ZONE} < ${thisMonth}::date`,
  );
  return rows.map((row) => ({
    topic: "peilingen",
    period: row.month.slice(0, 7),
    month: row.month,
    key: row.slug,
    size: row.participants,
    values: {
      participants: row.participants,
      votes: row.votes,
      groups: Array.isArray(row.analysis?.groups) ? row.analysis.groups.length : 0,
      consensus: Array.isArray(row.analysis?.consensus) ? row.analysis.consensus.length : 0,
    },
  }));
}
