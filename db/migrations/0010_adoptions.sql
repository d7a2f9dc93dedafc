CREATE TABLE "cocreation_adoptions" (
	"contribution_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"part_slug" text NOT NULL,
	"anchor" text NOT NULL,
	"adopted_by" uuid,
	"adopted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cocreation_adoptions_contribution_id_version_id_pk" PRIMARY KEY("contribution_id","version_id")
);
--> statement-breakpoint
ALTER TABLE "cocreation_adoptions" ADD CONSTRAINT "cocreation_adoptions_contribution_id_cocreation_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."cocreation_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_adoptions" ADD CONSTRAINT "cocreation_adoptions_version_id_guide_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."guide_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_adoptions" ADD CONSTRAINT "cocreation_adoptions_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cocreation_adoptions_version_idx" ON "cocreation_adoptions" USING btree ("version_id");