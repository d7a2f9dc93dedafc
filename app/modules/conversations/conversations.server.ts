// A facilitator's conversations: made from questions (own ones or from dilemma cards), then run one question
// at a time — open, close, reveal, re-vote, lock, end. Only the facilitator who made a conversation sees or
// runs it; anyone else hears "not found". Every change raises the conversation's version and tells the live
// streams in every process.

import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import { Id } from "../../infra/fields.ts";
import { message } from "../../infra/i18n/translate.ts";
import type { LiveHub } from "../../infra/live-hub.server.ts";
import { type Quotas, spendQuota } from "../../infra/quotas.server.ts";
import {
  type ConversationStatus,
  conversationAnswers,
  conversationParticipants,
  conversationQuestions,
  conversations,
} from "./conversations.schema.ts";
import type { ConversationInput, FacilitatorAction } from "./conversations.validation.ts";
import { createJoinCode } from "./join-code.ts";
import { canReveal, revealMinimum } from "./tallies.ts";

const NOT_FOUND = "problems.conversations.notYours";

export const topicOf = (conversationId: string) => `gesprek:${conversationId}`;

export type Conversation = typeof conversations.$inferSelect;
export type Question = typeof conversationQuestions.$inferSelect;

/**
 * Makes one change to a conversation: `change` runs in a transaction that also raises the conversation's version,
 * so a stream never sees the change without the new version (or the version without the change), not
 * even after a crash; once it is committed, the live streams in every process hear of it.
 */
export async function changeConversation<T>(
  options: { db: Db; liveHub: LiveHub; id: string },
  change: (tx: Db) => Promise<T>,
): Promise<T> {
  const result = await options.db.transaction(async (tx) => {
    const changed = await change(tx);
    await tx
      .update(conversations)
      .set({ version: sql`${conversations.version} + 1` })
      .where(eq(conversations.id, options.id));
    return changed;
  });
  await options.liveHub.changed(topicOf(options.id));
  return result;
}

/** Closes whichever question of the conversation is open (at most one is). */
async function closeOpenQuestion(tx: Db, conversationId: string): Promise<void> {
  await tx
    .update(conversationQuestions)
    .set({ state: "gesloten" })
    .where(
      and(eq(conversationQuestions.conversationId, conversationId), eq(conversationQuestions.state, "open")),
    );
}

/**
 * Why a conversation's minimum of answers is refused (a message of the locale files); undefined when it is fine. A conversation may ask
 * for more than the configured minimum (and never less than the floor of three), never for less.
 */
function minimumRefusal(options: {
  input: Pick<ConversationInput, "minAnswers">;
  configured: number;
}): string | undefined {
  const floor = revealMinimum(options.configured);
  if (options.input.minAnswers === undefined || options.input.minAnswers >= floor) return undefined;
  return message("problems.conversations.minimumBelowConfigured", { floor });
}

/** A new conversation owned by `ownerId`, within their hourly quota of new conversations. */
export async function createConversation(options: {
  db: Db;
  quotas: Quotas;
  ownerId: string;
  input: ConversationInput;
  maxParticipants: number;
  /**
   * The configured minimum of answers before a reveal (`CONVERSATION_MIN_ANSWERS`): a conversation without
   * its own gets it, and a conversation may ask for more, never for less.
   */
  defaultMinAnswers: number;
}): Promise<{ id: string; joinCode: string }> {
  const tooLow = minimumRefusal({ input: options.input, configured: options.defaultMinAnswers });
  if (tooLow) throw new AppError("invalid", tooLow, { fields: { minAnswers: tooLow } });
  const minAnswers = options.input.minAnswers ?? revealMinimum(options.defaultMinAnswers);
  await spendQuota({ db: options.db, quotas: options.quotas, kind: "conversation", userId: options.ownerId });
  for (let attempt = 0; attempt < 10; attempt++) {
    const joinCode = createJoinCode();
    // Only conversations that have not ended hold their code (a partial unique index).
    const taken = await options.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.joinCode, joinCode), ne(conversations.status, "afgelopen")));
    if (taken.length > 0) continue;
    return options.db.transaction(async (tx) => {
      const [made] = await tx
        .insert(conversations)
        .values({
          ownerId: options.ownerId,
          title: options.input.title,
          description: options.input.description,
          joinCode,
          minAnswers,
          maxParticipants: options.maxParticipants,
        })
        .returning({ id: conversations.id, joinCode: conversations.joinCode });
      if (!made) throw new Error("insert of conversation returned nothing");
      await tx.insert(conversationQuestions).values(
        options.input.questions.map((question, position) => ({
          conversationId: made.id,
          position,
          kind: question.kind,
          text: question.text,
          optionA: question.optionA ?? "",
          optionB: question.optionB ?? "",
          allowOther: question.allowOther ?? false,
          cardSlug: question.cardSlug ?? null,
          principles: question.principles,
          minutes: question.minutes ?? null,
        })),
      );
      return made;
    });
  }
  throw new AppError("unavailable", "problems.conversations.noFreeCode");
}

