// Meedenken: what people write about the guide (comments on a paragraph, text proposals, proposals for
// a new paragraph or part, general feedback), the replies to it, support, reports, the editors' public
// decisions and the notices that tell contributors about them. A contribution stays attached to the
// published version it was written on (version, part slug, paragraph anchor).
import { getTableColumns, sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/accounts.schema.ts";
import { guideVersions, tsvector } from "../guide/guide.schema.ts";
import {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  HIDDEN_STATES,
  NOTICE_KINDS,
  REPORT_TARGETS,
} from "./cocreation-kinds.ts";

export const cocreationContributions = pgTable(
  "cocreation_contributions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: CONTRIBUTION_KINDS }).notNull(),
    /** The published version it was written on; published versions are never deleted. */
    versionId: uuid("version_id")
      .notNull()
      .references(() => guideVersions.id),
    /** Empty for general feedback and a proposal for a new part. */
    partSlug: text("part_slug"),
    /** The paragraph it is about (for a new paragraph: the one it should follow). */
    anchor: text("anchor"),
    /** The paragraph's Markdown as it stood when this was written: what a text proposal is compared to. */
    originalText: text("original_text").notNull().default(""),
    /** The comment, or the explanation of a proposal. */
    body: text("body").notNull().default(""),
    /** The proposed Markdown (text proposals, new paragraphs, new parts). */
    proposedText: text("proposed_text").notNull().default(""),
    /** The proposed title of a new part. */
    title: text("title").notNull().default(""),
    /** Empty once the author deleted their account: the contribution stays, anonymous. */
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Shown to the public with the author's name; editors always see who wrote it. */
    showName: boolean("show_name").notNull().default(false),
    status: text("status", { enum: CONTRIBUTION_STATUSES }).notNull().default("ontvangen"),
    statusReason: text("status_reason").notNull().default(""),
    /** For `overgenomen` and `deels-overgenomen`: the version number it was (partly) adopted in. */
    adoptedInVersion: integer("adopted_in_version"),
    hiddenState: text("hidden_state", { enum: HIDDEN_STATES }),
    hiddenReason: text("hidden_reason").notNull().default(""),
    /** Reports before an editor's last hide or restore no longer count towards the threshold. */
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * What the site search matches (title first, then the text): kept with the row, so a search does
     * not stem every contribution again, and goes when the row goes.
     */
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('dutch'::regconfig, "title"), 'A') || setweight(to_tsvector('dutch'::regconfig, "body" || ' ' || "proposed_text"), 'B')`,
      ),
  },
  (table) => [
    index("cocreation_contributions_place_idx").on(table.versionId, table.partSlug, table.anchor),
    index("cocreation_contributions_search_idx").using("gin", table.searchVector),
    index("cocreation_contributions_author_idx").on(table.authorId),
    index("cocreation_contributions_created_idx").on(table.createdAt),
  ],
);

/** Every column of a contribution but the search's vector, which only the search reads. */
const { searchVector: _searchVector, ...everyColumnButTheVector } = getTableColumns(cocreationContributions);
export const contributionColumns = everyColumnButTheVector;
export type ContributionRow = Omit<typeof cocreationContributions.$inferSelect, "searchVector">;

export const cocreationReplies = pgTable(
  "cocreation_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contributionId: uuid("contribution_id")
      .notNull()
      .references(() => cocreationContributions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    showName: boolean("show_name").notNull().default(false),
    body: text("body").notNull(),
    hiddenState: text("hidden_state", { enum: HIDDEN_STATES }),
    hiddenReason: text("hidden_reason").notNull().default(""),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("cocreation_replies_contribution_idx").on(table.contributionId),
    index("cocreation_replies_author_idx").on(table.authorId),
  ],
);

/** One support per person per contribution; it goes with the person's account. */
export const cocreationSupports = pgTable(
  "cocreation_supports",
  {
    contributionId: uuid("contribution_id")
      .notNull()
      .references(() => cocreationContributions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.contributionId, table.userId] })],
);

/** A report of a contribution or a reply: once per person; the reporter is forgotten with the account. */
export const cocreationReports = pgTable(
  "cocreation_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    targetKind: text("target_kind", { enum: REPORT_TARGETS }).notNull(),
    targetId: uuid("target_id").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("cocreation_reports_once_key").on(table.targetKind, table.targetId, table.userId),
    index("cocreation_reports_target_idx").on(table.targetKind, table.targetId),
  ],
);

/** Every status a contribution had, with who decided, when and why: shown on its page. */
export const cocreationStatusChanges = pgTable(
  "cocreation_status_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contributionId: uuid("contribution_id")
      .notNull()
      .references(() => cocreationContributions.id, { onDelete: "cascade" }),
    status: text("status", { enum: CONTRIBUTION_STATUSES }).notNull(),
    reason: text("reason").notNull().default(""),
    adoptedInVersion: integer("adopted_in_version"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("cocreation_status_changes_contribution_idx").on(table.contributionId)],
);

/** What a contributor is told on /meedenken/mijn: a new status, or a reply to their contribution. */
export const cocreationNotices = pgTable(
  "cocreation_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contributionId: uuid("contribution_id")
      .notNull()
      .references(() => cocreationContributions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [index("cocreation_notices_user_idx").on(table.userId, table.createdAt)],
);

/** A person's choice about e-mail from Meedenken; no row means e-mails are on. */
export const cocreationPreferences = pgTable("cocreation_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  emailNotifications: boolean("email_notifications").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A proposal taken over into a draft of the guide: which version it went into and where (the paragraph
 * it changed or added). The comparison of that version with the one before links each changed paragraph
 * to the proposals behind it. Goes with the draft if the draft is thrown away.
 */
export const cocreationAdoptions = pgTable(
  "cocreation_adoptions",
  {
    contributionId: uuid("contribution_id")
      .notNull()
      .references(() => cocreationContributions.id, { onDelete: "cascade" }),
    versionId: uuid("version_id")
      .notNull()
      .references(() => guideVersions.id, { onDelete: "cascade" }),
    partSlug: text("part_slug").notNull(),
    anchor: text("anchor").notNull(),
    adoptedBy: uuid("adopted_by").references(() => users.id, { onDelete: "set null" }),
    adoptedAt: timestamp("adopted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.contributionId, table.versionId] }),
    index("cocreation_adoptions_version_idx").on(table.versionId),
  ],
);
