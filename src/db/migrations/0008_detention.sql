CREATE TYPE "public"."breakdown_dimension" AS ENUM('nationality', 'category');--> statement-breakpoint
CREATE TYPE "public"."detention_figure_status" AS ENUM('reported', 'verified');--> statement-breakpoint
CREATE TYPE "public"."detention_site_kind" AS ENUM('detention-facility', 'displaced-persons-camp');--> statement-breakpoint
CREATE TABLE "detention_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "detention_site_kind" NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"country_iso3" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"operator" text DEFAULT '' NOT NULL,
	"known_from" text,
	"known_to" text,
	"source" text DEFAULT '' NOT NULL,
	"classification" "classification" DEFAULT 'restricted' NOT NULL,
	"restricted_group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"as_of" text NOT NULL,
	"as_of_day" date NOT NULL,
	"total" integer,
	"partial" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"confidence" text,
	"reported_by" uuid,
	"replaces_id" uuid,
	"replaced_at" timestamp with time zone,
	"replacement_reason" text,
	"classification" "classification" DEFAULT 'restricted' NOT NULL,
	"restricted_group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repatriations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"receiving_iso3" text,
	"partner_id" uuid,
	"period" text NOT NULL,
	"period_start" date,
	"cumulative" boolean DEFAULT false NOT NULL,
	"site_id" uuid,
	"people" integer,
	"men" integer,
	"women" integer,
	"children" integer,
	"note" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"confidence" text,
	"status" "detention_figure_status" DEFAULT 'reported' NOT NULL,
	"reported_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"correction_reason" text,
	"classification" "classification" DEFAULT 'restricted' NOT NULL,
	"restricted_group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshot_breakdowns" (
	"snapshot_id" uuid NOT NULL,
	"dimension" "breakdown_dimension" NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "population_snapshots" ADD CONSTRAINT "population_snapshots_site_id_detention_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."detention_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "population_snapshots" ADD CONSTRAINT "population_snapshots_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repatriations" ADD CONSTRAINT "repatriations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repatriations" ADD CONSTRAINT "repatriations_site_id_detention_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."detention_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repatriations" ADD CONSTRAINT "repatriations_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repatriations" ADD CONSTRAINT "repatriations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_breakdowns" ADD CONSTRAINT "snapshot_breakdowns_snapshot_id_population_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."population_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "population_snapshots_current_unique" ON "population_snapshots" USING btree ("site_id","as_of") WHERE replaced_at is null;--> statement-breakpoint
CREATE INDEX "population_snapshots_site_idx" ON "population_snapshots" USING btree ("site_id","as_of_day");--> statement-breakpoint
CREATE INDEX "repatriations_receiving_idx" ON "repatriations" USING btree ("receiving_iso3","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "snapshot_breakdowns_unique" ON "snapshot_breakdowns" USING btree ("snapshot_id","dimension","key");