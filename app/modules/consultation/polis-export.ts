// A consultation as Pol.is exports one (the layout of its open data), so tools made for Pol.is read it:
// summary.csv, comments.csv, votes.csv and participants-votes.csv. Pure. Participants are numbers;
// times are rounded down to the hour, so a vote cannot be matched to the moment someone was seen.
import { csvText } from "../../infra/csv.ts";

export const POLIS_FILES = ["summary.csv", "comments.csv", "votes.csv", "participants-votes.csv"] as const;
export type PolisFile = (typeof POLIS_FILES)[number];

export interface ConsultationExport {
  question: string;
  introduction: string;
  /** The consultation's public address. */
  url: string;
  statements: {
    number: number;
    text: string;
    /** The participant who added it; null for the organisers' statements. */
    author: number | null;
    createdAt: Date;
    moderation: "goed" | "wacht" | "afgewezen";
  }[];
  /** Every participant's last vote per statement. */
  votes: { participant: number; statement: number; vote: 1 | -1 | 0; at: Date }[];
  participants: number[];
  /** The opinion group of each placed participant, from the last analysis. */
  groupOf: ReadonlyMap<number, number>;
}

const HOUR = 3_600_000;
const hourOf = (date: Date) => Math.floor(date.getTime() / HOUR) * HOUR;
const MODERATED = { goed: 1, wacht: 0, afgewezen: -1 } as const;

export function polisFiles(data: ConsultationExport): Record<PolisFile, string> {
  const csv = (rows: (string | number | null)[][]) => csvText(rows, { separator: ",", bom: false });
  const statements = [...data.statements].sort((a, b) => a.number - b.number);
  const votes = [...data.votes].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.participant - b.participant,
  );
  const tallies = new Map<number, { agree: number; disagree: number }>();
  const perParticipant = new Map<number, Map<number, number>>();
  for (const vote of votes) {
    const tally = tallies.get(vote.statement) ?? { agree: 0, disagree: 0 };
    if (vote.vote === 1) tally.agree++;
    if (vote.vote === -1) tally.disagree++;
    tallies.set(vote.statement, tally);
    const own = perParticipant.get(vote.participant) ?? new Map<number, number>();
    own.set(vote.statement, vote.vote);
    perParticipant.set(vote.participant, own);
  }
  const authors = new Set(
    statements.flatMap((statement) => (statement.author === null ? [] : [statement.author])),
  );
  const summary = csv([
    ["topic", data.question],
    ["url", data.url],
    ["voters", perParticipant.size],
    ["voters-in-conv", data.groupOf.size],
    ["commenters", authors.size],
    ["comments", statements.length],
    ["groups", new Set(data.groupOf.values()).size],
    ["conversation-description", data.introduction],
  ]);
  const comments = csv([
    ["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"],
    ...statements.map((statement) => {
      const at = hourOf(statement.createdAt);
      const tally = tallies.get(statement.number) ?? { agree: 0, disagree: 0 };
      return [
        at,
        new Date(at).toISOString(),
        statement.number,
        statement.author,
        tally.agree,
        tally.disagree,
        MODERATED[statement.moderation],
        statement.text,
      ];
    }),
  ]);
  const voteRows = csv([
    ["timestamp", "datetime", "comment-id", "voter-id", "vote"],
    ...votes.map((vote) => {
      const at = hourOf(vote.at);
      return [at, new Date(at).toISOString(), vote.statement, vote.participant, vote.vote];
    }),
  ]);
  const numbers = statements.map((statement) => statement.number);
  const participantsVotes = csv([
    ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree", ...numbers],
    ...[...data.participants]
      .sort((a, b) => a - b)
      .map((participant) => {
        const own = perParticipant.get(participant) ?? new Map<number, number>();
        const given = [...own.values()];
        return [
          participant,
          data.groupOf.get(participant) ?? null,
          statements.filter((statement) => statement.author === participant).length,
          given.length,
          given.filter((vote) => vote === 1).length,
          given.filter((vote) => vote === -1).length,
          ...numbers.map((number) => own.get(number) ?? null),
        ];
      }),
  ]);
  return {
    "summary.csv": summary,
    "comments.csv": comments,
    "votes.csv": voteRows,
    "participants-votes.csv": participantsVotes,
  };
}