export async function listOwnConversations(options: { db: Db; ownerId: string }) {
  const rows = await options.db
    .select({
      id: conversations.id,
      title: conversations.title,
      joinCode: conversations.joinCode,
      status: conversations.status,
      createdAt: conversations.createdAt,
      endedAt: conversations.endedAt,
      questions: count(conversationQuestions.id),
    })
    .from(conversations)
    .leftJoin(conversationQuestions, eq(conversationQuestions.conversationId, conversations.id))
    .where(eq(conversations.ownerId, options.ownerId))
    .groupBy(conversations.id)
    .orderBy(desc(conversations.createdAt));
  return rows;
}

/** A conversation of this owner that has not ended, or nothing: for another module that keeps its id. */
export async function findRunningConversation(options: { db: Db; id: string; ownerId: string }) {
  const [conversation] = await options.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.id, options.id),
        eq(conversations.ownerId, options.ownerId),
        ne(conversations.status, "afgelopen"),
      ),
    );
  return conversation;
}

/** The conversation and its questions, for the facilitator who made it. */
export async function getOwnConversation(options: { db: Db; id: string; ownerId: string }) {
  if (!Id.safeParse(options.id).success) throw new AppError("not_found", NOT_FOUND);
  const [conversation] = await options.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, options.id), eq(conversations.ownerId, options.ownerId)));
  if (!conversation) throw new AppError("not_found", NOT_FOUND);
  const questions = await listConversationQuestions({ db: options.db, id: conversation.id });
  return { conversation, questions };
}

export async function listConversationQuestions(options: { db: Db; id: string }): Promise<Question[]> {
  return options.db
    .select()
    .from(conversationQuestions)
    .where(eq(conversationQuestions.conversationId, options.id))
    .orderBy(asc(conversationQuestions.position));
}

/** How many answered a question in a round (the facilitator sees this before any result). */
export async function answerCount(options: { db: Db; questionId: string; round: number }): Promise<number> {
  const [row] = await options.db
    .select({ n: count() })
    .from(conversationAnswers)
    .where(
      and(
        eq(conversationAnswers.questionId, options.questionId),
        eq(conversationAnswers.round, options.round),
      ),
    );
  return row?.n ?? 0;
}

/** One step of running the conversation. Refuses what does not fit the moment, with a reason. */
export async function facilitate(options: {
  db: Db;
  liveHub: LiveHub;
  id: string;
  ownerId: string;
  action: FacilitatorAction;
  questionId?: string;
}): Promise<void> {
  const { db } = options;
  const { conversation, questions } = await getOwnConversation(options);
  if (conversation.status === "afgelopen") {
    throw new AppError("conflict", "problems.conversations.ended");
  }
  const question = questions.find((candidate) => candidate.id === options.questionId);
  const needQuestion = () => {
    if (!question) throw new AppError("invalid", "problems.conversations.chooseQuestion");
    return question;
  };
  const now = new Date();
  const id = conversation.id;
  await changeConversation({ db, liveHub: options.liveHub, id }, async (tx) => {
    switch (options.action) {
      case "open": {
        const chosen = needQuestion();
        // Open again after its result was shown, every new or changed answer would move the tally on
        // the screens by one, as someone taps: who chose what could be read off. A re-vote is a new round.
        if (chosen.revealedRound >= chosen.round) {
          throw new AppError(
            "conflict",
            chosen.kind !== "open" && chosen.round < 2
              ? "problems.conversations.revealedChoice"
              : "problems.conversations.revealedAnswers",
          );
        }
        await closeOpenQuestion(tx, id);
        await tx
          .update(conversationQuestions)
          .set({
            state: "open",
            openedAt: now,
            closesAt: chosen.minutes ? new Date(now.getTime() + chosen.minutes * 60_000) : null,
          })
          .where(eq(conversationQuestions.id, chosen.id));
        await tx
          .update(conversations)
          .set({
            currentQuestionId: chosen.id,
            status: "bezig" satisfies ConversationStatus,
            startedAt: conversation.startedAt ?? now,
          })
          .where(eq(conversations.id, id));
        return;
      }
      case "sluit":
        await tx
          .update(conversationQuestions)
          .set({ state: "gesloten" })
          .where(eq(conversationQuestions.id, needQuestion().id));
        return;
      case "onthul": {
        const chosen = needQuestion();
        // Counted inside the change: no answer can slip in between the count and the reveal.
        await tx
          .update(conversationQuestions)
          .set({ state: "gesloten" })
          .where(eq(conversationQuestions.id, chosen.id));
        const answers = await answerCount({ db: tx, questionId: chosen.id, round: chosen.round });
        if (!canReveal(answers, conversation.minAnswers)) {
          throw new AppError(
            "conflict",
            message("problems.conversations.tooFewToReveal", {
              answers,
              minimum: revealMinimum(conversation.minAnswers),
            }),
          );
        }
        await tx
          .update(conversationQuestions)
          .set({ revealedRound: chosen.round })
          .where(eq(conversationQuestions.id, chosen.id));
        return;
      }
      case "herstemming": {
        const chosen = needQuestion();
        if (chosen.kind === "open") throw new AppError("invalid", "problems.conversations.openNoRevote");
        if (chosen.round >= 2 || chosen.revealedRound < 1) {
          throw new AppError("conflict", "problems.conversations.revealFirst");
        }
        await closeOpenQuestion(tx, id);
        await tx
          .update(conversationQuestions)
          .set({ round: 2, state: "open", openedAt: now, closesAt: null })
          .where(eq(conversationQuestions.id, chosen.id));
        await tx.update(conversations).set({ currentQuestionId: chosen.id }).where(eq(conversations.id, id));
        return;
      }
      case "vergrendel":
      case "ontgrendel":
        await tx
          .update(conversations)
          .set({ locked: options.action === "vergrendel" })
          .where(eq(conversations.id, id));
        return;
      case "beeindig":
        await tx
          .update(conversationQuestions)
          .set({ state: "gesloten" })
          .where(eq(conversationQuestions.conversationId, id));
        await tx
          .update(conversations)
          .set({ status: "afgelopen", endedAt: now, locked: true, currentQuestionId: null })
          .where(eq(conversations.id, id));
        return;
    }
  });
}

