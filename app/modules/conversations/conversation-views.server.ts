// What each screen of a conversation shows, computed on the server from the database: the facilitator's
// control (how many answered, never who or what before a reveal), the presenter's big screen (the
// question, then the revealed results), a participant's phone (the open question and their own answer),
// and the summary. The live streams send these snapshots; browsers never count.
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../infra/db.server.ts";
import { AppError } from "../../infra/errors.ts";
import {
  conversationAnswers,
  conversationParticipants,
  conversationQuestions,
  conversations,
} from "./conversations.schema.ts";
import { type Conversation, listConversationQuestions, type Question } from "./conversations.server.ts";
import { type ChoiceTally, canReveal, revealMinimum, shiftBetween, tallyOf } from "./tallies.ts";

/** The distribution of a dilemma or scale question's answers. */
function choiceTally(question: Question, answers: readonly { value: string }[]): ChoiceTally {
  return question.kind === "dilemma"
    ? tallyOf("dilemma", answers, { allowOther: question.allowOther })
    : tallyOf("schaal", answers);
}

/**
 * A round's answers: the value, its moderation and the answer's own random id, in the order of that id
 * (so the order says nothing about who answered when). No participant's id leaves this module.
 */
async function roundAnswers(db: Db, question: Question, round: number) {
  return db
    .select({
      answerId: conversationAnswers.answerId,
      value: conversationAnswers.value,
      moderation: conversationAnswers.moderation,
    })
    .from(conversationAnswers)
    .where(and(eq(conversationAnswers.questionId, question.id), eq(conversationAnswers.round, round)))
    .orderBy(asc(conversationAnswers.answerId));
}

/** A question's results as far as they are revealed: the tally of each revealed round and the shift. */
async function revealedResults(db: Db, question: Question) {
  if (question.revealedRound < 1) return undefined;
  // While the re-vote is open, the first round's results stay off the screens and phones too: people
  // vote again on what they now think, not on where the room stood.
  if (question.state === "open" && question.round > question.revealedRound) return undefined;
  const first = await roundAnswers(db, question, 1);
  if (question.kind === "open") {
    return {
      kind: question.kind,
      count: first.length,
      approved: first.filter((answer) => answer.moderation === "goed").map((answer) => answer.value),
    };
  }
  const round1 = choiceTally(question, first);
  if (question.revealedRound < 2) return { kind: question.kind, round1 };
  const round2 = choiceTally(question, await roundAnswers(db, question, 2));
  return { kind: question.kind, round1, round2, shift: shiftBetween(round1, round2) };
}

function questionView(question: Question) {
  return {
    id: question.id,
    position: question.position,
    kind: question.kind,
    text: question.text,
    optionA: question.optionA,
    optionB: question.optionB,
    allowOther: question.allowOther,
    cardSlug: question.cardSlug,
    principles: question.principles,
    minutes: question.minutes,
    state: question.state,
    round: question.round,
    revealedRound: question.revealedRound,
    closesAt: question.closesAt?.toISOString() ?? null,
  };
}

async function requireConversationById(db: Db, id: string): Promise<Conversation> {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, id));
  if (!conversation) throw new AppError("not_found", "problems.conversations.notFound");
  return conversation;
}

async function participantCount(db: Db, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(conversationParticipants)
    .where(eq(conversationParticipants.conversationId, id));
  return row?.n ?? 0;
}

/**
 * A conversation with its two counts, in one statement: how many take part, and how many answered its
 * current question in the current round. The live views read this at every change (ten times a second
 * while a room answers).
 */
async function conversationWithCounts(db: Db, id: string) {
  const [row] = await db
    .select({
      conversation: conversations,
      // Written out with the table's own name: in a select from one table, drizzle leaves a column's
      // table off, and inside these subqueries that would name the subquery's own table.
      participants: sql<number>`(select count(*) from ${conversationParticipants} p
        where p.conversation_id = ${conversations}.id)`.mapWith(Number),
      answered: sql<number>`(select count(*) from ${conversationAnswers} a
        join ${conversationQuestions} q on q.id = a.question_id and a.round = q.round
        where q.id = ${conversations}.current_question_id)`.mapWith(Number),
    })
    .from(conversations)
    .where(eq(conversations.id, id));
  if (!row) throw new AppError("not_found", "problems.conversations.notFound");
  return row;
}

