// Tables of the guide: versions, their parts, and the blocks (paragraphs) of each part.
// A published version is immutable; anchors are stable across versions so that later capabilities
// (comments, proposals) can hang on a paragraph.
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** PostgreSQL's full-text document type; drizzle has no column type of its own for it. */
export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

export const guideVersions = pgTable(
  "guide_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").notNull(),
    label: text("label").notNull(),
    /** Which edition of the official guide this version renders, e.g. "derde versie". */
    edition: text("edition").notNull(),
    status: text("status", { enum: ["concept", "gepubliceerd"] }).notNull(),
    /** An example draft ships to show the comparison at work; editors may discard it. */
    isExample: boolean("is_example").notNull().default(false),
    changelog: text("changelog").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("guide_versions_number_key").on(table.number)],
);

export const guideParts = pgTable(
  "guide_parts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => guideVersions.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: ["inleiding", "principe", "waarden", "fundament", "gebruik"] }).notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    related: jsonb("related").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (table) => [uniqueIndex("guide_parts_version_slug_key").on(table.versionId, table.slug)],
);

export const guideBlocks = pgTable(
  "guide_blocks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partId: uuid("part_id")
      .notNull()
      .references(() => guideParts.id, { onDelete: "cascade" }),
    anchor: text("anchor").notNull(),
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["heading", "paragraph", "list", "quote"] }).notNull(),
    markdown: text("markdown").notNull(),
    /** Plain text of the block: what search, snippets and the word diff work on. */
    text: text("text").notNull(),
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('dutch'::regconfig, "text")`),
  },
  (table) => [
    uniqueIndex("guide_blocks_part_anchor_key").on(table.partId, table.anchor),
    index("guide_blocks_search_idx").using("gin", table.searchVector),
  ],
);
