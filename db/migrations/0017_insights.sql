CREATE TABLE "insight_atoms" (
	"topic" text NOT NULL,
	"period" text NOT NULL,
	"month" date NOT NULL,
	"key" text NOT NULL,
	"size" integer NOT NULL,
	"values" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "insight_atoms_topic_period_key_pk" PRIMARY KEY("topic","period","key")
);
--> statement-breakpoint
CREATE TABLE "insight_page_views" (
	"page" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"views" integer NOT NULL,
	CONSTRAINT "insight_page_views_page_hour_pk" PRIMARY KEY("page","hour")
);
--> statement-breakpoint
CREATE TABLE "insight_search_misses" (
	"query" text NOT NULL,
	"day" date NOT NULL,
	"searchers" integer NOT NULL,
	CONSTRAINT "insight_search_misses_query_day_pk" PRIMARY KEY("query","day")
);
--> statement-breakpoint
ALTER TABLE "deliberations" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "insight_atoms_topic_month_idx" ON "insight_atoms" USING btree ("topic","month");