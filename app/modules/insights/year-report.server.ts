// The yearly "stand van het vakmanschap": a draft made from the year's figures, kept and edited by an
// editor, and published with the figures as they stood then. Anyone may read a published year; the
// draft is for those who may read the insights.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { formatDate } from "../../infra/i18n/format-date.ts";
import { formatNumber } from "../../infra/i18n/format-number.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { message } from "../../infra/i18n/translate.ts";
import { recordAudit } from "../accounts/audit.server.ts";
import type { Actor } from "../accounts/authorization.ts";
import type { InsightTableId } from "./insight-tables.ts";
import { insightYearReports } from "./insights.schema.ts";
import { readInsights } from "./insights.server.ts";
import { defaultPeriod, type InsightPeriod } from "./periods.ts";
import { YEAR_BODY_MAX_LENGTH, yearParagraphs } from "./year-text.ts";

export type YearReport = typeof insightYearReports.$inferSelect;

/** The tables a year's overview shows beside its text. */
export const YEAR_TABLES: InsightTableId[] = [
  "gids-delen",
  "zoeken-zonder-resultaat",
  "kaarten-gesprekken",
  "bijdragen-status",
  "bijdragen-besluit",
  "kriskras-rondes",
  "kriskras-organisaties",
  "peilingen",
  "afwegingen",
];

export const YearReportBody = z
  .string()
  .trim()
  .min(1, message("problems.insights.bodyEmpty"))
  .max(YEAR_BODY_MAX_LENGTH, message("problems.insights.bodyTooLong", { max: YEAR_BODY_MAX_LENGTH }))
  // Paragraphs as the page shows them: one empty line between them, no lines of only spaces.
  .transform((text) => text.replace(/\r\n?/g, "\n").replace(/\n[ \t]*\n\s*/g, "\n\n"));

/**
 * The months of `year` that have ended, as a period; a 404 for a year without one (one still to come,
 * or before the platform's first year).
 */
export function yearPeriod(year: number, now: Date): InsightPeriod {
  const lastEnded = defaultPeriod(now).to;
  if (!Number.isInteger(year) || year < 2020 || `${year}-01` > lastEnded)
    throw new AppError("not_found", "problems.insights.yearUnknown");
  const to = `${year}-12` < lastEnded ? `${year}-12` : lastEnded;
  return { from: `${year}-01`, to };
}

export async function getYearReport(options: { db: Db; year: number }): Promise<YearReport | undefined> {
  const [row] = await options.db
    .select()
    .from(insightYearReports)
    .where(eq(insightYearReports.year, options.year));
  return row;
}

/** The year's tables as of now, and the draft's paragraphs made from them (in Dutch: the text published). */
export async function draftYearReport(options: { db: Db; year: number; minGroup: number; now?: Date }) {
  const period = yearPeriod(options.year, options.now ?? new Date());
  const insights = await readInsights({
    db: options.db,
    period,
    minGroup: options.minGroup,
    language: "nl",
    tables: YEAR_TABLES,
  });
  const paragraphs = yearParagraphs({
    year: options.year,
    to: period.to,
    minGroup: options.minGroup,
    tables: insights.tables,
    t: translatorFor("nl"),
    number: (value) => formatNumber({ value, language: "nl" }),
    month: (month) => formatDate({ iso: `${month}-15T12:00:00Z`, language: "nl", format: "month" }),
  });
  return { period, tables: insights.tables, body: paragraphs.join("\n\n") };
}

/** Keeps the editor's text as the draft; a published year stays as it was published until published again. */
export async function saveYearDraft(options: {
  db: Db;
  year: number;
  body: string;
  actor: Actor;
}): Promise<void> {
  await options.db
    .insert(insightYearReports)
    .values({ year: options.year, draft: options.body, editedBy: options.actor.id })
    .onConflictDoUpdate({
      target: insightYearReports.year,
      set: { draft: options.body, editedBy: options.actor.id, updatedAt: new Date() },
    });
}

/** Publishes the text with the year's figures as they are now, and records who did. */
export async function publishYearReport(options: {
  db: Db;
  year: number;
  body: string;
  minGroup: number;
  actor: Actor;
  now?: Date;
}): Promise<void> {
  const { tables } = await draftYearReport(options);
  const now = options.now ?? new Date();
  await options.db.transaction(async (tx) => {
    const values = {
      draft: options.body,
      publishedBody: options.body,
      publishedTables: tables,
      publishedMinGroup: options.minGroup,
      editedBy: options.actor.id,
      updatedAt: now,
      publishedAt: now,
    };
    await tx
      .insert(insightYearReports)
      .values({ year: options.year, ...values })
      .onConflictDoUpdate({ target: insightYearReports.year, set: values });
    await recordAudit({
      db: tx,
      actor: options.actor,
      action: "insights.year.published",
      target: String(options.year),
    });
  });
}
