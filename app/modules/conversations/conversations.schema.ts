// Live team conversations: a facilitator's conversation with its questions, the anonymous participants who
// joined with the code, and their answers. An answer is tied only to a random participant of that one
// conversation (its token stored as a hash): no account, no address, no time of answering. When a conversation's
// answers are deleted, its aggregated summary stays.
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.ts";
import { QUESTION_KINDS } from "./tallies.ts";

export const CONVERSATION_STATUSES = ["voorbereid", "bezig", "afgelopen"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const QUESTION_STATES = ["wacht", "open", "gesloten"] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

export const MODERATION_STATES = ["wacht", "goed", "afgewezen"] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /**
     * Short, easy to read aloud; unique among the conversations that have not ended. Once a conversation ends its
     * code is free for a new one, and the old conversation can no longer be found by it.
     */
    joinCode: text("join_code").notNull(),
    status: text("status", { enum: CONVERSATION_STATUSES }).notNull().default("voorbereid"),
    /** No newcomers while locked; those who joined keep answering. */
    locked: boolean("locked").notNull().default(false),
    currentQuestionId: uuid("current_question_id"),
    /** Results stay hidden below this many answers, so no one's answer can be singled out. */
    minAnswers: integer("min_answers").notNull().default(3),
    maxParticipants: integer("max_participants").notNull(),
    /** Raised at every change; the live streams use it as their event id. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** When the individual answers were deleted (the summary stays). */
    answersDeletedAt: timestamp("answers_deleted_at", { withTimezone: true }),
    /** The aggregated results, kept after the answers are deleted. */
    summary: jsonb("summary"),
  },
  (table) => [
    uniqueIndex("conversations_live_join_code_key")
      .on(table.joinCode)
      .where(sql`${table.status} <> 'afgelopen'`),
    index("conversations_owner_idx").on(table.ownerId),
  ],
);

export const conversationQuestions = pgTable(
  "conversation_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: QUESTION_KINDS }).notNull(),
    text: text("text").notNull(),
    optionA: text("option_a").notNull().default(""),
    optionB: text("option_b").notNull().default(""),
    allowOther: boolean("allow_other").notNull().default(false),
    /** The dilemma card the question comes from, if any. */
    cardSlug: text("card_slug"),
    principles: text("principles").array().notNull().default(sql`'{}'::text[]`),
    /** The timer, in minutes, if the facilitator wants one. */
    minutes: integer("minutes"),
    state: text("state", { enum: QUESTION_STATES }).notNull().default("wacht"),
    /** 1, or 2 after a re-vote was opened. */
    round: integer("round").notNull().default(1),
    /** The last round whose results were revealed; 0 while none is. */
    revealedRound: integer("revealed_round").notNull().default(0),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
  },
  (table) => [index("conversation_questions_conversation_idx").on(table.conversationId, table.position)],
);

export const conversationParticipants = pgTable(
  "conversation_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** SHA-256 of the participant's random token; nothing else about the person is kept. */
    tokenHash: text("token_hash").notNull(),
  },
  (table) => [
    uniqueIndex("conversation_participants_token_key").on(table.tokenHash),
    index("conversation_participants_conversation_idx").on(table.conversationId),
  ],
);

export const conversationAnswers = pgTable(
  "conversation_answers",
  {
    questionId: uuid("question_id")
      .notNull()
      .references(() => conversationQuestions.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => conversationParticipants.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    /**
     * A random id for this one answer, by which the facilitator moderates it: it links nothing across
     * questions, as the participant's id would.
     */
    answerId: uuid("answer_id").notNull().defaultRandom(),
    /** "a", "b" or "anders"; "1" to "5"; or a short open text. */
    value: text("value").notNull(),
    /** Open answers wait for the facilitator before anyone else sees them. */
    moderation: text("moderation", { enum: MODERATION_STATES }),
  },
  (table) => [
    primaryKey({ columns: [table.questionId, table.participantId, table.round] }),
    index("conversation_answers_question_idx").on(table.questionId, table.round),
  ],
);
