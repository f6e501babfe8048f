ALTER TABLE "groups" ADD COLUMN "name_fr" text;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "name_ar" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "notes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "readouts" ADD COLUMN "cleared_outside" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "readouts" ADD COLUMN "published_outside_on" date;