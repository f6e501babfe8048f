ALTER TYPE "public"."ingest_fact_kind" ADD VALUE 'detention';--> statement-breakpoint
ALTER TYPE "public"."ingest_fact_kind" ADD VALUE 'repatriation';--> statement-breakpoint
ALTER TYPE "public"."ingest_fact_kind" ADD VALUE 'prosecution';