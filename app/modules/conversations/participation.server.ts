// Taking part without an account: joining with the code gives a random token (kept by the phone, stored
// here only as a hash), and that token is all an answer is tied to. One answer per question and round,
// changeable while the question is open.
import { and, count, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { type Batcher, createBatcher } from "../../infra/batcher.ts";
import { type Db, queryRows } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import type { LiveHub } from "../../infra/live-hub.server.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import {
  conversationAnswers,
  conversationParticipants,
  conversationQuestions,
  conversations,
} from "./conversations.schema.ts";
import { changeConversation, topicOf } from "./conversations.server.ts";
import { normalizeJoinCode } from "./join-code.ts";
import { AnswerValue, type QuestionKind } from "./tallies.ts";

const UNKNOWN_CODE = "problems.conversations.unknownCode";

/**
 * The conversation behind a code that someone typed; undefined when there is none. A conversation that ended no
 * longer holds its code (it may be given to a new one), so it is not found: to anyone trying codes, an
 * ended conversation and a code never given look the same.
 */
export async function conversationByCode(options: { db: Db; code: string }) {
  const code = normalizeJoinCode(options.code);
  if (!code) return undefined;
  const [conversation] = await options.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.joinCode, code), ne(conversations.status, "afgelopen")));
  return conversation;
}

/**
 * Joins the conversation behind `code`. `admit` runs once the conversation is known and before anyone is added
 * (the per-address limit on joining one conversation hooks in there); it may throw.
 */
export async function joinConversation(options: {
  db: Db;
  liveHub: LiveHub;
  code: string;
  admit?: (conversationId: string) => Promise<void>;
}): Promise<{ token: string; conversationId: string; participantId: string }> {
  const conversation = await conversationByCode(options);
  if (!conversation) throw new AppError("not_found", UNKNOWN_CODE);
  if (conversation.locked) {
    throw new AppError("conflict", "problems.conversations.locked");
  }
  await options.admit?.(conversation.id);
  const token = createSecret();
  const participant = await changeConversation({ ...options, id: conversation.id }, async (tx) => {
    // The conversation's row is locked for the count, so joins racing for the last place cannot all get it.
    await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.id, conversation.id))
      .for("update");
    const [joined] = await tx
      .select({ n: count() })
      .from(conversationParticipants)
      .where(eq(conversationParticipants.conversationId, conversation.id));
    if ((joined?.n ?? 0) >= conversation.maxParticipants) {
      throw new AppError("conflict", "problems.conversations.full");
    }
    const [inserted] = await tx
      .insert(conversationParticipants)
      .values({ conversationId: conversation.id, tokenHash: hashSecret(token) })
      .returning({ id: conversationParticipants.id });
    if (!inserted) throw new Error("insert of participant returned nothing");
    return inserted;
  });
  return { token, conversationId: conversation.id, participantId: participant.id };
}

/**
 * The participant a token belongs to, with their conversation's code and status; undefined for an unknown
 * token (or one whose conversation was cleared).
 */
export async function findParticipant(options: { db: Db; token: string | undefined }) {
  if (!options.token || options.token.length > 200) return undefined;
  const [participant] = await options.db
    .select({
      id: conversationParticipants.id,
      conversationId: conversationParticipants.conversationId,
      joinCode: conversations.joinCode,
      status: conversations.status,
    })
    .from(conversationParticipants)
    .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
    .where(eq(conversationParticipants.tokenHash, hashSecret(options.token)));
  return participant;
}

const closedError = () => new AppError("conflict", "problems.conversations.questionClosed");

/**
 * What never changes about a question (it is not edited once the conversation exists), cached per process:
 * an answer needs it to check its value before the one statement that stores it.
 */
const questionShapes = new Map<string, { kind: QuestionKind; allowOther: boolean }>();
const MAX_CACHED_SHAPES = 10_000;

async function questionShape(db: Db, questionId: string) {
  const cached = questionShapes.get(questionId);
  if (cached) return cached;
  const [row] = await db
    .select({ kind: conversationQuestions.kind, allowOther: conversationQuestions.allowOther })
    .from(conversationQuestions)
    .where(eq(conversationQuestions.id, questionId));
  if (!row) return undefined;
  if (questionShapes.size >= MAX_CACHED_SHAPES) questionShapes.clear();
  questionShapes.set(questionId, row);
  return row;
}

/** Gives or changes an answer to the open question. */
export async function answerQuestion(options: {
  db: Db;
  liveHub: LiveHub;
  token: string | undefined;
  questionId: string;
  value: unknown;
}): Promise<{ round: number }> {
  const { db, token, questionId } = options;
  const shape = z.uuid().safeParse(questionId).success ? await questionShape(db, questionId) : undefined;
  if (!token || token.length > 200 || !shape) throw await whyNotAnswered(options);
  const value = AnswerValue(shape.kind, shape.allowOther).safeParse(options.value);
  if (!value.success) {
    throw new AppError(
      "invalid",
      value.error.issues[0]?.message ?? "problems.conversations.answerDoesNotFit",
    );
  }
  const stored = await writeAnswer(db, options.liveHub, {
    tokenHash: hashSecret(token),
    questionId,
    value: value.data,
    moderation: shape.kind === "open" ? "wacht" : null,
  });
  if (!stored) throw await whyNotAnswered(options);
  return { round: stored.round };
}

