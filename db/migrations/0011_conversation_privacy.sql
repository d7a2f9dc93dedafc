DROP INDEX "conversations_join_code_key";--> statement-breakpoint
ALTER TABLE "conversation_answers" ADD COLUMN "answer_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_live_join_code_key" ON "conversations" USING btree ("join_code") WHERE "conversations"."status" <> 'afgelopen';