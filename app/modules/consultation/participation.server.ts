// Taking part in a consultation: a participant (a random token, or an account), the next statement for
// them, their vote (which they can change), the statements they add, how far they are, and what a
// logged-in participant did, for their download. Making and running one: running.server.ts.
import { and, asc, count, eq, gte, inArray, max, sql } from "drizzle-orm";
import { type Batcher, createBatcher } from "../../infra/batcher.ts";
import { type Db, queryRows } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { message } from "../../infra/i18n/translate.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import type { PersonalDataSource } from "../accounts/personal-data.server.ts";
import type { Vote } from "./analysis/vote-matrix.ts";
import {
  consultationParticipants,
  consultationStatements,
  consultations,
  consultationVotes,
} from "./consultation.schema.ts";
import { STATEMENTS_PER_HOUR } from "./consultation-limits.ts";
import {
  analysisOf,
  type Participant,
  type StoredAnalysis,
  type VotingConsultation,
} from "./consultations.server.ts";

/** What taking part needs of a consultation (consultations.server.ts reads it with the participant). */
export type Consultation = VotingConsultation;
export type { Participant };

/** Whether votes are taken now: open, and between its dates. */
export function isOpenForVotes(
  consultation: Pick<Consultation, "state" | "opensAt" | "closesAt">,
  now = new Date(),
) {
  return consultation.state === "open" && consultation.opensAt <= now && now < consultation.closesAt;
}

/** Refuses a vote or statement unless the consultation takes them now, saying why. */
function requireOpen(consultation: Consultation, now = new Date()): void {
  if (consultation.state !== "open" || now >= consultation.closesAt) {
    throw new AppError("conflict", "problems.consultation.closed");
  }
  if (now < consultation.opensAt) throw new AppError("conflict", "problems.consultation.notOpenYet");
}

/** The participant a token or an account is in this consultation, if any. */
export async function findParticipant(options: {
  db: Db;
  consultation: Pick<Consultation, "id" | "access">;
  token?: string;
  userId?: string;
}): Promise<Participant | undefined> {
  const { db, consultation } = options;
  const who =
    consultation.access === "inloggen"
      ? options.userId && eq(consultationParticipants.userId, options.userId)
      : options.token && eq(consultationParticipants.tokenHash, hashSecret(options.token));
  if (!who) return undefined;
  const [found] = await db
    .select({ id: consultationParticipants.id, number: consultationParticipants.number })
    .from(consultationParticipants)
    .where(and(eq(consultationParticipants.consultationId, consultation.id), who));
  return found;
}

/**
 * Makes the person a participant: in an anonymous consultation with a new random token (returned once,
 * for the cookie); in one that needs a login, tied to the account (`userId` required), and with
 * `withToken` also given a new token for the API, which replaces an earlier one (the account's votes
 * stay). The number is the next free one, taken under a lock on the consultation so two people never
 * get the same.
 */
