// A consultation's votes: kept together with the votes that arrive at about the same moment (one
// statement for many), changed by voting again, and read back by the person who cast them. Who takes
// part, and what they are shown next: participation.server.ts.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Batcher, createBatcher } from "../../infra/batcher.ts";
import { type Db, queryRows } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { hashSecret } from "../../infra/secrets.server.ts";
import type { Vote } from "./analysis/vote-matrix.ts";
import {
  consultationParticipants,
  consultationStatements,
  consultations,
  consultationVotes,
} from "./consultation.schema.ts";
import { type Consultation, requireOpen, type ShownStatement } from "./participation.server.ts";

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

/** A number a statement can have: a whole number the database's `int` holds, so a wild one never reaches it. */
function isStatementNumber(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= 2_147_483_647;
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
  if (!isStatementNumber(options.statementNumber)) {
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
  if (!isStatementNumber(options.statementNumber)) return null;
  return writeVote(options.db, {
    slug: options.slug,
    tokenHash: hashSecret(options.token),
    statementNumber: options.statementNumber,
    vote: options.vote,
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
