// What the insights keep (decision 026). Two counters, written by every app process from memory: views
// per page and hour, and per searched text and day how many people found nothing. No cookie, address,
// account or time finer than the hour is kept with them. And the atoms: figures per key and period,
// worked out again from the other modules' tables by the `insights-refresh` job, which is all the
// dashboard reads.
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.ts";
import type { InsightTable } from "./insight-tables.ts";

export const insightPageViews = pgTable(
  "insight_page_views",
  {
    /** What was viewed: `gids/<part>`, `kaart/<card>` or `kaart-afdruk/<card>`. */
    page: text("page").notNull(),
    /** The hour, rounded down. */
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    views: integer("views").notNull(),
  },
  (table) => [primaryKey({ columns: [table.page, table.hour] })],
);

export const insightSearchMisses = pgTable(
  "insight_search_misses",
  {
    /** The search text, normalised (lower case, single spaces, at most 100 characters). */
    query: text("query").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    /** How many different people searched it that day and found nothing (counted per process). */
    searchers: integer("searchers").notNull(),
  },
  (table) => [primaryKey({ columns: [table.query, table.day] })],
);

export const insightAtoms = pgTable(
  "insight_atoms",
  {
    /** Which table the atom belongs to (insight-tables.ts). */
    topic: text("topic").notNull(),
    /**
     * The atom's period: a month (`2026-03`), a week by its Monday (`2026-03-02`) or a kris-kras round
     * (`2026-03:<round id>`). Suppression works within one period.
     */
    period: text("period").notNull(),
    /** The first day of the month the period belongs to: what the period filter selects on. */
    month: date("month", { mode: "string" }).notNull(),
    key: text("key").notNull(),
    size: integer("size").notNull(),
    values: jsonb("values").$type<Record<string, number>>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.topic, table.period, table.key] }),
    index("insight_atoms_topic_month_idx").on(table.topic, table.month),
  ],
);

/**
 * The yearly "stand van het vakmanschap": sentences made from the year's figures, checked and edited by
 * an editor, and published with the figures as they stood then, so the page does not change afterwards.
 * The draft and the published text are apart: editing the draft changes nothing published.
 */
export const insightYearReports = pgTable("insight_year_reports", {
  year: integer("year").primaryKey(),
  /** The editor's draft: paragraphs separated by an empty line, in Dutch; plain text, no markup. */
  draft: text("draft").notNull(),
  /** The text as published; empty until the first publication. */
  publishedBody: text("published_body"),
  /** The tables shown beside the published text, as they were at publication. */
  publishedTables: jsonb("published_tables").$type<InsightTable[]>(),
  /** The minimum group the published tables were made with. */
  publishedMinGroup: integer("published_min_group"),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  editedBy: uuid("edited_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
