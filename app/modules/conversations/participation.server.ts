// Taking part without an account: joining with the code gives a random token (kept by the phone, stored
// here only as a hash), and that token is all an answer is tied to. One answer per question and round,
// changeable while the question is open.
import { and, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import type { LiveHub } from "../../infra/live-hub.server.ts";
import { createSecret, hashSecret } from "../../infra/secrets.server.ts";
import {
  conversationAnswers,
  conversationParticipants,
  conversationQuestions,
  conversations,
} from "./conversations.schema.ts";
import { changeSession, topicOf } from "./conversations.server.ts";
import { normalizeJoinCode } from "./join-code.ts";
import { AnswerValue } from "./tallies.ts";

const UNKNOWN_CODE = "Er is geen gesprek met deze code. Kijk de code nog eens na.";

/** The session behind a code that someone typed; undefined when there is none. */
export async function conversationByCode(options: { db: Db; code: string }) {
  const code = normalizeJoinCode(options.code);
  if (!code) return undefined;
  const [conversation] = await options.db
    .select()
    .from(conversations)
    .where(eq(conversations.joinCode, code));
  return conversation;
}

export async function joinConversation(options: {
  db: Db;
  liveHub: LiveHub;
  code: string;
}): Promise<{ token: string; conversationId: string; participantId: string }> {
  const conversation = await conversationByCode(options);
  if (!conversation) throw new AppError("not_found", UNKNOWN_CODE);
  if (conversation.status === "afgelopen") throw new AppError("conflict", "Dit gesprek is al afgelopen.");
  if (conversation.locked) {
    throw new AppError(
      "conflict",
      "Dit gesprek is op slot: er kan niemand meer bij. Vraag de gespreksleider.",
    );
  }
  const token = createSecret();
  const participant = await changeSession({ ...options, id: conversation.id }, async (tx) => {
    // The session's row is locked for the count, so joins racing for the last place cannot all get it.
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
      throw new AppError("conflict", "Dit gesprek is vol. Er kan niemand meer bij.");
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

/** The participant a token belongs to; undefined for an unknown token (or one whose session was cleared). */
export async function participantOf(options: { db: Db; token: string | undefined }) {
  if (!options.token || options.token.length > 200) return undefined;
  const [participant] = await options.db
    .select({ id: conversationParticipants.id, conversationId: conversationParticipants.conversationId })
    .from(conversationParticipants)
    .where(eq(conversationParticipants.tokenHash, hashSecret(options.token)));
  return participant;
}

const closedError = () => new AppError("conflict", "Deze vraag is gesloten. Je kunt niet meer antwoorden.");

/** Gives or changes an answer to the open question. */
export async function answerQuestion(options: {
  db: Db;
  liveHub: LiveHub;
  token: string | undefined;
  questionId: string;
  value: unknown;
}): Promise<{ round: number }> {
  const { db } = options;
  const notHere = new AppError("not_found", "Deze vraag hoort niet bij jouw gesprek.");
  const unknown = new AppError(
    "unauthenticated",
    "Je doet niet (meer) mee aan dit gesprek. Doe opnieuw mee met de code.",
  );
  if (!z.uuid().safeParse(options.questionId).success) {
    throw (await participantOf(options)) ? notHere : unknown;
  }
  if (!options.token || options.token.length > 200) throw unknown;
  // The participant and the question in one query (this runs for every answer of every phone): the
  // question only when it belongs to the participant's session.
  const [found] = await db
    .select({
      participant: {
        id: conversationParticipants.id,
        conversationId: conversationParticipants.conversationId,
      },
      question: conversationQuestions,
    })
    .from(conversationParticipants)
    .leftJoin(
      conversationQuestions,
      and(
        eq(conversationQuestions.id, options.questionId),
        eq(conversationQuestions.conversationId, conversationParticipants.conversationId),
      ),
    )
    .where(eq(conversationParticipants.tokenHash, hashSecret(options.token)));
  if (!found) throw unknown;
  const { participant, question } = found;
  if (!question) throw notHere;
  const closed = question.state !== "open" || (question.closesAt && question.closesAt.getTime() < Date.now());
  if (closed) throw closedError();
  const value = AnswerValue(question.kind, question.allowOther).safeParse(options.value);
  if (!value.success) {
    throw new AppError("invalid", value.error.issues[0]?.message ?? "Dit antwoord past niet bij de vraag.");
  }
  const moderation = question.kind === "open" ? "wacht" : null;
  // One statement stores the answer and raises the session's version, and only while the question is
  // still open in this round: the question's row is read FOR SHARE, so a close or reveal waits for an
  // answer that is being saved, and an answer that comes after them finds the question closed.
  const saved = (await db.execute(sql`
    with saved as (
      insert into ${conversationAnswers} (question_id, participant_id, round, value, moderation)
      select id, ${participant.id}::uuid, round, ${value.data}::text, ${moderation}::text
      from ${conversationQuestions}
      where id = ${question.id}::uuid and state = 'open' and round = ${question.round}::int
        and (closes_at is null or closes_at > now())
      for share
      on conflict (question_id, participant_id, round)
        do update set value = excluded.value, moderation = excluded.moderation
      returning 1
    )
    update ${conversations} set version = version + 1
    where id = ${participant.conversationId}::uuid and exists (select 1 from saved)
    returning version`)) as unknown as { rows: unknown[] };
  if (saved.rows.length === 0) throw closedError();
  await options.liveHub.changed(topicOf(participant.conversationId));
  return { round: question.round };
}
