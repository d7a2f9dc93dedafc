CREATE TABLE "dilemma_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"case" text NOT NULL,
	"option_a" text NOT NULL,
	"risk_a" text NOT NULL,
	"option_b" text NOT NULL,
	"risk_b" text NOT NULL,
	"perspectives" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"principles" text[] DEFAULT '{}'::text[] NOT NULL,
	"values" text[] DEFAULT '{}'::text[] NOT NULL,
	"work_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" uuid,
	"anonymous" boolean DEFAULT true NOT NULL,
	"review_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dilemma_cards" ADD CONSTRAINT "dilemma_cards_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dilemma_cards_slug_key" ON "dilemma_cards" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "dilemma_cards_status_idx" ON "dilemma_cards" USING btree ("status");--> statement-breakpoint
CREATE INDEX "dilemma_cards_submitted_by_idx" ON "dilemma_cards" USING btree ("submitted_by");