// Consultations in the database: importing one that was held in Pol.is, reading its votes, and running
// and keeping its analysis.
import { and, asc, count, desc, eq, getTableColumns, ne, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { createKeyedRunner, type KeyedRunner } from "../../infra/keyed-runner.server.ts";
import type { LiveHub } from "../../infra/live-hub.server.ts";
import { hashSecret } from "../../infra/secrets.server.ts";
import { analyseInWorker } from "./analyse-in-worker.server.ts";
import { type Analysis, type AnalysisState, analyse } from "./analysis/analyse.ts";
import type { CastVote, Vote } from "./analysis/vote-matrix.ts";
import {
  consultationParticipants,
  consultationStatements,
  consultations,
  consultationVotes,
} from "./consultation.schema.ts";
import type { ConsultationExport } from "./polis-export.ts";
import type { PolisConversation } from "./polis-files.ts";

export const NOT_FOUND = "problems.consultation.notFound";
/** Rows per insert statement when many are written at once. */
const BATCH = 1_000;

const MODERATION_OF_POLIS = { 1: "goed", 0: "wacht", [-1]: "afgewezen" } as const;

/** An address of lower-case letters, digits and dashes. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugOf(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/**
 * Makes a closed consultation of a conversation exported by Pol.is: its statements with their review
 * (accepted, not reviewed, rejected), its participants (numbered as Pol.is numbered them, without
 * token or account, so nobody can vote as them) and each participant's last vote per statement. The
 * dates are those of the first and the last vote. Throws `conflict` when the slug is taken.
 */
export async function importPolisConversation(options: {
  db: Db;
  conversation: PolisConversation;
  slug: string;
  source?: string;
  createdBy?: string;
  /** The language the conversation was held in (Dutch when not said). */
  language?: "nl" | "en";
}): Promise<{ id: string; statements: number; participants: number; votes: number }> {
  const { conversation } = options;
  if (!SLUG.test(options.slug)) throw new AppError("invalid", "problems.consultation.slug");
  const times = conversation.votes.map((vote) => vote.at.getTime()).filter(Number.isFinite);
  const first = times.length ? Math.min(...times) : Date.now();
  const last = times.length ? Math.max(...times) : first;
  return options.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(eq(consultations.slug, options.slug));
    if (taken) throw new AppError("conflict", "problems.consultation.slugTaken");
    const [created] = await tx
      .insert(consultations)
      .values({
        slug: options.slug,
        question: conversation.topic || options.slug,
        introduction: conversation.description,
        contentLanguage: options.language ?? "nl",
        state: "gesloten",
        participantStatements: "na-beoordeling",
        opensAt: new Date(first),
        closesAt: new Date(last + 1_000),
        source: options.source ?? null,
        createdBy: options.createdBy ?? null,
      })
      .returning({ id: consultations.id });
    if (!created) throw new Error("the consultation was not stored");
    const consultationId = created.id;

    const statementRows = conversation.statements.map((statement) => ({
      id: crypto.randomUUID(),
      consultationId,
      number: Number(statement.id),
      text: statement.text,
      origin: "deelnemer" as const,
      moderation: MODERATION_OF_POLIS[statement.moderated],
      createdAt: Number.isFinite(statement.createdAt.getTime()) ? statement.createdAt : new Date(first),
    }));
    if (statementRows.some((row) => !Number.isInteger(row.number) || row.number < 0)) {
      throw new AppError("invalid", "problems.consultation.polisNumbers");
    }
    await insertInBatches(statementRows, (batch) => tx.insert(consultationStatements).values(batch));

    const latest = new Map<string, { participant: string; statement: string; vote: Vote; at: Date }>();
    for (const vote of conversation.votes) latest.set(`${vote.participant}\u0000${vote.statement}`, vote);
    const participantNumbers = [...new Set([...latest.values()].map((vote) => vote.participant))];
    if (participantNumbers.some((participant) => !/^\d+$/.test(participant))) {
      throw new AppError("invalid", "problems.consultation.polisNumbers");
    }
    const participantRows = participantNumbers.map((participant) => ({
      id: crypto.randomUUID(),
      consultationId,
      number: Number(participant),
    }));
    await insertInBatches(participantRows, (batch) => tx.insert(consultationParticipants).values(batch));

    const participantId = new Map(participantRows.map((row) => [String(row.number), row.id]));
    const statementId = new Map(statementRows.map((row) => [String(row.number), row.id]));
    const voteRows = [...latest.values()].flatMap((vote) => {
      const participant = participantId.get(vote.participant);
      const statement = statementId.get(vote.statement);
      if (!participant || !statement) return [];
      return [
        {
          participantId: participant,
          statementId: statement,
          consultationId,
          vote: vote.vote,
          votedAt: Number.isFinite(vote.at.getTime()) ? vote.at : new Date(first),
        },
      ];
    });
    await insertInBatches(voteRows, (batch) => tx.insert(consultationVotes).values(batch));
    return {
      id: consultationId,
      statements: statementRows.length,
      participants: participantRows.length,
      votes: voteRows.length,
    };
  });
}

