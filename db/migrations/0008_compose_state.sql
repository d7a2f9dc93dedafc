ALTER TABLE "kriskras_rounds" ADD COLUMN "compose_state" text;--> statement-breakpoint
ALTER TABLE "kriskras_rounds" ADD COLUMN "compose_progress" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kriskras_rounds" ADD COLUMN "compose_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kriskras_rounds" ADD COLUMN "compose_message" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "kriskras_rounds" ADD COLUMN "compose_result" jsonb;