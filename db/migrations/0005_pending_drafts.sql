CREATE TABLE "deliberation_pending_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"deliberation_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"revision" integer NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliberation_pending_drafts" ADD CONSTRAINT "deliberation_pending_drafts_deliberation_id_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_pending_drafts_token_key" ON "deliberation_pending_drafts" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "deliberation_pending_drafts_deliberation_idx" ON "deliberation_pending_drafts" USING btree ("deliberation_id","created_at");--> statement-breakpoint
CREATE INDEX "deliberation_pending_drafts_expires_idx" ON "deliberation_pending_drafts" USING btree ("expires_at");