/** A consultation's own columns, without its analysis: what every vote and page needs, read cheaply. */
const {
  analysis: _analysis,
  analysisState: _analysisState,
  ...consultationColumns
} = getTableColumns(consultations);
export type ConsultationRow = Omit<typeof consultations.$inferSelect, "analysis" | "analysisState">;

export async function requireConsultationBySlug(db: Db, slug: string): Promise<ConsultationRow> {
  // An address that cannot be a consultation's (a typo, a NUL byte) is not looked up at all.
  if (!SLUG.test(slug) || slug.length > 120) throw new AppError("not_found", NOT_FOUND);
  const [found] = await db
    .select(consultationColumns)
    .from(consultations)
    .where(eq(consultations.slug, slug));
  if (!found) throw new AppError("not_found", NOT_FOUND);
  return found;
}

/** What taking part needs of a consultation: whether it takes votes, from whom, and what it allows. */
const votingColumns = {
  id: consultations.id,
  slug: consultations.slug,
  access: consultations.access,
  participantStatements: consultations.participantStatements,
  state: consultations.state,
  opensAt: consultations.opensAt,
  closesAt: consultations.closesAt,
};
export type VotingConsultation = Pick<ConsultationRow, keyof typeof votingColumns>;

/**
 * A consultation by its address, and in the same query the participant whose token this is, if any:
 * what every vote needs, in one round trip. `columns: "voting"` reads only what taking part needs,
 * which costs a vote about half as much on the embedded database as the whole row.
 */
export async function consultationWithParticipant(
  db: Db,
  slug: string,
  token: string | undefined,
): Promise<{ consultation: ConsultationRow; participant?: Participant }>;
export async function consultationWithParticipant(
  db: Db,
  slug: string,
  token: string | undefined,
  columns: "voting",
): Promise<{ consultation: VotingConsultation; participant?: Participant }>;
export async function consultationWithParticipant(
  db: Db,
  slug: string,
  token: string | undefined,
  columns: "all" | "voting" = "all",
): Promise<{ consultation: VotingConsultation; participant?: Participant }> {
  if (!SLUG.test(slug) || slug.length > 120) throw new AppError("not_found", NOT_FOUND);
  const [found] = await db
    .select({
      consultation: columns === "voting" ? votingColumns : consultationColumns,
      participantId: consultationParticipants.id,
      participantNumber: consultationParticipants.number,
    })
    .from(consultations)
    .leftJoin(
      consultationParticipants,
      and(
        eq(consultationParticipants.consultationId, consultations.id),
        // In one that needs a login the pages find participants by account; a token there comes from
        // joining through the API.
        eq(consultationParticipants.tokenHash, token ? hashSecret(token) : ""),
      ),
    )
    .where(eq(consultations.slug, slug));
  if (!found) throw new AppError("not_found", NOT_FOUND);
  const { consultation, participantId, participantNumber } = found;
  return {
    consultation,
    participant:
      participantId !== null && participantNumber !== null
        ? { id: participantId, number: participantNumber }
        : undefined,
  };
}

/** A person taking part in a consultation: a row of its own, numbered as Pol.is numbers them. */
export interface Participant {
  id: string;
  number: number;
}

export async function requireConsultationById(db: Db, id: string): Promise<ConsultationRow> {
  const [found] = await db.select(consultationColumns).from(consultations).where(eq(consultations.id, id));
  if (!found) throw new AppError("not_found", NOT_FOUND);
  return found;
}

/** The last analysis as the report shows it, and the state the next run starts from. */
export async function analysisOf(
  db: Db,
  consultationId: string,
): Promise<{ analysis: StoredAnalysis | null; state: AnalysisState | null }> {
  const [row] = await db
    .select({ analysis: consultations.analysis, state: consultations.analysisState })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  return {
    analysis: (row?.analysis as StoredAnalysis | null) ?? null,
    state: (row?.state as AnalysisState | null) ?? null,
  };
}

