CREATE TYPE "public"."clearance_decision" AS ENUM('cleared', 'returned');--> statement-breakpoint
CREATE TYPE "public"."published_classification" AS ENUM('public', 'coalition');--> statement-breakpoint
CREATE TYPE "public"."readout_status" AS ENUM('draft', 'in-clearance', 'cleared', 'published', 'withdrawn');--> statement-breakpoint
CREATE TABLE "readout_clearances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"readout_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" "clearance_decision" NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readout_slugs" (
	"year" integer NOT NULL,
	"slug" text NOT NULL,
	"readout_id" uuid NOT NULL,
	CONSTRAINT "readout_slugs_year_slug_pk" PRIMARY KEY("year","slug")
);
--> statement-breakpoint
CREATE TABLE "readout_versions" (
	"readout_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body_markdown" text NOT NULL,
	"correction_note" text,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readout_versions_readout_id_number_pk" PRIMARY KEY("readout_id","number")
);
--> statement-breakpoint
CREATE TABLE "readouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"status" "readout_status" DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"published_version" integer,
	"first_published_version" integer,
	"published_as" "published_classification",
	"published_at" timestamp with time zone,
	"year" integer NOT NULL,
	"slug" text NOT NULL,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "readout_clearances" ADD CONSTRAINT "readout_clearances_readout_id_readouts_id_fk" FOREIGN KEY ("readout_id") REFERENCES "public"."readouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readout_clearances" ADD CONSTRAINT "readout_clearances_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readout_clearances" ADD CONSTRAINT "readout_clearances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readout_slugs" ADD CONSTRAINT "readout_slugs_readout_id_readouts_id_fk" FOREIGN KEY ("readout_id") REFERENCES "public"."readouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readout_versions" ADD CONSTRAINT "readout_versions_readout_id_readouts_id_fk" FOREIGN KEY ("readout_id") REFERENCES "public"."readouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readout_versions" ADD CONSTRAINT "readout_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readouts" ADD CONSTRAINT "readouts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "readout_clearances_readout_idx" ON "readout_clearances" USING btree ("readout_id","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "readouts_year_slug_unique" ON "readouts" USING btree ("year","slug");--> statement-breakpoint
CREATE INDEX "readouts_published_idx" ON "readouts" USING btree ("status","published_as","published_at");--> statement-breakpoint
CREATE INDEX "readouts_search_idx" ON "readouts" USING gin ("search_vector");