// Pol.is's export files, read: the layout of its open data (github.com/compdemocracy/openData), so a
// conversation held in Pol.is can be imported and analysed here, and the analysis checked against
// Pol.is's own groups. In these files 1 is agree and -1 disagree; a vote changed later appears again.
import { parse } from "csv-parse/sync";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import type { Vote } from "./analysis/vote-matrix.ts";

export interface PolisStatement {
  id: string;
  author: string;
  text: string;
  /** 1 accepted, 0 not yet reviewed, -1 rejected. */
  moderated: -1 | 0 | 1;
  createdAt: Date;
}

export interface PolisVote {
  participant: string;
  statement: string;
  vote: Vote;
  at: Date;
}

export interface PolisConversation {
  topic: string;
  /** The conversation's address at Pol.is, when the summary gives it. */
  url: string;
  description: string;
  statements: PolisStatement[];
  /** Every vote, oldest first. */
  votes: PolisVote[];
  /** Pol.is's own opinion group per participant it placed (`participants-votes.csv`). */
  polisGroups: Map<string, number>;
}

export interface PolisFiles {
  /** `summary.csv`, `comments.csv`, `votes.csv` and `participants-votes.csv` as text. */
  summary?: string;
  comments: string;
  votes: string;
  participantsVotes?: string;
}

type Row = Record<string, string>;
const rowsOf = (text: string): Row[] =>
  parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true });

function voteOf(value: string, line: number): Vote {
  const vote = Number(value);
  if (value.trim() !== "" && (vote === 1 || vote === -1 || vote === 0)) return vote;
  throw new AppError(
    "invalid",
    message("problems.consultation.polisFile", {
      file: "votes.csv",
      line,
      problem: { key: "problems.consultation.polisVote", values: { value: value.slice(0, 20) } },
    }),
  );
}

export function readPolisFiles(files: PolisFiles): PolisConversation {
  const summaryRows: string[][] = files.summary
    ? parse(files.summary, { skip_empty_lines: true, bom: true, relax_column_count: true })
    : [];
  const summary = new Map(summaryRows.map((row) => [row[0] ?? "", row.slice(1).join(",")]));
  const statements = rowsOf(files.comments)
    .map((row) => {
      const id = row["comment-id"];
      if (!id) throw new AppError("invalid", "problems.consultation.polisNumbers");
      const moderated = Number(row.moderated);
      return {
        id,
        author: row["author-id"] ?? "",
        text: row["comment-body"] ?? "",
        moderated: moderated === 1 || moderated === -1 ? moderated : 0,
        createdAt: new Date(Number(row.timestamp)),
      } satisfies PolisStatement;
    })
    .sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
  const votes = rowsOf(files.votes)
    .map((row, index) => ({
      participant: row["voter-id"] ?? "",
      statement: row["comment-id"] ?? "",
      vote: voteOf(row.vote ?? "", index + 2),
      at: new Date(Number(row.timestamp)),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const polisGroups = new Map<string, number>();
  for (const row of files.participantsVotes ? rowsOf(files.participantsVotes) : []) {
    if (row["group-id"] !== "" && row["group-id"] !== undefined) {
      polisGroups.set(row.participant ?? "", Number(row["group-id"]));
    }
  }
  return {
    topic: summary.get("topic") ?? "",
    url: summary.get("url") ?? "",
    description: summary.get("conversation-description") ?? "",
    statements,
    votes,
    polisGroups,
  };
}
