CREATE TABLE "consultation_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"token_hash" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"origin" text DEFAULT 'start' NOT NULL,
	"participant_id" uuid,
	"moderation" text DEFAULT 'goed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_votes" (
	"participant_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"vote" smallint NOT NULL,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_votes_participant_id_statement_id_pk" PRIMARY KEY("participant_id","statement_id"),
	CONSTRAINT "consultation_votes_vote_check" CHECK ("consultation_votes"."vote" in (-1, 0, 1))
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"question" text NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"content_language" text DEFAULT 'nl' NOT NULL,
	"access" text DEFAULT 'anoniem' NOT NULL,
	"participant_statements" text DEFAULT 'na-beoordeling' NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"guide_part_slug" text,
	"card_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"analysis" jsonb,
	"analysis_state" jsonb,
	"analysed_version" integer DEFAULT 0 NOT NULL,
	"analysed_at" timestamp with time zone,
	CONSTRAINT "consultations_dates_check" CHECK ("consultations"."closes_at" > "consultations"."opens_at")
);
--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_statements" ADD CONSTRAINT "consultation_statements_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_statements" ADD CONSTRAINT "consultation_statements_participant_id_consultation_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."consultation_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_votes" ADD CONSTRAINT "consultation_votes_participant_id_consultation_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."consultation_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_votes" ADD CONSTRAINT "consultation_votes_statement_id_consultation_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."consultation_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_votes" ADD CONSTRAINT "consultation_votes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_participants_number_key" ON "consultation_participants" USING btree ("consultation_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_participants_token_key" ON "consultation_participants" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_participants_user_key" ON "consultation_participants" USING btree ("consultation_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_statements_number_key" ON "consultation_statements" USING btree ("consultation_id","number");--> statement-breakpoint
CREATE INDEX "consultation_votes_consultation_idx" ON "consultation_votes" USING btree ("consultation_id","voted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_slug_key" ON "consultations" USING btree ("slug");