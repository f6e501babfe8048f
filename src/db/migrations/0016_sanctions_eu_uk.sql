ALTER TYPE "public"."sanctions_list" ADD VALUE 'EU';--> statement-breakpoint
ALTER TYPE "public"."sanctions_list" ADD VALUE 'UK';