CREATE INDEX "funding_contributions_awaiting_idx" ON "funding_contributions" USING btree ("created_at") WHERE "funding_contributions"."status" = 'reported';--> statement-breakpoint
CREATE INDEX "funding_totals_status_idx" ON "funding_totals" USING btree ("status","campaign_id");--> statement-breakpoint
CREATE INDEX "taskings_branch_idx" ON "taskings" USING gin ("branch_slugs");--> statement-breakpoint
CREATE INDEX "taskings_due_idx" ON "taskings" USING btree ("due_on","created_at");