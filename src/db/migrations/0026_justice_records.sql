CREATE TYPE "public"."justice_kind" AS ENUM('investigations', 'charged', 'convicted', 'acquitted', 'sentenced-to-death', 'repatriated-and-prosecuted', 'landmark-judgment', 'mechanism-milestone');--> statement-breakpoint
CREATE TYPE "public"."justice_status" AS ENUM('reported', 'verified');--> statement-breakpoint
CREATE TYPE "public"."justice_legal_basis" AS ENUM('terrorism', 'membership', 'war-crimes', 'crimes-against-humanity', 'genocide', 'other');--> statement-breakpoint
CREATE TABLE "justice_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_iso3" text,
	"mechanism" text,
	"partner_id" uuid,
	"period_start" text,
	"period_end" text NOT NULL,
	"start_day" date,
	"end_day" date NOT NULL,
	"kind" "justice_kind" NOT NULL,
	"count" integer,
	"legal_basis" "justice_legal_basis",
	"court_or_body" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sources" text[] NOT NULL,
	"confidence" text,
	"overlaps_national" boolean DEFAULT false NOT NULL,
	"status" "justice_status" DEFAULT 'reported' NOT NULL,
	"reported_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"correction_reason" text,
	"classification" "classification" DEFAULT 'coalition' NOT NULL,
	"restricted_group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "justice_records" ADD CONSTRAINT "justice_records_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_records" ADD CONSTRAINT "justice_records_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "justice_records" ADD CONSTRAINT "justice_records_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "justice_records_state_idx" ON "justice_records" USING btree ("state_iso3","end_day");--> statement-breakpoint
CREATE INDEX "justice_records_kind_idx" ON "justice_records" USING btree ("kind","end_day");