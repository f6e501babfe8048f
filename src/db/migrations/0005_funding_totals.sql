CREATE TABLE "funding_totals" (
	"campaign_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"stage" "contribution_stage" NOT NULL,
	"status" "contribution_status" NOT NULL,
	"theater_slug" text,
	"channel" text,
	"month" text NOT NULL,
	"amount" numeric(50, 16) NOT NULL,
	"contributions" integer NOT NULL,
	"illustrative_contributions" integer NOT NULL,
	CONSTRAINT "funding_totals_key" UNIQUE NULLS NOT DISTINCT("campaign_id","partner_id","stage","status","theater_slug","channel","month")
);
