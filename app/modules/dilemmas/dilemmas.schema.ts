// The dilemma cards: recognisable cases with the tension, the perspectives and the principles at stake.
// Cards from `content/dilemmas/` arrive published; cards people submit wait for an editor.
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.ts";

export const CARD_STATUSES = ["ingediend", "gepubliceerd", "afgewezen"] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const dilemmaCards = pgTable(
  "dilemma_cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    status: text("status", { enum: CARD_STATUSES }).notNull(),
    title: text("title").notNull(),
    case: text("case").notNull(),
    optionA: text("option_a").notNull(),
    riskA: text("risk_a").notNull(),
    optionB: text("option_b").notNull(),
    riskB: text("risk_b").notNull(),
    /** Keyed by perspective (burger, samenleving, minister, organisatie, collegas, ik). */
    perspectives: jsonb("perspectives").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** Slugs of the guide's principles; the first is the main one. */
    principles: text("principles").array().notNull().default(sql`'{}'::text[]`),
    /** Anchors of the values in the guide's part `waarden`. */
    values: text("values").array().notNull().default(sql`'{}'::text[]`),
    workKinds: text("work_kinds").array().notNull().default(sql`'{}'::text[]`),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    questions: jsonb("questions").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Who submitted it; empty for the cards that ship with the platform or when the account is gone. */
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    /** Shown to the public without the submitter's name. */
    anonymous: boolean("anonymous").notNull().default(true),
    /** The editor's reason, for the submitter, when a card is declined. */
    reviewNote: text("review_note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("dilemma_cards_slug_key").on(table.slug),
    index("dilemma_cards_status_idx").on(table.status),
    index("dilemma_cards_submitted_by_idx").on(table.submittedBy),
  ],
);
