CREATE TYPE "public"."contribution_stage" AS ENUM('pledge', 'commitment', 'disbursement');--> statement-breakpoint
CREATE TYPE "public"."contribution_status" AS ENUM('reported', 'verified', 'rejected');--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"currency" text NOT NULL,
	"rate_date" date NOT NULL,
	"units_per_eur" numeric(30, 12) NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_currency_rate_date_pk" PRIMARY KEY("currency","rate_date")
);
--> statement-breakpoint
CREATE TABLE "funding_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"goal_amount" numeric(28, 4),
	"currency" text NOT NULL,
	"goal_is_lower_bound" boolean DEFAULT false NOT NULL,
	"theater_slugs" text[] DEFAULT '{}' NOT NULL,
	"channels" text[] DEFAULT '{}' NOT NULL,
	"stated_pledged" numeric(28, 4),
	"stated_pledged_is_lower_bound" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"as_of" text,
	"confidence" text,
	"classification" "classification" DEFAULT 'coalition' NOT NULL,
	"restricted_group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"stage" "contribution_stage" NOT NULL,
	"amount" numeric(28, 4) NOT NULL,
	"currency" text NOT NULL,
	"rate_to_campaign" numeric(30, 12) NOT NULL,
	"rate_date" date NOT NULL,
	"amount_in_campaign_currency" numeric(44, 16) NOT NULL,
	"channel" text,
	"theater_slug" text,
	"contributed_on" date NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"status" "contribution_status" DEFAULT 'reported' NOT NULL,
	"reported_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_fulfilments" (
	"fulfilling_id" uuid NOT NULL,
	"fulfilled_id" uuid NOT NULL,
	"amount" numeric(44, 16) NOT NULL,
	CONSTRAINT "funding_fulfilments_fulfilling_id_fulfilled_id_pk" PRIMARY KEY("fulfilling_id","fulfilled_id")
);
--> statement-breakpoint
ALTER TABLE "funding_contributions" ADD CONSTRAINT "funding_contributions_campaign_id_funding_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."funding_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_contributions" ADD CONSTRAINT "funding_contributions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_contributions" ADD CONSTRAINT "funding_contributions_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_contributions" ADD CONSTRAINT "funding_contributions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_fulfilments" ADD CONSTRAINT "funding_fulfilments_fulfilling_id_funding_contributions_id_fk" FOREIGN KEY ("fulfilling_id") REFERENCES "public"."funding_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_fulfilments" ADD CONSTRAINT "funding_fulfilments_fulfilled_id_funding_contributions_id_fk" FOREIGN KEY ("fulfilled_id") REFERENCES "public"."funding_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_contributions_campaign_idx" ON "funding_contributions" USING btree ("campaign_id","status","stage");--> statement-breakpoint
CREATE INDEX "funding_contributions_partner_idx" ON "funding_contributions" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "funding_fulfilments_fulfilled_idx" ON "funding_fulfilments" USING btree ("fulfilled_id");