/** An answer to store: by the hash of the participant's token. */
interface AnswerToStore {
  tokenHash: string;
  questionId: string;
  value: string;
  moderation: "wacht" | null;
}

/** At most this many answers go in one statement. */
const MOST_ANSWERS_TOGETHER = 100;
/**
 * How long an answer waits for others to go with it. The embedded database answers inside the server's
 * own thread, so without a wait every answer of a full room would be a statement of its own.
 */
const ANSWERS_WAIT_MS = 5;
const answerWriters = new WeakMap<LiveHub, Batcher<AnswerToStore, StoredAnswer | null>>();
type StoredAnswer = { conversationId: string; round: number };

/**
 * Stores answers together, in one statement: each by a participant of the question's conversation,
 * while the question is open, or not at all. An answer replaces the same person's earlier answer in the
 * round (within one batch, the last one counts), and each conversation's version goes up once. The
 * question's state is as the database sees it when the statement starts; there is no row lock on it, on
 * which hundreds of answers a second would queue. An answer racing a close by milliseconds may still
 * count, and as a count only grows, the minimum for a reveal holds. Per answer in order, where it was
 * stored, or null.
 */
async function storeAnswers(db: Db, answers: AnswerToStore[]): Promise<(StoredAnswer | null)[]> {
  const incoming = JSON.stringify(
    answers.map((answer, item) => ({
      item,
      token_hash: answer.tokenHash,
      question_id: answer.questionId,
      value: answer.value,
      moderation: answer.moderation,
    })),
  );
  const rows = await queryRows<{ item: number; conversation_id: string; round: number }>(
    db,
    sql`with incoming as (
        select * from jsonb_to_recordset(${incoming}::jsonb)
          as t(item int, token_hash text, question_id uuid, value text, moderation text)
      ), matched as (
        select i.item, i.value, i.moderation, p.id as participant_id, q.id as question_id, q.round,
          q.conversation_id
        from incoming i
        join ${conversationParticipants} p on p.token_hash = i.token_hash
        join ${conversationQuestions} q on q.id = i.question_id and q.conversation_id = p.conversation_id
          and q.state = 'open' and (q.closes_at is null or q.closes_at > now())
      ), saved as (
        insert into ${conversationAnswers} (question_id, participant_id, round, value, moderation)
        select distinct on (question_id, participant_id, round) question_id, participant_id, round, value, moderation
        from matched
        order by question_id, participant_id, round, item desc
        on conflict (question_id, participant_id, round)
          do update set value = excluded.value, moderation = excluded.moderation
        returning 1
      ), raised as (
        update ${conversations} set version = version + 1
        where ${conversations.id} in (select conversation_id from matched)
        returning 1
      )
      select item, conversation_id, round from matched`,
  );
  const stored = new Map(
    rows.map((row) => [Number(row.item), { conversationId: row.conversation_id, round: Number(row.round) }]),
  );
  return answers.map((_, item) => stored.get(item) ?? null);
}

/**
 * Keeps an answer, together with the answers that arrive within ANSWERS_WAIT_MS or while the previous
 * ones are written, and tells the live hub once per conversation in the batch: a room answering at once
 * costs one statement and one notification for many answers. An answer is confirmed only after both.
 */
function writeAnswer(db: Db, liveHub: LiveHub, answer: AnswerToStore): Promise<StoredAnswer | null> {
  let writer = answerWriters.get(liveHub);
  if (!writer) {
    writer = createBatcher({
      max: MOST_ANSWERS_TOGETHER,
      waitMs: ANSWERS_WAIT_MS,
      run: async (answers) => {
        const stored = await storeAnswers(db, answers);
        const changed = new Set(stored.flatMap((answer) => (answer ? [answer.conversationId] : [])));
        for (const conversationId of changed) await liveHub.changed(topicOf(conversationId));
        return stored;
      },
    });
    answerWriters.set(liveHub, writer);
  }
  return writer.add(answer);
}

/** Why an answer was not stored: not a participant, not their question, or closed. */
async function whyNotAnswered(options: { db: Db; token: string | undefined; questionId: string }) {
  const participant = await findParticipant(options);
  if (!participant) {
    return new AppError("unauthenticated", "problems.conversations.notTakingPart");
  }
  const notHere = new AppError("not_found", "problems.conversations.notYourQuestion");
  if (!z.uuid().safeParse(options.questionId).success) return notHere;
  const [question] = await options.db
    .select({ id: conversationQuestions.id })
    .from(conversationQuestions)
    .where(
      and(
        eq(conversationQuestions.id, options.questionId),
        eq(conversationQuestions.conversationId, participant.conversationId),
      ),
    );
  return question ? closedError() : notHere;
}
