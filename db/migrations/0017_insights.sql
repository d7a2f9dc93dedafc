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
CREATE TABLE "insight_year_reports" (
	"year" integer PRIMARY KEY NOT NULL,
	"draft" text NOT NULL,
	"published_body" text,
	"published_tables" jsonb,
	"published_min_group" integer,
	"published_at" timestamp with time zone,
	"edited_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliberations" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "insight_year_reports" ADD CONSTRAINT "insight_year_reports_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_atoms_topic_month_idx" ON "insight_atoms" USING btree ("topic","month");