/** What the analysis needs of a consultation: its statements by review, and every last vote, oldest first. */
export async function readVotesForAnalysis(
  db: Db,
  consultationId: string,
): Promise<{ statements: string[]; rejected: string[]; votes: CastVote[]; version: number }> {
  const [consultation] = await db
    .select({ version: consultations.version })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  if (!consultation) throw new AppError("not_found", NOT_FOUND);
  const statementRows = await db
    .select({ number: consultationStatements.number, moderation: consultationStatements.moderation })
    .from(consultationStatements)
    .where(eq(consultationStatements.consultationId, consultationId))
    .orderBy(asc(consultationStatements.number));
  const voteRows = await db
    .select({
      participant: consultationParticipants.number,
      statement: consultationStatements.number,
      vote: consultationVotes.vote,
    })
    .from(consultationVotes)
    .innerJoin(consultationParticipants, eq(consultationParticipants.id, consultationVotes.participantId))
    .innerJoin(consultationStatements, eq(consultationStatements.id, consultationVotes.statementId))
    .where(eq(consultationVotes.consultationId, consultationId))
    .orderBy(asc(consultationVotes.votedAt), asc(consultationParticipants.number));
  return {
    statements: statementRows.filter((row) => row.moderation === "goed").map((row) => String(row.number)),
    rejected: statementRows.filter((row) => row.moderation === "afgewezen").map((row) => String(row.number)),
    votes: voteRows.map((row) => ({
      participant: String(row.participant),
      statement: String(row.statement),
      vote: row.vote as Vote,
    })),
    version: consultation.version,
  };
}

/**
 * The analysis as it is kept for the report: groups, statements and the map, but no person's number.
 * The places are sorted by where they are, not kept in the order people joined: whoever knows when a
 * colleague joined must not find their dot, and with it their group.
 */
export type StoredAnalysis = Omit<Analysis, "state" | "places" | "tallies"> & {
  places: { x: number; y: number; group: number }[];
  tallies: {
    statement: string;
    all: Analysis["tallies"][number]["all"];
    byGroup: [number, Analysis["tallies"][number]["all"]][];
  }[];
};

export function storedAnalysisOf(analysis: Analysis): StoredAnalysis {
  const { state: _state, places, tallies, ...rest } = analysis;
  return {
    ...rest,
    places: places.map(({ x, y, group }) => ({ x, y, group })).sort((a, b) => a.x - b.x || a.y - b.y),
    tallies: tallies.map((tally) => ({
      statement: tally.statement,
      all: tally.all,
      byGroup: [...tally.byGroup],
    })),
  };
}

/**
 * Analyses the consultation's votes from the previous run's state, and keeps the result, unless a newer
 * analysis was kept meanwhile. In a worker thread, so a server keeps answering; `inWorker: false` for
 * the command line, which has nothing else to do.
 */
export async function analyseConsultation(options: {
  db: Db;
  consultationId: string;
  inWorker?: boolean;
}): Promise<StoredAnalysis> {
  const { db, consultationId } = options;
  const run =
    options.inWorker === false
      ? async (input: Parameters<typeof analyse>[0]) => analyse(input)
      : analyseInWorker;
  const [row] = await db
    .select({ state: consultations.analysisState })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  if (!row) throw new AppError("not_found", NOT_FOUND);
  const input = await readVotesForAnalysis(db, consultationId);
  const analysis = await run({
    statements: input.statements,
    rejected: input.rejected,
    votes: input.votes,
    previous: (row.state as AnalysisState | null) ?? undefined,
  });
  const stored = storedAnalysisOf(analysis);
  await db
    .update(consultations)
    .set({
      analysis: stored,
      analysisState: analysis.state,
      analysedVersion: input.version,
      analysedAt: new Date(),
    })
    .where(
      and(eq(consultations.id, consultationId), sql`${consultations.analysedVersion} <= ${input.version}`),
    );
  return stored;
}

/** A consultation's statements in one review state (`goed`: the ones everyone sees), by number. */
export async function statementsInReview(
  db: Db,
  consultationId: string,
  moderation: "goed" | "wacht",
): Promise<{ number: number; text: string }[]> {
  return db
    .select({ number: consultationStatements.number, text: consultationStatements.text })
    .from(consultationStatements)
    .where(
      and(
        eq(consultationStatements.consultationId, consultationId),
        eq(consultationStatements.moderation, moderation),
      ),
    )
    .orderBy(asc(consultationStatements.number));
}

/** The statements everyone sees (reviewed or shown at once), in the order of their numbers. */
export const shownStatements = (db: Db, consultationId: string) =>
  statementsInReview(db, consultationId, "goed");

