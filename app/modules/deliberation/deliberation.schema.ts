// Records of the Dilemma-wijzer: one person's private thinking about a dilemma, and the read-only links
// they hand out. Everything the person wrote is in `content`, encrypted (see app/infra/encryption); the
// database sees only who owns a record and when it changed.
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.ts";

export const deliberations = pgTable(
  "deliberations",
  {
    /** Random, so addresses cannot be guessed or counted. */
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The record's fields as JSON, encrypted with the context `deliberations:<id>`. */
    content: text("content").notNull(),
    /** Raised at every save; a save based on an older revision is refused, so two tabs never overwrite silently. */
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the last step was first filled in: the insights count records finished per month by it, and
     * by nothing else of the record.
     */
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("deliberations_owner_idx").on(table.ownerId)],
);

export const deliberationShares = pgTable(
  "deliberation_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliberationId: uuid("deliberation_id")
      .notNull()
      .references(() => deliberations.id, { onDelete: "cascade" }),
    /** SHA-256 of the link's random token; the token itself is shown once, to the owner. */
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("deliberation_shares_token_key").on(table.tokenHash),
    index("deliberation_shares_deliberation_idx").on(table.deliberationId),
  ],
);

export const deliberationPendingDrafts = pgTable(
  "deliberation_pending_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the random token in the browser's `vm_concept` cookie. */
    tokenHash: text("token_hash").notNull(),
    /** A draft is useless without its record, so it goes when the record (or its owner's account) goes. */
    deliberationId: uuid("deliberation_id")
      .notNull()
      .references(() => deliberations.id, { onDelete: "cascade" }),
    step: integer("step").notNull(),
    /** The revision the form was based on, so the save after login is revision-checked like any other. */
    revision: integer("revision").notNull(),
    /** The typed fields as JSON, encrypted with the context `pending-drafts:<id>`. */
    content: text("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("deliberation_pending_drafts_token_key").on(table.tokenHash),
    index("deliberation_pending_drafts_deliberation_idx").on(table.deliberationId, table.createdAt),
    index("deliberation_pending_drafts_expires_idx").on(table.expiresAt),
  ],
);
