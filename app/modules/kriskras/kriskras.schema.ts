// Rounds of kris-kras-gesprekken: time slots, the sign-ups with their availability, the groups composed
// from them, the invitations sent, who met whom (to keep people apart next time) and the anonymous
// evaluations. Access needs are health data: encrypted, and readable only by the round's organisers.
import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
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
import { conversations } from "../conversations/conversations.schema.ts";
import type { EvaluationSummary } from "./evaluation.ts";
import { AVAILABILITY, type Weights } from "./kriskras-kinds.ts";

/** What a round keeps once its sign-ups are deleted (purgeKriskras): totals, nobody in them. */
export interface RoundTotals {
  signups: number;
  /** Organisation name → how many of its people signed up. */
  signupsPerOrganisation: Record<string, number>;
  /** Kind of work → how many signed up with it; absent in rounds purged before the insights kept it. */
  signupsPerWorkKind?: Record<string, number>;
  groups: number;
  placed: number;
  evaluations: EvaluationSummary;
}

export const COMPOSE_STATES = ["bezig", "klaar", "mislukt"] as const;
export type ComposeState = (typeof COMPOSE_STATES)[number];
export type ComposeResult = { groups: number; placed: number; unplaced: number; droppedLocks: number };

/** The organisations people can choose from; editors keep the list. */
export const kriskrasOrganisations = pgTable(
  "kriskras_organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** ministerie, uitvoeringsorganisatie, inspectie, … (an answer option of the attribute `organisationKind`). */
    kind: text("kind").notNull().default(""),
    active: boolean("active").notNull().default(true),
  },
  (table) => [uniqueIndex("kriskras_organisations_name_key").on(sql`lower(${table.name})`)],
);

/** The answer options of the other attributes (bands, regions, kinds of work); editors keep them. */
export const kriskrasAnswerOptions = pgTable(
  "kriskras_answer_options",
  {
    attribute: text("attribute").notNull(),
    key: text("key").notNull(),
    labelNl: text("label_nl").notNull(),
    labelEn: text("label_en").notNull(),
    position: integer("position").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.attribute, table.key] })],
);

export const kriskrasRounds = pgTable("kriskras_rounds", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  signupOpensAt: timestamp("signup_opens_at", { withTimezone: true }).notNull(),
  signupClosesAt: timestamp("signup_closes_at", { withTimezone: true }).notNull(),
  groupMin: integer("group_min").notNull(),
  groupTarget: integer("group_target").notNull(),
  groupMax: integer("group_max").notNull(),
  weights: jsonb("weights").$type<Weights>().notNull(),
  /** Raised at every publication; each invitation keeps its own calendar sequence (kriskras_invitations). */
  publication: integer("publication").notNull().default(0),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /**
   * The last composition of the groups, kept here so every app process can show it: `bezig` while the
   * optimiser runs (a run older than its time limit plus a minute was cut off), then `klaar` or `mislukt`.
   */
  composeState: text("compose_state", { enum: COMPOSE_STATES }),
  composeProgress: doublePrecision("compose_progress").notNull().default(0),
  composeStartedAt: timestamp("compose_started_at", { withTimezone: true }),
  composeMessage: text("compose_message").notNull().default(""),
  composeResult: jsonb("compose_result").$type<ComposeResult>(),
  /** When the sign-ups were deleted, keeping the aggregates (see purgeKriskras). */
  purgedAt: timestamp("purged_at", { withTimezone: true }),
  /** Counts kept after the purge: sign-ups per organisation, groups, evaluations. */
  aggregates: jsonb("aggregates").$type<RoundTotals>(),
});

/** The editors who organise a round: only they see the access needs of its sign-ups. */
export const kriskrasOrganisers = pgTable(
  "kriskras_organisers",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => kriskrasRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.roundId, table.userId] })],
);

export const kriskrasSlots = pgTable(
  "kriskras_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => kriskrasRounds.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    onlineUrl: text("online_url").notNull().default(""),
    /** The most people this slot can take (rooms, hosts). */
    capacity: integer("capacity").notNull(),
  },
  (table) => [index("kriskras_slots_round_idx").on(table.roundId, table.startsAt)],
);