/** How many statements, participants and votes a consultation has. */
export async function countsOf(db: Db, consultationId: string) {
  const [statements] = await db
    .select({ value: count() })
    .from(consultationStatements)
    .where(eq(consultationStatements.consultationId, consultationId));
  const [participants] = await db
    .select({ value: count() })
    .from(consultationParticipants)
    .where(eq(consultationParticipants.consultationId, consultationId));
  const [votes] = await db
    .select({ value: count() })
    .from(consultationVotes)
    .where(eq(consultationVotes.consultationId, consultationId));
  return {
    statements: statements?.value ?? 0,
    participants: participants?.value ?? 0,
    votes: votes?.value ?? 0,
  };
}

/** A burst of votes within this time gives one analysis. */
export const ANALYSIS_DELAY_MS = 2_000;

/** The live topic that tells a consultation's followers a new outcome or state is there. */
export const consultationTopic = (consultationId: string) => `peiling:${consultationId}`;

/**
 * The server's background analysis: `request(consultationId)` after every vote or shown statement.
 * Each kept outcome is announced on the consultation's live topic, so an open results page reloads.
 */
export function createConsultationAnalysis(options: {
  db: Db;
  logger: Pick<Logger, "warn">;
  liveHub?: Pick<LiveHub, "changed">;
}): KeyedRunner {
  return createKeyedRunner({
    run: async (consultationId) => {
      await analyseConsultation({ db: options.db, consultationId });
      await options.liveHub?.changed(consultationTopic(consultationId));
    },
    delayMs: ANALYSIS_DELAY_MS,
    // A run that took 1 s is followed by one at least 4 s later: at most a fifth of the time analysing.
    slowdown: 4,
    logger: options.logger,
    what: "consultation analysis",
  });
}

export interface ConsultationSummary {
  slug: string;
  question: string;
  lang: "nl" | "en";
  opensAt: string;
  closesAt: string;
  /** Taking votes now (open and between its dates), yet to open, or over (closed, or past its end). */
  phase: "running" | "upcoming" | "past";
}

/** The consultations people can find: not archived, the ones that close first first. */
export async function listConsultations(db: Db, now = new Date()): Promise<ConsultationSummary[]> {
  const rows = await db
    .select({
      slug: consultations.slug,
      question: consultations.question,
      lang: consultations.contentLanguage,
      state: consultations.state,
      opensAt: consultations.opensAt,
      closesAt: consultations.closesAt,
    })
    .from(consultations)
    .where(ne(consultations.state, "gearchiveerd"))
    .orderBy(desc(consultations.closesAt), asc(consultations.slug));
  return rows.map(({ state, ...row }) => ({
    ...row,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    phase: state !== "open" || now >= row.closesAt ? "past" : now < row.opensAt ? "upcoming" : "running",
  }));
}

/** What the Pol.is files of a consultation hold (polis-export.ts), read from the database. */
export async function consultationExport(
  db: Db,
  slug: string,
  publicUrl: string,
): Promise<ConsultationExport> {
  const consultation = await requireConsultationBySlug(db, slug);
  const statements = await db
    .select({
      number: consultationStatements.number,
      text: consultationStatements.text,
      author: consultationParticipants.number,
      createdAt: consultationStatements.createdAt,
      moderation: consultationStatements.moderation,
    })
    .from(consultationStatements)
    .leftJoin(consultationParticipants, eq(consultationParticipants.id, consultationStatements.participantId))
    .where(eq(consultationStatements.consultationId, consultation.id));
  const votes = await db
    .select({
      participant: consultationParticipants.number,
      statement: consultationStatements.number,
      vote: consultationVotes.vote,
      at: consultationVotes.votedAt,
    })
    .from(consultationVotes)
    .innerJoin(consultationParticipants, eq(consultationParticipants.id, consultationVotes.participantId))
    .innerJoin(consultationStatements, eq(consultationStatements.id, consultationVotes.statementId))
    .where(eq(consultationVotes.consultationId, consultation.id));
  const participants = await db
    .select({ number: consultationParticipants.number })
    .from(consultationParticipants)
    .where(eq(consultationParticipants.consultationId, consultation.id));
  const { state } = await analysisOf(db, consultation.id);
  const groupOf = new Map<number, number>(
    (state?.groups ?? []).flatMap((group) =>
      group.members.map((member) => [Number(member), group.id] as const),
    ),
  );
  return {
    question: consultation.question,
    introduction: consultation.introduction,
    url: new URL(`/peilingen/${consultation.slug}`, publicUrl).toString(),
    statements,
    votes: votes.map((vote) => ({ ...vote, vote: vote.vote as Vote })),
    participants: participants.map((participant) => participant.number),
    groupOf,
  };
}
