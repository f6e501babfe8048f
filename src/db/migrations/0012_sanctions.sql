CREATE TYPE "public"."sanctions_list" AS ENUM('UN', 'OFAC-SDN', 'OFAC-CONS');--> statement-breakpoint
CREATE TABLE "sanctioned_entities" (
	"version_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"kind" text NOT NULL,
	"names" jsonb NOT NULL,
	"birth_dates" text[] DEFAULT '{}' NOT NULL,
	"nationalities" text[] DEFAULT '{}' NOT NULL,
	"programmes" text[] DEFAULT '{}' NOT NULL,
	"listed_on" date,
	"fingerprint" text NOT NULL,
	CONSTRAINT "sanctioned_entities_version_id_ref_pk" PRIMARY KEY("version_id","ref")
);
--> statement-breakpoint
CREATE TABLE "sanctions_list_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list" "sanctions_list" NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_sha256" text NOT NULL,
	"file_names" text[] NOT NULL,
	"entity_count" integer NOT NULL,
	"imported_by" uuid,
	"imported_by_label" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sanctioned_entities" ADD CONSTRAINT "sanctioned_entities_version_id_sanctions_list_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."sanctions_list_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions_list_versions" ADD CONSTRAINT "sanctions_list_versions_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sanctions_list_versions_list_idx" ON "sanctions_list_versions" USING btree ("list","imported_at");