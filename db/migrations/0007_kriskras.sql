CREATE TABLE "kriskras_answer_options" (
	"attribute" text NOT NULL,
	"key" text NOT NULL,
	"label_nl" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "kriskras_answer_options_attribute_key_pk" PRIMARY KEY("attribute","key")
);
--> statement-breakpoint
CREATE TABLE "kriskras_availability" (
	"signup_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"answer" text NOT NULL,
	CONSTRAINT "kriskras_availability_signup_id_slot_id_pk" PRIMARY KEY("signup_id","slot_id")
);
--> statement-breakpoint
CREATE TABLE "kriskras_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kriskras_group_members" (
	"group_id" uuid NOT NULL,
	"signup_id" uuid NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	CONSTRAINT "kriskras_group_members_group_id_signup_id_pk" PRIMARY KEY("group_id","signup_id")
);
--> statement-breakpoint
CREATE TABLE "kriskras_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"host_signup_id" uuid,
	"score" double precision DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kriskras_invitations" (
	"signup_id" uuid PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"sequence" integer NOT NULL,
	"digest" text NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kriskras_meetings" (
	"user_low" uuid NOT NULL,
	"user_high" uuid NOT NULL,
	"round_id" uuid,
	"met_on" timestamp with time zone NOT NULL,
	CONSTRAINT "kriskras_meetings_user_low_user_high_met_on_pk" PRIMARY KEY("user_low","user_high","met_on")
);
--> statement-breakpoint
CREATE TABLE "kriskras_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kriskras_organisers" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "kriskras_organisers_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "kriskras_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"signup_opens_at" timestamp with time zone NOT NULL,
	"signup_closes_at" timestamp with time zone NOT NULL,
	"group_min" integer NOT NULL,
	"group_target" integer NOT NULL,
	"group_max" integer NOT NULL,
	"weights" jsonb NOT NULL,
	"publication" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purged_at" timestamp with time zone,
	"aggregates" jsonb
);
--> statement-breakpoint
CREATE TABLE "kriskras_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"work_kind" text NOT NULL,
	"scale_band" text NOT NULL,
	"service_band" text NOT NULL,
	"region" text NOT NULL,
	"access_needs" text DEFAULT '' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"evaluated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kriskras_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kriskras_availability" ADD CONSTRAINT "kriskras_availability_signup_id_kriskras_signups_id_fk" FOREIGN KEY ("signup_id") REFERENCES "public"."kriskras_signups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_availability" ADD CONSTRAINT "kriskras_availability_slot_id_kriskras_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."kriskras_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_evaluations" ADD CONSTRAINT "kriskras_evaluations_round_id_kriskras_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."kriskras_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_group_members" ADD CONSTRAINT "kriskras_group_members_group_id_kriskras_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."kriskras_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_group_members" ADD CONSTRAINT "kriskras_group_members_signup_id_kriskras_signups_id_fk" FOREIGN KEY ("signup_id") REFERENCES "public"."kriskras_signups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_groups" ADD CONSTRAINT "kriskras_groups_round_id_kriskras_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."kriskras_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_groups" ADD CONSTRAINT "kriskras_groups_slot_id_kriskras_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."kriskras_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_groups" ADD CONSTRAINT "kriskras_groups_host_signup_id_kriskras_signups_id_fk" FOREIGN KEY ("host_signup_id") REFERENCES "public"."kriskras_signups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_invitations" ADD CONSTRAINT "kriskras_invitations_signup_id_kriskras_signups_id_fk" FOREIGN KEY ("signup_id") REFERENCES "public"."kriskras_signups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_meetings" ADD CONSTRAINT "kriskras_meetings_user_low_users_id_fk" FOREIGN KEY ("user_low") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_meetings" ADD CONSTRAINT "kriskras_meetings_user_high_users_id_fk" FOREIGN KEY ("user_high") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_meetings" ADD CONSTRAINT "kriskras_meetings_round_id_kriskras_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."kriskras_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_organisers" ADD CONSTRAINT "kriskras_organisers_round_id_kriskras_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."kriskras_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_organisers" ADD CONSTRAINT "kriskras_organisers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_rounds" ADD CONSTRAINT "kriskras_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_signups" ADD CONSTRAINT "kriskras_signups_round_id_kriskras_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."kriskras_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_signups" ADD CONSTRAINT "kriskras_signups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_signups" ADD CONSTRAINT "kriskras_signups_organisation_id_kriskras_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."kriskras_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kriskras_slots" ADD CONSTRAINT "kriskras_slots_round_id_kriskras_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."kriskras_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kriskras_evaluations_round_idx" ON "kriskras_evaluations" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kriskras_group_members_signup_key" ON "kriskras_group_members" USING btree ("signup_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kriskras_groups_slot_number_key" ON "kriskras_groups" USING btree ("slot_id","number");--> statement-breakpoint
CREATE INDEX "kriskras_meetings_high_idx" ON "kriskras_meetings" USING btree ("user_high");--> statement-breakpoint
CREATE UNIQUE INDEX "kriskras_organisations_name_key" ON "kriskras_organisations" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "kriskras_signups_round_user_key" ON "kriskras_signups" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE INDEX "kriskras_signups_user_idx" ON "kriskras_signups" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "kriskras_slots_round_idx" ON "kriskras_slots" USING btree ("round_id","starts_at");