ALTER TABLE "sanctioned_entities" ADD COLUMN "birth_places" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "sanctioned_entities" ADD COLUMN "documents" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sanctioned_entities" ADD COLUMN "addresses" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "sanctioned_entities" ADD COLUMN "raw" jsonb;