CREATE TABLE "conversation_answers" (
	"question_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"value" text NOT NULL,
	"moderation" text,
	CONSTRAINT "conversation_answers_question_id_participant_id_round_pk" PRIMARY KEY("question_id","participant_id","round")
);
--> statement-breakpoint
CREATE TABLE "conversation_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"token_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"option_a" text DEFAULT '' NOT NULL,
	"option_b" text DEFAULT '' NOT NULL,
	"allow_other" boolean DEFAULT false NOT NULL,
	"card_slug" text,
	"principles" text[] DEFAULT '{}'::text[] NOT NULL,
	"minutes" integer,
	"state" text DEFAULT 'wacht' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"revealed_round" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone,
	"closes_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"join_code" text NOT NULL,
	"status" text DEFAULT 'voorbereid' NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"current_question_id" uuid,
	"min_answers" integer DEFAULT 3 NOT NULL,
	"max_participants" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"answers_deleted_at" timestamp with time zone,
	"summary" jsonb
);
--> statement-breakpoint
ALTER TABLE "conversation_answers" ADD CONSTRAINT "conversation_answers_question_id_conversation_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."conversation_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_answers" ADD CONSTRAINT "conversation_answers_participant_id_conversation_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."conversation_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_questions" ADD CONSTRAINT "conversation_questions_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_answers_question_idx" ON "conversation_answers" USING btree ("question_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_participants_token_key" ON "conversation_participants" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "conversation_participants_conversation_idx" ON "conversation_participants" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "conversation_questions_conversation_idx" ON "conversation_questions" USING btree ("conversation_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_join_code_key" ON "conversations" USING btree ("join_code");--> statement-breakpoint
CREATE INDEX "conversations_owner_idx" ON "conversations" USING btree ("owner_id");