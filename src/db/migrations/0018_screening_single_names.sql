CREATE TYPE "public"."screening_source" AS ENUM('file', 'single');--> statement-breakpoint
ALTER TABLE "screening_batches" ADD COLUMN "source" "screening_source" DEFAULT 'file' NOT NULL;