CREATE TABLE "cocreation_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"version_id" uuid NOT NULL,
	"part_slug" text,
	"anchor" text,
	"original_text" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"proposed_text" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"show_name" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'ontvangen' NOT NULL,
	"status_reason" text DEFAULT '' NOT NULL,
	"adopted_in_version" integer,
	"hidden_state" text,
	"hidden_reason" text DEFAULT '' NOT NULL,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"contribution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cocreation_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email_notifications" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contribution_id" uuid NOT NULL,
	"author_id" uuid,
	"show_name" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"hidden_state" text,
	"hidden_reason" text DEFAULT '' NOT NULL,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"user_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contribution_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"adopted_in_version" integer,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cocreation_supports" (
	"contribution_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cocreation_supports_contribution_id_user_id_pk" PRIMARY KEY("contribution_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "cocreation_contributions" ADD CONSTRAINT "cocreation_contributions_version_id_guide_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."guide_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_contributions" ADD CONSTRAINT "cocreation_contributions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_notices" ADD CONSTRAINT "cocreation_notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_notices" ADD CONSTRAINT "cocreation_notices_contribution_id_cocreation_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."cocreation_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_preferences" ADD CONSTRAINT "cocreation_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_replies" ADD CONSTRAINT "cocreation_replies_contribution_id_cocreation_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."cocreation_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_replies" ADD CONSTRAINT "cocreation_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_reports" ADD CONSTRAINT "cocreation_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_status_changes" ADD CONSTRAINT "cocreation_status_changes_contribution_id_cocreation_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."cocreation_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_status_changes" ADD CONSTRAINT "cocreation_status_changes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_supports" ADD CONSTRAINT "cocreation_supports_contribution_id_cocreation_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."cocreation_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cocreation_supports" ADD CONSTRAINT "cocreation_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cocreation_contributions_place_idx" ON "cocreation_contributions" USING btree ("version_id","part_slug","anchor");--> statement-breakpoint
CREATE INDEX "cocreation_contributions_author_idx" ON "cocreation_contributions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "cocreation_contributions_created_idx" ON "cocreation_contributions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "cocreation_notices_user_idx" ON "cocreation_notices" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "cocreation_replies_contribution_idx" ON "cocreation_replies" USING btree ("contribution_id");--> statement-breakpoint
CREATE INDEX "cocreation_replies_author_idx" ON "cocreation_replies" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cocreation_reports_once_key" ON "cocreation_reports" USING btree ("target_kind","target_id","user_id");--> statement-breakpoint
CREATE INDEX "cocreation_reports_target_idx" ON "cocreation_reports" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "cocreation_status_changes_contribution_idx" ON "cocreation_status_changes" USING btree ("contribution_id");