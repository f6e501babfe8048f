CREATE TYPE "public"."incident_attribution" AS ENUM('claimed', 'attributed', 'suspected');--> statement-breakpoint
CREATE TABLE "branches" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"region" text NOT NULL,
	"country_iso3s" text[] DEFAULT '{}' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"confidence" text
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_on" date NOT NULL,
	"local_time" text,
	"time_zone" text,
	"city" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"country_iso3" text NOT NULL,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"branch_slug" text NOT NULL,
	"attribution" "incident_attribution" NOT NULL,
	"killed_low" integer,
	"killed_high" integer,
	"injured_low" integer,
	"injured_high" integer,
	"targets" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"classification" "classification" DEFAULT 'coalition' NOT NULL,
	"restricted_group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_branch_slug_branches_slug_fk" FOREIGN KEY ("branch_slug") REFERENCES "public"."branches"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_branch_idx" ON "incidents" USING btree ("branch_slug","occurred_on");--> statement-breakpoint
CREATE INDEX "incidents_occurred_idx" ON "incidents" USING btree ("occurred_on");