export const kriskrasSignups = pgTable(
  "kriskras_signups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => kriskrasRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => kriskrasOrganisations.id),
    workKind: text("work_kind").notNull(),
    scaleBand: text("scale_band").notNull(),
    serviceBand: text("service_band").notNull(),
    region: text("region").notNull(),
    /** Health data: encrypted with the context `kriskras-needs:<id>:<user id>`; empty when there are none. */
    accessNeeds: text("access_needs").notNull().default(""),
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    /** The person filled in the evaluation (their answers are stored without a link to them). */
    evaluated: boolean("evaluated").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("kriskras_signups_round_user_key").on(table.roundId, table.userId),
    index("kriskras_signups_user_idx").on(table.userId),
  ],
);

export const kriskrasAvailability = pgTable(
  "kriskras_availability",
  {
    signupId: uuid("signup_id")
      .notNull()
      .references(() => kriskrasSignups.id, { onDelete: "cascade" }),
    slotId: uuid("slot_id")
      .notNull()
      .references(() => kriskrasSlots.id, { onDelete: "cascade" }),
    answer: text("answer", { enum: AVAILABILITY }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.signupId, table.slotId] })],
);

export const kriskrasGroups = pgTable(
  "kriskras_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => kriskrasRounds.id, { onDelete: "cascade" }),
    slotId: uuid("slot_id")
      .notNull()
      .references(() => kriskrasSlots.id, { onDelete: "cascade" }),
    /** 1, 2, … within the slot. */
    number: integer("number").notNull(),
    hostSignupId: uuid("host_signup_id").references(() => kriskrasSignups.id, { onDelete: "set null" }),
    score: doublePrecision("score").notNull().default(0),
    /** The live conversation the host started for this group, so a second click finds it again. */
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
  },
  (table) => [uniqueIndex("kriskras_groups_slot_number_key").on(table.slotId, table.number)],
);

export const kriskrasGroupMembers = pgTable(
  "kriskras_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => kriskrasGroups.id, { onDelete: "cascade" }),
    signupId: uuid("signup_id")
      .notNull()
      .references(() => kriskrasSignups.id, { onDelete: "cascade" }),
    /** Placed here by an editor; re-optimising keeps it. */
    locked: boolean("locked").notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.groupId, table.signupId] }),
    uniqueIndex("kriskras_group_members_signup_key").on(table.signupId),
  ],
);

/** What each person was last sent, so a re-publication mails only the people whose invitation changed. */
export const kriskrasInvitations = pgTable("kriskras_invitations", {
  signupId: uuid("signup_id")
    .primaryKey()
    .references(() => kriskrasSignups.id, { onDelete: "cascade" }),
  /** The calendar entry's UID: stable for this person in this round. */
  uid: text("uid").notNull(),
  sequence: integer("sequence").notNull(),
  /** A digest of what the invitation said (slot, place, group); a change means a new one is due. */
  digest: text("digest").notNull(),
  cancelled: boolean("cancelled").notNull().default(false),
  sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who met whom in a round, for keeping people apart next time. Kept longer than the sign-ups
 * (KRISKRAS_MEETINGS_RETENTION_DAYS); the pair is stored with the smaller user id first.
 */
export const kriskrasMeetings = pgTable(
  "kriskras_meetings",
  {
    userLow: uuid("user_low")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userHigh: uuid("user_high")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roundId: uuid("round_id").references(() => kriskrasRounds.id, { onDelete: "set null" }),
    metOn: timestamp("met_on", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userLow, table.userHigh, table.metOn] }),
    index("kriskras_meetings_high_idx").on(table.userHigh),
  ],
);

/** One anonymous evaluation: five answers, no person, no group, no time. */
export const kriskrasEvaluations = pgTable(
  "kriskras_evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => kriskrasRounds.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<Record<string, number | string>>().notNull(),
  },
  (table) => [index("kriskras_evaluations_round_idx").on(table.roundId)],
);