export async function joinConsultation(options: {
  db: Db;
  consultation: Consultation;
  userId?: string;
  withToken?: boolean;
}): Promise<Participant & { token?: string }> {
  const { db, consultation } = options;
  requireOpen(consultation);
  if (consultation.access === "inloggen" && !options.userId) {
    throw new AppError("unauthenticated", "problems.consultation.loginNeeded");
  }
  const existing =
    consultation.access === "inloggen"
      ? await findParticipant({ db, consultation, userId: options.userId })
      : undefined;
  const token = consultation.access === "anoniem" || options.withToken ? createSecret() : undefined;
  if (existing) {
    if (!token) return existing;
    await db
      .update(consultationParticipants)
      .set({ tokenHash: hashSecret(token) })
      .where(eq(consultationParticipants.id, existing.id));
    return { ...existing, token };
  }
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select 1 from ${consultations} where ${consultations.id} = ${consultation.id} for update`,
    );
    const [highest] = await tx
      .select({ value: max(consultationParticipants.number) })
      .from(consultationParticipants)
      .where(eq(consultationParticipants.consultationId, consultation.id));
    const number = (highest?.value ?? -1) + 1;
    const [created] = await tx
      .insert(consultationParticipants)
      .values({
        consultationId: consultation.id,
        number,
        tokenHash: token ? hashSecret(token) : null,
        userId: consultation.access === "inloggen" ? (options.userId ?? null) : null,
      })
      .returning({ id: consultationParticipants.id, number: consultationParticipants.number });
    if (!created) throw new Error("the participant was not stored");
    return { ...created, token };
  });
}

export interface ShownStatement {
  number: number;
  text: string;
}

export interface Progress {
  /** Statements shown to everyone that this participant voted on. */
  voted: number;
  total: number;
}

/**
 * How far the participant is, and the statement to show them next: of the shown statements they did not
 * vote on, the one with the fewest votes, so every statement gets enough to say something; among
 * statements with about as many votes (the same power of two), the one that splits the groups most
 * (the largest difference in agreement between two groups in the last analysis); then an order of
 * their own, so people do not all see the same statement at the same time.
 */
export async function nextStatement(options: {
  db: Db;
  consultation: Pick<Consultation, "id">;
  participantId: string;
}): Promise<{ statement: ShownStatement | null; progress: Progress }> {
  const { db, consultation, participantId } = options;
  const rows = await db
    .select({
      id: consultationStatements.id,
      number: consultationStatements.number,
      text: consultationStatements.text,
      votes:
        sql<number>`(select count(*) from ${consultationVotes} where ${consultationVotes.statementId} = ${consultationStatements.id})`.mapWith(
          Number,
        ),
      mine: sql<number>`(select count(*) from ${consultationVotes} where ${consultationVotes.statementId} = ${consultationStatements.id} and ${consultationVotes.participantId} = ${participantId})`.mapWith(
        Number,
      ),
    })
    .from(consultationStatements)
    .where(
      and(
        eq(consultationStatements.consultationId, consultation.id),
        eq(consultationStatements.moderation, "goed"),
      ),
    );
  const split = splitOf((await analysisOf(db, consultation.id)).analysis);
  const open = rows.filter((row) => row.mine === 0);
  const order = (row: (typeof rows)[number]) => [
    Math.floor(Math.log2(row.votes + 1)),
    -(split.get(String(row.number)) ?? 0),
    mix(`${participantId}:${row.id}`),
  ];
  open.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  });
  const next = open[0];
  return {
    statement: next ? { number: next.number, text: next.text } : null,
    progress: { voted: rows.length - open.length, total: rows.length },
  };
}

/** Per statement, the largest difference between two groups' agreement in the last analysis. */
function splitOf(analysis: StoredAnalysis | null): Map<string, number> {
  const split = new Map<string, number>();
  for (const tally of analysis?.tallies ?? []) {
    const shares = tally.byGroup.map(
      ([, votes]) => (votes.agree + 1) / (votes.agree + votes.disagree + votes.pass + 2),
    );
    if (shares.length > 1) split.set(tally.statement, Math.max(...shares) - Math.min(...shares));
  }
  return split;
}

/** A stable number from a text (FNV-1a), for an order of each participant's own. */
function mix(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A vote to store: by the participant's row, or by the token in their cookie. */
interface VoteToStore {
  slug: string;
  participantId?: string;
  tokenHash?: string;
  statementNumber: number;
  vote: Vote;
}

/** At most this many votes go in one statement. */
const MOST_VOTES_TOGETHER = 50;
/**
 * How long a vote waits for others to go with it. The embedded database answers inside the server's
 * own thread, so no request arrives while a statement runs: without a wait every vote would go alone.
 * Measured: 2 ms takes the embedded database from about 300 to about 770 votes a second.
 */
const VOTES_WAIT_MS = 2;
const voteWriters = new WeakMap<Db, Batcher<VoteToStore, string | null>>();

/**
 * Stores votes together, in one statement: each for a shown statement of an open consultation, by a
 * participant of that consultation, or not at all. A vote replaces the same person's earlier vote on
 * the statement (within one batch, the last one counts). Per vote in order, its consultation's id
 * when it was stored, or null.
 */
async function storeVotes(db: Db, votes: VoteToStore[]): Promise<(string | null)[]> {
  const incoming = JSON.stringify(
    votes.map((vote, item) => ({
      item,
      slug: vote.slug,
      participant: vote.participantId ?? null,
      token_hash: vote.tokenHash ?? null,
      number: vote.statementNumber,
      vote: vote.vote,
    })),
  );
  const rows = await queryRows<{ item: number; consultation_id: string }>(
    db,
    sql`with incoming as (
        select * from jsonb_to_recordset(${incoming}::jsonb)
          as t(item int, slug text, participant uuid, token_hash text, number int, vote smallint)
      ), matched as (
        select i.item, i.vote, p.id as participant_id, s.id as statement_id, c.id as consultation_id
        from incoming i
        join ${consultations} c on c.slug = i.slug and c.state = 'open' and c.opens_at <= now() and now() < c.closes_at
        join ${consultationParticipants} p on p.consultation_id = c.id and p.id = coalesce(
          i.participant,
          (select q.id from ${consultationParticipants} q where q.token_hash = i.token_hash)
        )
        join ${consultationStatements} s on s.consultation_id = c.id and s.number = i.number and s.moderation = 'goed'
      ), stored as (
        insert into ${consultationVotes} (participant_id, statement_id, consultation_id, vote, voted_at)
        select distinct on (participant_id, statement_id) participant_id, statement_id, consultation_id, vote, now()
        from matched
        order by participant_id, statement_id, item desc
        on conflict (participant_id, statement_id) do update set vote = excluded.vote, voted_at = excluded.voted_at
        returning 1
      )
      select item, consultation_id from matched`,
  );
  const stored = new Map(rows.map((row) => [Number(row.item), row.consultation_id]));
  return votes.map((_, item) => stored.get(item) ?? null);
}

/**
 * Keeps a vote, together with the votes that arrive within VOTES_WAIT_MS or while the previous ones are
 * written: when votes come in quickly, many cost one statement (a tenth of the time per vote).
 * A vote touches no other row, so votes never wait on each other's locks.
 */
function writeVote(db: Db, vote: VoteToStore): Promise<string | null> {
  let writer = voteWriters.get(db);
  if (!writer) {
    writer = createBatcher({
      max: MOST_VOTES_TOGETHER,
      waitMs: VOTES_WAIT_MS,
      run: (votes) => storeVotes(db, votes),
    });
    voteWriters.set(db, writer);
  }
  return writer.add(vote);
}

/** Keeps the participant's vote on a shown statement, replacing an earlier one; says why not. */
export async function castVote(options: {
  db: Db;
  consultation: Consultation;
  participantId: string;
  statementNumber: number;
  vote: Vote;
}): Promise<void> {
  const { consultation } = options;
  requireOpen(consultation);
  if (![1, -1, 0].includes(options.vote)) throw new AppError("invalid", "problems.consultation.vote");
  if (!Number.isSafeInteger(options.statementNumber) || options.statementNumber < 0) {
    throw new AppError("not_found", "problems.consultation.unknownStatement");
  }
  const stored = await writeVote(options.db, {
    slug: consultation.slug,
    participantId: options.participantId,
    statementNumber: options.statementNumber,
    vote: options.vote,
  });
  if (stored === null) throw new AppError("not_found", "problems.consultation.unknownStatement");
}

/**
 * The quick way for the busiest request: a vote by the token in the participant's cookie, without
 * reading the consultation first. The consultation's id when it was stored; null when not (no such
 * participant, a closed consultation, a statement not shown): then `castVote` after the usual reads
 * says why.
 */
export async function castVoteWithToken(options: {
  db: Db;
  slug: string;
  token: string;
  statementNumber: number;
  vote: Vote;
}): Promise<string | null> {
  if (![1, -1, 0].includes(options.vote)) return null;
  if (!Number.isSafeInteger(options.statementNumber) || options.statementNumber < 0) return null;
  return writeVote(options.db, {
    slug: options.slug,
    tokenHash: hashSecret(options.token),
    statementNumber: options.statementNumber,
    vote: options.vote,
  });
}

/**
 * Adds a participant's statement: shown at once or after review, as the consultation says; refused
 * when it does not take statements, past `perHour` in the last hour, or when the same text is there.
 */
export async function addStatement(options: {
  db: Db;
  consultation: Consultation;
  participantId: string;
  text: string;
  perHour?: number;
}): Promise<{ number: number; shown: boolean }> {
  const { db, consultation } = options;
  requireOpen(consultation);
  if (consultation.participantStatements === "niet")
    throw new AppError("forbidden", "problems.consultation.noStatements");
  const perHour = options.perHour ?? STATEMENTS_PER_HOUR;
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select 1 from ${consultations} where ${consultations.id} = ${consultation.id} for update`,
    );
    const [recent] = await tx
      .select({ value: count() })
      .from(consultationStatements)
      .where(
        and(
          eq(consultationStatements.participantId, options.participantId),
          gte(consultationStatements.createdAt, new Date(Date.now() - 3_600_000)),
        ),
      );
    if ((recent?.value ?? 0) >= perHour) {
      throw new AppError(
        "rate_limited",
        message("problems.consultation.statementsPerHour", { max: perHour }),
        {
          retryAfterSeconds: 3_600,
        },
      );
    }
    const same = await tx
      .select({ id: consultationStatements.id })
      .from(consultationStatements)
      .where(
        and(
          eq(consultationStatements.consultationId, consultation.id),
          sql`lower(${consultationStatements.text}) = lower(${options.text})`,
        ),
      );
    if (same.length > 0)
      throw new AppError("conflict", "problems.consultation.duplicate", {
        fields: { stelling: "problems.consultation.duplicate" },
      });
    const [highest] = await tx
      .select({ value: max(consultationStatements.number) })
      .from(consultationStatements)
      .where(eq(consultationStatements.consultationId, consultation.id));
    const number = (highest?.value ?? -1) + 1;
    const shown = consultation.participantStatements === "direct";
    await tx.insert(consultationStatements).values({
      consultationId: consultation.id,
      number,
      text: options.text,
      origin: "deelnemer",
      participantId: options.participantId,
      moderation: shown ? "goed" : "wacht",
    });
    if (shown) {
      await tx
        .update(consultations)
        .set({ version: sql`${consultations.version} + 1` })
        .where(eq(consultations.id, consultation.id));
    }
    return { number, shown };
  });
}

