CREATE TABLE "search_documents" (
	"stamp" text NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"anchor" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"vector" "tsvector" NOT NULL,
	"place" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_stamp_idx" ON "search_documents" USING btree ("stamp");--> statement-breakpoint
CREATE INDEX "search_documents_vector_idx" ON "search_documents" USING gin ("vector");