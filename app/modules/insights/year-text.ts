// The first draft of the yearly "stand van het vakmanschap": plain sentences made from the year's tables,
// one paragraph per part of the platform, each only where its figures are shown. An editor checks and
// edits it before it is published. The sentences describe what people did; they never judge it. Pure.
import type { TFunction } from "../../infra/i18n/translate.ts";
import type { InsightRow, InsightTable, InsightTableId } from "./insight-tables.ts";

/** The longest text a yearly overview may have. */
export const YEAR_BODY_MAX_LENGTH = 20_000;

const sum = (rows: InsightRow[], column: string) =>
  rows.reduce((total, row) => total + Number(row[column] ?? 0), 0);

/** The paragraphs of the draft, in the language of `t`; `number` and `month` write figures and months. */
export function yearParagraphs(options: {
  year: number;
  /** The last month counted, as YYYY-MM. */
  to: string;
  minGroup: number;
  tables: readonly InsightTable[];
  t: TFunction;
  number: (value: number) => string;
  month: (month: string) => string;
}): string[] {
  const { t, number } = options;
  const table = (id: InsightTableId) => options.tables.find((found) => found.id === id);
  const rows = (id: InsightTableId) => table(id)?.rows ?? [];
  const totalOf = (id: InsightTableId, column: string) => table(id)?.total ?? sum(rows(id), column);
  const paragraphs: string[] = [
    t("insights.year.intro", {
      year: options.year,
      from: options.month(`${options.year}-01`),
      to: options.month(options.to),
      min: options.minGroup,
    }),
  ];
  const say = (sentences: (string | null)[]) => {
    const said = sentences.filter((sentence): sentence is string => sentence !== null);
    if (said.length > 0) paragraphs.push(said.join(" "));
  };

  const parts = rows("gids-delen");
  const [topPart] = parts;
  const [topMiss] = rows("zoeken-zonder-resultaat");
  say([
    topPart
      ? t("insights.year.guide", {
          views: number(totalOf("gids-delen", "views")),
          title: String(topPart.title),
          top: number(Number(topPart.views)),
        })
      : t("insights.year.guideNone"),
    topMiss ? t("insights.year.searches", { query: String(topMiss.query) }) : null,
  ]);

  const cards = rows("kaarten-gesprekken");
  const [topCard] = cards;
  say([
    topCard
      ? t("insights.year.cards", {
          count: cards.length,
          cards: number(cards.length),
          conversations: number(sum(cards, "conversations")),
          title: String(topCard.title),
          top: number(Number(topCard.conversations)),
        })
      : t("insights.year.cardsNone", { min: options.minGroup }),
  ]);

  const contributions = totalOf("bijdragen-status", "contributions");
  const decided = rows("bijdragen-besluit");
  const decisions = sum(decided, "decided");
  const days =
    decisions > 0
      ? decided.reduce((total, row) => total + Number(row.meanDays) * Number(row.decided), 0) / decisions
      : 0;
  say([
    contributions > 0
      ? t("insights.year.contributions", { count: contributions, contributions: number(contributions) })
      : null,
    decisions > 0
      ? t("insights.year.decisions", {
          count: decisions,
          decided: number(decisions),
          days: number(Math.round(days)),
        })
      : null,
  ]);

  const rounds = rows("kriskras-rondes");
  const organisations = rows("kriskras-organisaties");
  say([
    rounds.length > 0
      ? t("insights.year.kriskras", {
          count: rounds.length,
          signups: number(sum(rounds, "signups")),
          rounds: number(rounds.length),
        })
      : null,
    organisations.length > 0
      ? t("insights.year.organisations", {
          count: organisations.length,
          organisations: number(organisations.length),
        })
      : null,
  ]);

  const consultations = rows("peilingen");
  say([
    consultations.length > 0
      ? t("insights.year.consultations", {
          count: consultations.length,
          consultations: number(consultations.length),
          participants: number(sum(consultations, "participants")),
        })
      : null,
  ]);

  const records = rows("afwegingen");
  const started = sum(records, "started");
  const finished = sum(records, "finished");
  say([
    started > 0 ? t("insights.year.records", { count: started, started: number(started) }) : null,
    finished > 0 ? t("insights.year.recordsFinished", { count: finished, finished: number(finished) }) : null,
  ]);

  paragraphs.push(t("insights.year.closing"));
  return paragraphs;
}