/** The participant's own votes, to look back and change them; in the order of the statements. */
export async function votesOf(options: {
  db: Db;
  consultationId: string;
  participantId: string;
}): Promise<(ShownStatement & { vote: Vote })[]> {
  const rows = await options.db
    .select({
      number: consultationStatements.number,
      text: consultationStatements.text,
      vote: consultationVotes.vote,
    })
    .from(consultationVotes)
    .innerJoin(consultationStatements, eq(consultationStatements.id, consultationVotes.statementId))
    .where(
      and(
        eq(consultationVotes.consultationId, options.consultationId),
        eq(consultationVotes.participantId, options.participantId),
        inArray(consultationStatements.moderation, ["goed"]),
      ),
    )
    .orderBy(asc(consultationStatements.number));
  return rows.map((row) => ({ ...row, vote: row.vote as Vote }));
}

/**
 * What a person did in consultations that need a login (an anonymous participant is tied to no
 * account): per consultation their votes and the statements they added. Deleting the account deletes
 * their participant rows and with them their votes; their statements stay, unlinked.
 */
export const consultationsSource: PersonalDataSource = {
  name: "peilingen",
  async export({ db, userId }) {
    const participants = await db
      .select({ id: consultationParticipants.id, slug: consultations.slug, question: consultations.question })
      .from(consultationParticipants)
      .innerJoin(consultations, eq(consultations.id, consultationParticipants.consultationId))
      .where(eq(consultationParticipants.userId, userId))
      .orderBy(asc(consultations.slug));
    return Promise.all(
      participants.map(async (participant) => ({
        consultation: participant.slug,
        question: participant.question,
        votes: (
          await db
            .select({
              statement: consultationStatements.text,
              vote: consultationVotes.vote,
              at: consultationVotes.votedAt,
            })
            .from(consultationVotes)
            .innerJoin(consultationStatements, eq(consultationStatements.id, consultationVotes.statementId))
            .where(eq(consultationVotes.participantId, participant.id))
            .orderBy(asc(consultationStatements.number))
        ).map((vote) => ({
          ...vote,
          vote: vote.vote === 1 ? "eens" : vote.vote === -1 ? "oneens" : "overgeslagen",
        })),
        statements: await db
          .select({ text: consultationStatements.text, review: consultationStatements.moderation })
          .from(consultationStatements)
          .where(eq(consultationStatements.participantId, participant.id))
          .orderBy(asc(consultationStatements.number)),
      })),
    );
  },
  async erase({ db, userId }) {
    await db.delete(consultationParticipants).where(eq(consultationParticipants.userId, userId));
  },
};
