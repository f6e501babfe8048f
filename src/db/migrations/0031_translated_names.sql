ALTER TABLE "meetings" ADD COLUMN "title_fr" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "title_ar" text;--> statement-breakpoint
ALTER TABLE "funding_campaigns" ADD COLUMN "name_fr" text;--> statement-breakpoint
ALTER TABLE "funding_campaigns" ADD COLUMN "name_ar" text;--> statement-breakpoint
ALTER TABLE "detention_sites" ADD COLUMN "name_fr" text;--> statement-breakpoint
ALTER TABLE "detention_sites" ADD COLUMN "name_ar" text;--> statement-breakpoint
ALTER TABLE "detention_sites" ADD COLUMN "region_fr" text;--> statement-breakpoint
ALTER TABLE "detention_sites" ADD COLUMN "region_ar" text;--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "name_fr" text;--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "name_ar" text;--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "region_fr" text;--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "region_ar" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "place_fr" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "place_ar" text;