// The tables of the insights, once for the dashboard, its CSV files, the API and the API's description:
// their addresses, their columns and the section of the dashboard they belong to. Pure.

export const INSIGHT_SECTIONS = [
  "gids",
  "kaarten",
  "meedenken",
  "kriskras",
  "peilingen",
  "afwegingen",
] as const;
export type InsightSection = (typeof INSIGHT_SECTIONS)[number];

/** `date` is YYYY-MM-DD (a week by its Monday, a day), `month` is YYYY-MM. */
export type ColumnKind = "text" | "number" | "decimal" | "date" | "month";

export interface InsightTableDefinition {
  section: InsightSection;
  /** Column name (the API's field and the locale key `insights.columns.<name>`) and its kind. */
  columns: readonly (readonly [string, ColumnKind])[];
  /** The column the chart labels its bars or points with, and the one it draws. */
  chart: { kind: "bar" | "line"; label: string; value: string };
  /** Whether the table sums its atoms over the period's months (else a row per atom: a month, a round). */
  combined: boolean;
  /** The column its total adds up, for tables that have a total. */
  totalColumn?: string;
  /** Text columns that hold what people named or wrote (in Dutch), not interface words: marked `lang="nl"`. */
  content?: readonly string[];
}

/** Columns with an address or a code: in the CSV files and the API, not on the page, which shows the name. */
export const CODE_COLUMNS = new Set(["part", "card", "status", "round", "workKind", "consultation"]);

const TABLES = {
  "gids-delen": {
    section: "gids",
    columns: [
      ["part", "text"],
      ["title", "text"],
      ["views", "number"],
    ],
    chart: { kind: "bar", label: "title", value: "views" },
    content: ["title"],
    combined: true,
    totalColumn: "views",
  },
  "gids-weken": {
    section: "gids",
    columns: [
      ["week", "date"],
      ["views", "number"],
    ],
    chart: { kind: "line", label: "week", value: "views" },
    combined: false,
  },
  "zoeken-zonder-resultaat": {
    section: "gids",
    columns: [
      ["query", "text"],
      ["searchers", "number"],
    ],
    chart: { kind: "bar", label: "query", value: "searchers" },
    content: ["query"],
    combined: true,
  },
  "kaarten-gesprekken": {
    section: "kaarten",
    columns: [
      ["card", "text"],
      ["title", "text"],
      ["conversations", "number"],
      ["answers", "number"],
      ["optionA", "number"],
      ["optionB", "number"],
      ["other", "number"],
    ],
    chart: { kind: "bar", label: "title", value: "conversations" },
    content: ["title"],
    combined: true,
  },
  "kaarten-bekeken": {
    section: "kaarten",
    columns: [
      ["card", "text"],
      ["title", "text"],
      ["opened", "number"],
      ["printed", "number"],
    ],
    chart: { kind: "bar", label: "title", value: "opened" },
    content: ["title"],
    combined: true,
  },
  "bijdragen-delen": {
    section: "meedenken",
    columns: [
      ["part", "text"],
      ["title", "text"],
      ["partKind", "text"],
      ["contributions", "number"],
    ],
    chart: { kind: "bar", label: "title", value: "contributions" },
    content: ["title"],
    combined: true,
    totalColumn: "contributions",
  },
  "bijdragen-status": {
    section: "meedenken",
    columns: [
      ["status", "text"],
      ["title", "text"],
      ["contributions", "number"],
    ],
    chart: { kind: "bar", label: "title", value: "contributions" },
    combined: true,
    totalColumn: "contributions",
  },
  "bijdragen-besluit": {
    section: "meedenken",
    columns: [
      ["status", "text"],
      ["title", "text"],
      ["decided", "number"],
      ["meanDays", "decimal"],
    ],
    chart: { kind: "bar", label: "title", value: "meanDays" },
    combined: true,
    totalColumn: "decided",
  },
  "kriskras-rondes": {
    section: "kriskras",
    columns: [
      ["round", "text"],
      ["title", "text"],
      ["signups", "number"],
      ["groups", "number"],
      ["placed", "number"],
      ["evaluations", "number"],
      ["meanValuable", "decimal"],
      ["meanOthers", "decimal"],
      ["meanHonest", "decimal"],
      ["meanTakeAway", "decimal"],
      ["meanRecommend", "decimal"],
    ],
    chart: { kind: "bar", label: "title", value: "signups" },
    content: ["title"],
    combined: false,
  },
  "kriskras-organisaties": {
    section: "kriskras",
    columns: [
      ["organisation", "text"],
      ["signups", "number"],
    ],
    chart: { kind: "bar", label: "organisation", value: "signups" },
    content: ["organisation"],
    combined: true,
    totalColumn: "signups",
  },
  "kriskras-werk": {
    section: "kriskras",
    columns: [
      ["workKind", "text"],
      ["title", "text"],
      ["signups", "number"],
    ],
    chart: { kind: "bar", label: "title", value: "signups" },
    combined: true,
    totalColumn: "signups",
  },
  peilingen: {
    section: "peilingen",
    columns: [
      ["consultation", "text"],
      ["title", "text"],
      ["closed", "date"],
      ["participants", "number"],
      ["votes", "number"],
      ["groups", "number"],
      ["consensus", "number"],
    ],
    chart: { kind: "bar", label: "title", value: "participants" },
    content: ["title"],
    combined: false,
  },
  afwegingen: {
    section: "afwegingen",
    columns: [
      ["month", "month"],
      ["started", "number"],
      ["finished", "number"],
    ],
    chart: { kind: "bar", label: "month", value: "started" },
    combined: false,
  },
} as const satisfies Record<string, InsightTableDefinition>;

export type InsightTableId = keyof typeof TABLES;
export const INSIGHT_TABLES: Record<InsightTableId, InsightTableDefinition> = TABLES;
export const INSIGHT_TABLE_IDS = Object.keys(INSIGHT_TABLES) as InsightTableId[];

export function isInsightTableId(value: unknown): value is InsightTableId {
  return typeof value === "string" && Object.hasOwn(INSIGHT_TABLES, value);
}

/** One row: a value per column, `null` where a figure is not shown (a mean of too few answers). */
export type InsightRow = Record<string, string | number | null>;

export interface InsightTable {
  id: InsightTableId;
  rows: InsightRow[];
  /** The table's total where it has one (the sum of what it shows and of hidden rows large enough together). */
  total: number | null;
}

/** The hidden rows of a table together: its total less what the rows show (nothing, or at least the minimum). */
export function restOf(table: InsightTable): number {
  const column = INSIGHT_TABLES[table.id].totalColumn;
  if (!column || table.total === null) return 0;
  return table.total - table.rows.reduce((sum, row) => sum + Number(row[column] ?? 0), 0);
}
