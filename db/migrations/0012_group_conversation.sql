ALTER TABLE "kriskras_groups" ADD COLUMN "conversation_id" uuid;--> statement-breakpoint
ALTER TABLE "kriskras_groups" ADD CONSTRAINT "kriskras_groups_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Until now a host's conversation was found again by its title; link the ones that are still running.
UPDATE "kriskras_groups" AS g SET "conversation_id" = (
  SELECT c."id" FROM "conversations" AS c
  JOIN "kriskras_signups" AS s ON s."id" = g."host_signup_id"
  JOIN "kriskras_rounds" AS r ON r."id" = g."round_id"
  WHERE c."owner_id" = s."user_id"
    AND c."status" <> 'afgelopen'
    AND c."title" = left('Kris-kras-gesprek ' || r."title" || ', groep ' || g."number", 120)
  ORDER BY c."created_at" DESC
  LIMIT 1
);
