DROP INDEX "incidents_branch_idx";--> statement-breakpoint
DROP INDEX "incidents_occurred_idx";--> statement-breakpoint
CREATE INDEX "readouts_updated_idx" ON "readouts" USING btree ("updated_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "funding_contributions_campaign_day_idx" ON "funding_contributions" USING btree ("campaign_id","contributed_on","id");--> statement-breakpoint
CREATE INDEX "incidents_branch_day_idx" ON "incidents" USING btree ("branch_slug","occurred_on","id");--> statement-breakpoint
CREATE INDEX "incidents_day_idx" ON "incidents" USING btree ("occurred_on","id");--> statement-breakpoint
CREATE INDEX "screening_alerts_raised_idx" ON "screening_alerts" USING btree ("raised_at","id");