// Consultations ("peilingen"): a question with short statements that many people vote on over days or
// weeks (agree, disagree or pass), the statements participants add, and the analysis of the votes. A
// participant of an anonymous consultation is a random token (stored as a hash) and nothing else; in one
// that needs a login it is tied to the account, so the person can go on from another device. Neither is
// ever shown: pages and files show groups and shares, never a person.
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.ts";
import { MODERATION_STATES } from "../conversations/conversations.schema.ts";

/** Open for votes between its dates; closed (the results stay); archived (out of the lists). */
export const CONSULTATION_STATES = ["open", "gesloten", "gearchiveerd"] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

/** Anyone with the address, as a random participant; or only people who logged in. */
export const CONSULTATION_ACCESS = ["anoniem", "inloggen"] as const;
export type ConsultationAccess = (typeof CONSULTATION_ACCESS)[number];

/** Statements participants add: shown at once, shown after review, or not allowed. */
export const PARTICIPANT_STATEMENTS = ["direct", "na-beoordeling", "niet"] as const;
export type ParticipantStatements = (typeof PARTICIPANT_STATEMENTS)[number];

/** A statement the organisers started with, or one a participant added. */
export const STATEMENT_ORIGINS = ["start", "deelnemer"] as const;
export type StatementOrigin = (typeof STATEMENT_ORIGINS)[number];

export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The address: /peilingen/<slug>. */
    slug: text("slug").notNull(),
    question: text("question").notNull(),
    introduction: text("introduction").notNull().default(""),
    /** The language its question, introduction and statements are written in. */
    contentLanguage: text("content_language", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    access: text("access", { enum: CONSULTATION_ACCESS }).notNull().default("anoniem"),
    participantStatements: text("participant_statements", { enum: PARTICIPANT_STATEMENTS })
      .notNull()
      .default("na-beoordeling"),
    state: text("state", { enum: CONSULTATION_STATES }).notNull().default("open"),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    /** The guide part the result can feed, by its slug. */
    guidePartSlug: text("guide_part_slug"),
    /** The dilemma cards it is about, by their slugs. */
    cardSlugs: text("card_slugs").array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Where an imported consultation came from (a Pol.is address), for the report. */
    source: text("source"),
    /** Raised at every change of its state or statements (not at a vote, so votes never wait on it). */
    version: integer("version").notNull().default(1),
    /** The last analysis, as the report shows it, and what the next run starts from. */
    analysis: jsonb("analysis"),
    analysisState: jsonb("analysis_state"),
    /** The `version` the last analysis saw, and when it ran. */
    analysedVersion: integer("analysed_version").notNull().default(0),
    analysedAt: timestamp("analysed_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("consultations_slug_key").on(table.slug),
    check("consultations_dates_check", sql`${table.closesAt} > ${table.opensAt}`),
  ],
);

export const consultationParticipants = pgTable(
  "consultation_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    /** 0, 1, 2 … within the consultation, as Pol.is numbers them: the participant's number in the exported files. */
    number: integer("number").notNull(),
    /** SHA-256 of the random token of an anonymous participant. */
    tokenHash: text("token_hash"),
    /** The account of a participant of a consultation that needs a login. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("consultation_participants_number_key").on(table.consultationId, table.number),
    uniqueIndex("consultation_participants_token_key").on(table.tokenHash),
    uniqueIndex("consultation_participants_user_key").on(table.consultationId, table.userId),
  ],
);

export const consultationStatements = pgTable(
  "consultation_statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    /** 0, 1, 2 … within the consultation, in the order they were added, as Pol.is numbers them. */
    number: integer("number").notNull(),
    text: text("text").notNull(),
    origin: text("origin", { enum: STATEMENT_ORIGINS }).notNull().default("start"),
    /** Who added it, for their own limit per hour; never shown. */
    participantId: uuid("participant_id").references(() => consultationParticipants.id, {
      onDelete: "set null",
    }),
    /** Shown ("goed"), waiting for review, or rejected (a column of passes to the analysis). */
    moderation: text("moderation", { enum: MODERATION_STATES }).notNull().default("goed"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("consultation_statements_number_key").on(table.consultationId, table.number)],
);

export const consultationVotes = pgTable(
  "consultation_votes",
  {
    participantId: uuid("participant_id")
      .notNull()
      .references(() => consultationParticipants.id, { onDelete: "cascade" }),
    statementId: uuid("statement_id")
      .notNull()
      .references(() => consultationStatements.id, { onDelete: "cascade" }),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    /** 1 agree, -1 disagree, 0 pass. A changed vote replaces the earlier one. */
    vote: smallint("vote").notNull(),
    votedAt: timestamp("voted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.participantId, table.statementId] }),
    index("consultation_votes_consultation_idx").on(table.consultationId, table.votedAt),
    check("consultation_votes_vote_check", sql`${table.vote} in (-1, 0, 1)`),
  ],
);