/**
 * Lets an open answer appear (or keeps it away) — only the facilitator decides. The answer is named by
 * its own random id, so the facilitator never holds a key that ties one person's answers together.
 */
export async function moderateAnswer(options: {
  db: Db;
  liveHub: LiveHub;
  id: string;
  ownerId: string;
  questionId: string;
  answerId: string;
  decision: "goed" | "afgewezen";
}): Promise<void> {
  const { questions } = await getOwnConversation(options);
  if (!questions.some((question) => question.id === options.questionId && question.kind === "open")) {
    throw new AppError("not_found", "problems.conversations.answerNotFound");
  }
  await changeConversation(options, async (tx) => {
    const updated = await tx
      .update(conversationAnswers)
      .set({ moderation: options.decision })
      .where(
        and(
          eq(conversationAnswers.questionId, options.questionId),
          eq(conversationAnswers.answerId, options.answerId),
        ),
      )
      .returning({ round: conversationAnswers.round });
    if (updated.length === 0) throw new AppError("not_found", "problems.conversations.answerNotFound");
  });
}

export async function deleteConversation(options: { db: Db; id: string; ownerId: string }): Promise<void> {
  if (!Id.safeParse(options.id).success) throw new AppError("not_found", NOT_FOUND);
  const deleted = await options.db
    .delete(conversations)
    .where(and(eq(conversations.id, options.id), eq(conversations.ownerId, options.ownerId)))
    .returning({ id: conversations.id });
  if (deleted.length === 0) throw new AppError("not_found", NOT_FOUND);
}

/**
 * Deletes the answers and participants of conversations that ended more than `retentionDays` ago, after
 * keeping their summary. Gives how many conversations were cleared.
 */
export async function purgeEndedConversations(options: {
  db: Db;
  retentionDays: number;
  summarize: (id: string) => Promise<unknown>;
}): Promise<number> {
  const before = new Date(Date.now() - options.retentionDays * 86_400_000);
  const due = await options.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.status, "afgelopen"),
        isNotNull(conversations.endedAt),
        lt(conversations.endedAt, before),
        isNull(conversations.answersDeletedAt),
      ),
    );
  for (const { id } of due) {
    const summary = await options.summarize(id);
    await options.db.transaction(async (tx) => {
      await tx
        .update(conversations)
        .set({ summary, answersDeletedAt: new Date() })
        .where(eq(conversations.id, id));
      await tx.delete(conversationParticipants).where(eq(conversationParticipants.conversationId, id));
    });
  }
  return due.length;
}

/** Questions by id, for checks that must stay inside one conversation. */
export async function questionIn(options: { db: Db; conversationId: string; questionIds: string[] }) {
  if (options.questionIds.length === 0) return [];
  return options.db
    .select()
    .from(conversationQuestions)
    .where(
      and(
        eq(conversationQuestions.conversationId, options.conversationId),
        inArray(conversationQuestions.id, options.questionIds),
      ),
    );
}
