// The insights for a period of whole months, as tables: read from the atoms alone (rollup.server.ts),
// with suppression applied here, where they are read, for the dashboard, its CSV files and the API alike.
import { and, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../infra/db.server.ts";
import type { Language, TFunction } from "../../infra/i18n/i18n.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { listParts, requireCurrentVersion } from "../guide/guide.server.ts";
import { INSIGHT_TABLES, type InsightRow, type InsightTable, type InsightTableId } from "./insight-tables.ts";
import { insightAtoms } from "./insights.schema.ts";
import { defaultPeriod, type InsightPeriod } from "./periods.ts";
import { type Atom, type CombinedRow, combineAtoms, shownAtoms, TOTAL_KEY } from "./suppression.ts";

/** Texts that found nothing need at least this many people, whatever the minimum group (the rule). */
export const SEARCH_MISS_MINIMUM = 5;
/** Rows of texts that found nothing shown at most. */
export const SEARCH_MISS_ROWS = 20;

export interface Insights {
  period: InsightPeriod;
  minGroup: number;
  /** When the atoms were last worked out; null before the first time. */
  computedAt: string | null;
  tables: InsightTable[];
}

const TOPICS: Record<InsightTableId, string> = {
  "gids-delen": "gids-week",
  "gids-weken": "gids-week",
  "zoeken-zonder-resultaat": "zoeken-zonder-resultaat",
  "kaarten-gesprekken": "kaart-gesprek",
  "kaarten-bekeken": "kaart-gebruik",
  "bijdragen-delen": "bijdragen-deel",
  "bijdragen-status": "bijdragen-status",
  "bijdragen-besluit": "bijdragen-besluit",
  "kriskras-rondes": "kriskras-ronde",
  "kriskras-organisaties": "kriskras-organisatie",
  "kriskras-werk": "kriskras-werk",
  peilingen: "peilingen",
  afwegingen: "afwegingen",
};

/** The tables asked for (all by default) over the period, every figure within the minimum group. */
export async function readInsights(options: {
  db: Db;
  period: InsightPeriod;
  minGroup: number;
  language: Language;
  tables?: readonly InsightTableId[];
}): Promise<Insights> {
  const { db, period, minGroup } = options;
  const ids = options.tables ?? (Object.keys(INSIGHT_TABLES) as InsightTableId[]);
  const topics = [...new Set(ids.map((id) => TOPICS[id]))];
  const rows = await db
    .select({
      topic: insightAtoms.topic,
      period: insightAtoms.period,
      key: insightAtoms.key,
      size: insightAtoms.size,
      values: insightAtoms.values,
    })
    .from(insightAtoms)
    .where(
      and(
        inArray(insightAtoms.topic, topics),
        gte(insightAtoms.month, `${period.from}-01`),
        lte(insightAtoms.month, `${period.to}-01`),
        // An atom below the minimum is never shown and never needed to hide another (a total is): it
        // does not even leave the database.
        or(gte(insightAtoms.size, minGroup), eq(insightAtoms.key, TOTAL_KEY)),
      ),
    );
  const [stamp] = await queryRows<{ at: string | null }>(
    db,
    sql`select max(computed_at)::text as at from insight_atoms`,
  );
  const byTopic = new Map<string, Atom[]>();
  for (const row of rows) {
    const list = byTopic.get(row.topic) ?? [];
    list.push(row);
    byTopic.set(row.topic, list);
  }
  const labels = await labelsFor(db, options.language);
  const tables = ids.map((id) =>
    buildTable(id, byTopic.get(TOPICS[id]) ?? [], minGroup, labels, options.language),
  );
  return {
    period,
    minGroup,
    computedAt: stamp?.at ? new Date(stamp.at).toISOString() : null,
    tables,
  };
}

interface Labels {
  parts: Map<string, string>;
  /** A part's kind: `principe` for a principle, else `deel`; general feedback has none. */
  partKinds: Map<string, "principe" | "deel">;
  cards: Map<string, string>;
  rounds: Map<string, string>;
  workKinds: Map<string, string>;
  consultations: Map<string, { title: string; closed: string }>;
}

async function labelsFor(db: Db, language: Language): Promise<Labels> {
  const version = await requireCurrentVersion({ db }).catch(() => null);
  const parts = version ? await listParts({ db, versionId: version.id }) : [];
  const cards = await queryRows<{ slug: string; title: string }>(
    db,
    sql`select slug, title from dilemma_cards`,
  );
  const rounds = await queryRows<{ id: string; title: string }>(
    db,
    sql`select id, title from kriskras_rounds`,
  );
  const workKinds = await queryRows<{ key: string; nl: string; en: string }>(
    db,
    sql`select key, label_nl as nl, label_en as en from kriskras_answer_options where attribute = 'workKind'`,
  );
  const consultations = await queryRows<{ slug: string; question: string; closes: string }>(
    db,
    sql`select slug, question, to_char(closes_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as closes
        from consultations where state <> 'open'`,
  );
  return {
    parts: new Map(parts.map((part) => [part.slug, part.title])),
    partKinds: new Map(parts.map((part) => [part.slug, part.kind === "principe" ? "principe" : "deel"])),
    cards: new Map(cards.map((card) => [card.slug, card.title])),
    rounds: new Map(rounds.map((round) => [round.id, round.title])),
    workKinds: new Map(workKinds.map((kind) => [kind.key, language === "en" ? kind.en : kind.nl])),
    consultations: new Map(
      consultations.map((row) => [row.slug, { title: row.question, closed: row.closes }]),
    ),
  };
}

const bySize = (a: CombinedRow, b: CombinedRow) => b.size - a.size || a.key.localeCompare(b.key);
const byPeriod = (a: Atom, b: Atom) => a.period.localeCompare(b.period);
const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const meanOf = (sum: number | undefined, count: number | undefined) =>
  sum !== undefined && count ? oneDecimal(sum / count) : null;

/** What a table's builder works from: the table's atoms and how to read them. */
interface Source {
  atoms: Atom[];
  minGroup: number;
  labels: Labels;
  t: TFunction;
  /** The shown atoms summed per key over the period, biggest first, and the total where there is one. */
  combined(minimum?: number): { rows: CombinedRow[]; total: number | null };
  /** The atoms that may be shown, one row each (a week, a month, a round), in time order. */
  shown(): Atom[];
  partTitle(slug: string): string;
}

type Built = { rows: InsightRow[]; total?: number | null };

const BUILDERS: Record<InsightTableId, (source: Source) => Built> = {
  "gids-delen": (source) => {
    const { rows, total } = source.combined();
    return {
      rows: rows.map((row) => ({ part: row.key, title: source.partTitle(row.key), views: row.size })),
      total,
    };
  },
  "gids-weken": (source) => ({
    rows: source
      .shown()
      .filter((atom) => atom.key === TOTAL_KEY)
      .map((atom) => ({ week: atom.period, views: atom.size })),
  }),
  "zoeken-zonder-resultaat": (source) => ({
    rows: source
      .combined(Math.max(source.minGroup, SEARCH_MISS_MINIMUM))
      .rows.slice(0, SEARCH_MISS_ROWS)
      .map((row) => ({ query: row.key, searchers: row.size })),
  }),
  "kaarten-gesprekken": (source) => ({
    rows: source.combined().rows.map((row) => ({
      card: row.key,
      title: source.labels.cards.get(row.key) ?? row.key,
      conversations: row.size,
      answers: row.values.answers ?? 0,
      optionA: row.values.a ?? 0,
      optionB: row.values.b ?? 0,
      other: row.values.anders ?? 0,
    })),
  }),
  "kaarten-bekeken": (source) => ({
    rows: source.combined().rows.map((row) => ({
      card: row.key,
      title: source.labels.cards.get(row.key) ?? row.key,
      opened: row.values.opened ?? 0,
      printed: row.values.printed ?? 0,
    })),
  }),
  "bijdragen-delen": (source) => {
    const { rows, total } = source.combined();
    return {
      rows: rows.map((row) => ({
        part: row.key,
        title: source.partTitle(row.key),
        // Principles apart from the guide's other parts: the issue asks for both.
        partKind: source.t(
          `insights.partKinds.${row.key === "algemeen" ? "algemeen" : (source.labels.partKinds.get(row.key) ?? "deel")}`,
        ),
        contributions: row.size,
      })),
      total,
    };
  },
  "bijdragen-status": (source) => {
    const { rows, total } = source.combined();
    return {
      rows: rows.map((row) => ({
        status: row.key,
        title: source.t(`cocreation.statuses.${row.key}`),
        contributions: row.size,
      })),
      total,
    };
  },
  "bijdragen-besluit": (source) => {
    const { rows, total } = source.combined();
    return {
      rows: rows.map((row) => ({
        status: row.key,
        title: source.t(`cocreation.statuses.${row.key}`),
        decided: row.size,
        meanDays: oneDecimal((row.values.hours ?? 0) / 24 / row.size),
      })),
      total,
    };
  },
  "kriskras-rondes": (source) => ({
    rows: source.shown().map((atom) => {
      // The evaluation's means stand for the people who filled it in: shown from the minimum on.
      const rated = (atom.values.evaluations ?? 0) >= source.minGroup;
      return {
        round: atom.key,
        title: source.labels.rounds.get(atom.key) ?? atom.key,
        signups: atom.size,
        groups: atom.values.groups ?? 0,
        placed: atom.values.placed ?? 0,
        evaluations: rated ? (atom.values.evaluations ?? 0) : null,
        meanValuable: rated ? meanOf(atom.values.waardevolSum, atom.values.waardevolCount) : null,
        meanOthers: rated ? meanOf(atom.values.anderenSum, atom.values.anderenCount) : null,
        meanHonest: rated ? meanOf(atom.values.eerlijkSum, atom.values.eerlijkCount) : null,
        meanTakeAway: rated ? meanOf(atom.values.meenemenSum, atom.values.meenemenCount) : null,
        meanRecommend: rated ? meanOf(atom.values.aanradenSum, atom.values.aanradenCount) : null,
      };
    }),
  }),
  "kriskras-organisaties": (source) => {
    const { rows, total } = source.combined();
    return { rows: rows.map((row) => ({ organisation: row.key, signups: row.size })), total };
  },
  "kriskras-werk": (source) => {
    const { rows, total } = source.combined();
    return {
      rows: rows.map((row) => ({
        workKind: row.key,
        title: source.labels.workKinds.get(row.key) ?? row.key,
        signups: row.size,
      })),
      total,
    };
  },
  peilingen: (source) => ({
    rows: source.shown().map((atom) => {
      const label = source.labels.consultations.get(atom.key);
      return {
        consultation: atom.key,
        title: label?.title ?? atom.key,
        closed: label?.closed ?? atom.period,
        participants: atom.size,
        votes: atom.values.votes ?? 0,
        groups: atom.values.groups ?? 0,
        consensus: atom.values.consensus ?? 0,
      };
    }),
  }),
  afwegingen: (source) => {
    const shown = source.shown();
    const months = [...new Set(shown.map((atom) => atom.period))];
    const count = (month: string, key: string) =>
      shown.find((atom) => atom.period === month && atom.key === key)?.size ?? null;
    return {
      rows: months.map((month) => ({
        month,
        started: count(month, "gestart"),
        finished: count(month, "afgerond"),
      })),
    };
  },
};

function buildTable(
  id: InsightTableId,
  atoms: Atom[],
  minGroup: number,
  labels: Labels,
  language: Language,
): InsightTable {
  const t = translatorFor(language);
  const source: Source = {
    atoms,
    minGroup,
    labels,
    t,
    combined(minimum = minGroup) {
      const all = combineAtoms(atoms, minimum);
      return {
        rows: all.filter((row) => row.key !== TOTAL_KEY).sort(bySize),
        total: all.find((row) => row.key === TOTAL_KEY)?.size ?? null,
      };
    },
    shown: () => shownAtoms(atoms, minGroup).sort(byPeriod),
    partTitle: (slug) => (slug === "algemeen" ? t("insights.general") : (labels.parts.get(slug) ?? slug)),
  };
  const { rows, total = null } = BUILDERS[id](source);
  return { id, rows, total };
}

/** The years the insights have figures for, newest first: each has its yearly overview. */
export async function insightYears(options: { db: Db; now: Date }): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    options.db,
    sql`select distinct extract(year from month)::int as year from insight_atoms
        union select year from insight_year_reports`,
  );
  const lastEnded = Number(defaultPeriod(options.now).to.slice(0, 4));
  return rows
    .map((row) => row.year)
    .filter((year) => year <= lastEnded)
    .sort((a, b) => b - a);
}
