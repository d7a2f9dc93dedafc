CREATE TABLE "guide_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"part_id" uuid NOT NULL,
	"anchor" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"markdown" text NOT NULL,
	"text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, "text")) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guide_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"related" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guide_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"edition" text NOT NULL,
	"status" text NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"changelog" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "guide_blocks" ADD CONSTRAINT "guide_blocks_part_id_guide_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."guide_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_parts" ADD CONSTRAINT "guide_parts_version_id_guide_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."guide_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "guide_blocks_part_anchor_key" ON "guide_blocks" USING btree ("part_id","anchor");--> statement-breakpoint
CREATE INDEX "guide_blocks_search_idx" ON "guide_blocks" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_parts_version_slug_key" ON "guide_parts" USING btree ("version_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_versions_number_key" ON "guide_versions" USING btree ("number");