ALTER TABLE "sanctioned_entities" ADD COLUMN "same_as" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "sanctions_list_versions" ADD COLUMN "published_on" date;