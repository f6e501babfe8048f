ALTER TABLE "funding_fulfilments" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
UPDATE "funding_fulfilments" AS f SET "campaign_id" = c."campaign_id" FROM "funding_contributions" AS c WHERE c."id" = f."fulfilling_id";--> statement-breakpoint
ALTER TABLE "funding_fulfilments" ALTER COLUMN "campaign_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "funding_fulfilments" ADD CONSTRAINT "funding_fulfilments_campaign_id_funding_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."funding_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_fulfilments_campaign_idx" ON "funding_fulfilments" USING btree ("campaign_id");