/** The facilitator's control view. */
export async function facilitatorView(options: { db: Db; id: string }) {
  const { db } = options;
  const { conversation, participants, answered: counted } = await conversationWithCounts(db, options.id);
  const questions = await listConversationQuestions({ db, id: conversation.id });
  const current = questions.find((question) => question.id === conversation.currentQuestionId);
  // Only open answers are listed (for moderation); for the other kinds a count is all the view shows,
  // and counting in the database is much cheaper than reading every answer at each live update.
  const answers = current?.kind === "open" ? await roundAnswers(db, current, current.round) : [];
  const answered = current?.kind === "open" ? answers.length : current ? counted : 0;
  return {
    version: conversation.version,
    id: conversation.id,
    title: conversation.title,
    joinCode: conversation.joinCode,
    status: conversation.status,
    locked: conversation.locked,
    minAnswers: revealMinimum(conversation.minAnswers),
    participants,
    questions: questions.map(questionView),
    current: current
      ? {
          question: questionView(current),
          answered,
          canReveal: canReveal(answered, conversation.minAnswers),
          // Open answers wait here for the facilitator, each under its own random id: nothing in them
          // says who wrote them, or which answers to other questions came from the same person.
          toModerate:
            current.kind === "open"
              ? answers
                  .filter((answer) => answer.moderation === "wacht")
                  .map((answer) => ({ answerId: answer.answerId, text: answer.value }))
              : [],
          results: await revealedResults(db, current),
        }
      : null,
  };
}

/** The big screen: the code to join, the question with its principles, and only what was revealed. */
export async function presenterView(options: { db: Db; id: string }) {
  const { db } = options;
  const { conversation, participants, answered } = await conversationWithCounts(db, options.id);
  const questions = await listConversationQuestions({ db, id: conversation.id });
  const current = questions.find((question) => question.id === conversation.currentQuestionId);
  return {
    version: conversation.version,
    title: conversation.title,
    joinCode: conversation.joinCode,
    status: conversation.status,
    locked: conversation.locked,
    participants,
    current: current
      ? {
          question: questionView(current),
          answered,
          results: await revealedResults(db, current),
        }
      : null,
  };
}

/** A participant's phone: the open question, their own answer to it, and revealed results. */
export async function participantView(options: { db: Db; conversationId: string; participantId: string }) {
  const { db } = options;
  const conversation = await requireConversationById(db, options.conversationId);
  const questions = await listConversationQuestions({ db, id: conversation.id });
  const current = questions.find((question) => question.id === conversation.currentQuestionId);
  let mine: string | null = null;
  if (current) {
    const [answer] = await db
      .select({ value: conversationAnswers.value })
      .from(conversationAnswers)
      .where(
        and(
          eq(conversationAnswers.questionId, current.id),
          eq(conversationAnswers.participantId, options.participantId),
          eq(conversationAnswers.round, current.round),
        ),
      );
    mine = answer?.value ?? null;
  }
  return {
    version: conversation.version,
    title: conversation.title,
    status: conversation.status,
    current: current
      ? { question: questionView(current), mine, results: await revealedResults(db, current) }
      : null,
  };
}

/**
 * Per question the distributions (and the shift), approved open answers and the principles touched.
 * Once the answers are deleted, the summary kept at that moment.
 */
export async function getConversationSummary(options: { db: Db; id: string }): Promise<Summary> {
  const conversation = await requireConversationById(options.db, options.id);
  if (conversation.answersDeletedAt && conversation.summary) return conversation.summary as Summary;
  return computeSummary(options.db, conversation);
}

async function computeSummary(db: Db, conversation: Conversation) {
  const questions = await listConversationQuestions({ db, id: conversation.id });
  const summary = {
    title: conversation.title,
    endedAt: conversation.endedAt?.toISOString() ?? null,
    participants: await participantCount(db, conversation.id),
    principles: [...new Set(questions.flatMap((question) => question.principles))],
    questions: await Promise.all(
      questions.map(async (question) => {
        const first = await roundAnswers(db, question, 1);
        const second = question.round >= 2 ? await roundAnswers(db, question, 2) : [];
        const shown = canReveal(first.length, conversation.minAnswers);
        return {
          ...questionView(question),
          answered: first.length,
          // Below the minimum nothing is shown, so that no one's answer can be read off.
          round1: shown && question.kind !== "open" ? choiceTally(question, first) : null,
          round2:
            shown && canReveal(second.length, conversation.minAnswers) && question.kind !== "open"
              ? choiceTally(question, second)
              : null,
          approved:
            question.kind === "open"
              ? first.filter((answer) => answer.moderation === "goed").map((answer) => answer.value)
              : [],
        };
      }),
    ),
  };
  return summary;
}
export type Summary = Awaited<ReturnType<typeof computeSummary>>;
