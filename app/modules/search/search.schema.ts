import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { tsvector } from "../guide/guide.schema.ts";

/**
 * The published documents the search looks through, with their tsvectors, made from the guide's
 * paragraphs and parts, the published cards and the conversation templates (search-documents.server.ts)
 * and kept per `stamp` of what they were made from, so a search does not build every vector again.
 * Nothing in it is not already public; Meedenken contributions are searched where they are stored.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    stamp: text("stamp").notNull(),
    kind: text("kind").notNull(),
    slug: text("slug").notNull(),
    anchor: text("anchor").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    vector: tsvector("vector").notNull(),
    place: integer("place").notNull(),
  },
  (table) => [
    index("search_documents_stamp_idx").on(table.stamp),
    index("search_documents_vector_idx").using("gin", table.vector),
  ],
);
