// A conversation's summary as files to keep or share: Markdown to read, CSV for a spreadsheet. Pure. Only
// aggregates go in (what `getConversationSummary` gives: counts, shares, the difference between the rounds, the open
// answers the facilitator showed), so nothing in them identifies a participant.

import { csvText } from "../../infra/csv.ts";
import { escapeMarkdown, type Translate } from "../deliberation/deliberation-record.ts";
import type { Summary } from "./conversation-views.server.ts";
import { formatChange, optionLabel } from "./result-labels.ts";
import { type ChoiceTally, type Shift, shiftBetween } from "./tallies.ts";

export type SummaryFormat = "markdown" | "csv";
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ["markdown", "csv"];

type SummaryQuestion = Summary["questions"][number];

/** The shift between the rounds of a question, when both rounds may be shown. */
export function shiftOf(question: SummaryQuestion): Shift | null {
  return question.round1 && question.round2 ? shiftBetween(question.round1, question.round2) : null;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const cell = (text: string) => escapeMarkdown(oneLine(text));

export interface SummaryFileOptions {
  summary: Summary;
  t: Translate;
  principleTitle: (slug: string) => string;
  /** "Afgelopen op 3 mei 2025 14:05", or that it has not ended; already in the reader's language. */
  dates: string;
  /** Where the guide lives, for links to its principles: `https://…` without a trailing slash. */
  origin: string;
}

/** The summary as a Markdown document. */
export function summaryMarkdown(options: SummaryFileOptions): string {
  const { summary, t } = options;
  const lines = [
    `# ${cell(t("conversations.summary.title", { title: summary.title }))}`,
    "",
    `${escapeMarkdown(options.dates)}. ${escapeMarkdown(t("conversations.participants", { count: summary.participants }))}.`,
    "",
  ];
  if (summary.questions.some((question) => shiftOf(question))) {
    lines.push(cell(t("conversations.summary.secondRound")), "");
  }
  if (summary.principles.length > 0) {
    lines.push(`## ${cell(t("conversations.summary.principles"))}`, "");
    for (const slug of summary.principles) {
      lines.push(
        `- [${cell(options.principleTitle(slug))}](${options.origin}/gids/${encodeURIComponent(slug)})`,
      );
    }
    lines.push("");
  }
  for (const question of summary.questions) {
    lines.push(
      `## ${cell(t("conversations.question", { number: question.position + 1 }))}: ${cell(question.text)}`,
      "",
      `_${cell(`${t(`conversations.kinds.${question.kind}`)}, ${t("conversations.answered", { count: question.answered })}`)}_`,
      "",
    );
    lines.push(...questionMarkdown(question, t), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function questionMarkdown(question: SummaryQuestion, t: Translate): string[] {
  if (question.kind === "open") {
    if (question.approved.length === 0) return [`_${cell(t("conversations.summary.noneApproved"))}_`];
    return [
      `**${cell(t("conversations.summary.approved"))}**`,
      "",
      ...question.approved.map((answer) => `- ${cell(answer)}`),
    ];
  }
  if (!question.round1) return [`_${cell(t("conversations.summary.tooFew"))}_`];
  const shift = shiftOf(question);
  const label = (value: string) => cell(optionLabel(t, question, value));
  const amount = (option: { count: number; share: number }) => `${option.count} (${option.share}%)`;
  const lines = shift
    ? [
        `| ${cell(t("conversations.results.option"))} | ${cell(t("conversations.results.round1"))} | ${cell(t("conversations.results.round2"))} | ${cell(t("conversations.results.change"))} |`,
        "| --- | ---: | ---: | ---: |",
        ...shift.options.map(
          (option) =>
            `| ${label(option.value)} | ${amount(option.before)} | ${amount(option.after)} | ${formatChange(option.change)} |`,
        ),
      ]
    : [
        `| ${cell(t("conversations.results.option"))} | ${cell(t("conversations.results.count"))} | ${cell(t("conversations.results.share"))} |`,
        "| --- | ---: | ---: |",
        ...question.round1.options.map(
          (option) => `| ${label(option.value)} | ${option.count} | ${option.share}% |`,
        ),
      ];
  for (const tally of [question.round1, question.round2]) {
    if (tally?.kind === "schaal" && tally.mean !== null) {
      lines.push("", cell(meanText(t, tally, tally === question.round2)));
    }
  }
  return lines;
}

function meanText(t: Translate, tally: ChoiceTally & { kind: "schaal" }, second: boolean): string {
  return t(second ? "conversations.results.meanRound2" : "conversations.results.mean", {
    mean: tally.mean,
    median: tally.median,
  });
}

/** The summary as CSV: one row per option and round, and one per approved open answer. */
export function summaryCsv(options: Pick<SummaryFileOptions, "summary" | "t">): string {
  const { summary, t } = options;
  const header = ["question", "text", "kind", "round", "option", "count", "share", "change", "answer"].map(
    (column) => t(`conversations.csv.${column}`),
  );
  const rows: (string | number | null)[][] = [header];
  for (const question of summary.questions) {
    const start = [question.position + 1, question.text, t(`conversations.kinds.${question.kind}`)];
    if (question.kind === "open") {
      for (const answer of question.approved) rows.push([...start, 1, null, null, null, null, answer]);
      continue;
    }
    const shift = shiftOf(question);
    for (const [round, tally] of [
      [1, question.round1],
      [2, question.round2],
    ] as const) {
      for (const option of tally?.options ?? []) {
        const change =
          round === 2 ? (shift?.options.find((moved) => moved.value === option.value)?.change ?? null) : null;
        rows.push([
          ...start,
          round,
          optionLabel(t, question, option.value),
          option.count,
          option.share,
          change,
          null,
        ]);
      }
    }
  }
  return csvText(rows);
}

/** The download: its name, type and content. */
export function summaryFile(options: SummaryFileOptions & { id: string; format: SummaryFormat }): {
  filename: string;
  contentType: string;
  body: string;
} {
  const filename = `gesprek-${options.id.slice(0, 8)}`;
  if (options.format === "csv") {
    return { filename: `${filename}.csv`, contentType: "text/csv; charset=utf-8", body: summaryCsv(options) };
  }
  return {
    filename: `${filename}.md`,
    contentType: "text/markdown; charset=utf-8",
    body: summaryMarkdown(options),
  };
}
