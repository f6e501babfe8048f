DROP INDEX "screening_decisions_key_idx";--> statement-breakpoint
ALTER TABLE "screening_batch_rows" ADD COLUMN "name_key" text;--> statement-breakpoint
CREATE INDEX "screening_batch_rows_hits_idx" ON "screening_batch_rows" USING btree ("batch_id","row_number") WHERE jsonb_array_length("screening_batch_rows"."hits") > 0;--> statement-breakpoint
CREATE INDEX "screening_batches_listed_idx" ON "screening_batches" USING btree ("source","created_at","id");--> statement-breakpoint
CREATE INDEX "screening_decisions_key_idx" ON "screening_decisions" USING btree ("name_key","entity_ref","decided_at");--> statement-breakpoint
-- Rows screened before name_key existed get it when screened again: the worker writes it with the hits
-- (the key is the matcher's normalisation, computed in the application, not in SQL). Until then their hits
-- list as undecided. A row with no hits has nothing to filter.
UPDATE "screening_batch_rows" SET "rescreen" = true WHERE "name_key" IS NULL AND jsonb_array_length("hits") > 0;
