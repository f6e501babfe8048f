CREATE TYPE "public"."ingest_fact_kind" AS ENUM('meeting', 'readout', 'speaker', 'new-member', 'money', 'incident', 'reference', 'commitment');--> statement-breakpoint
CREATE TYPE "public"."ingest_fact_status" AS ENUM('proposed', 'accepted', 'rejected');--> statement-breakpoint
CREATE TABLE "ingest_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"text_sha256" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"source_kind" text NOT NULL,
	"published_on" date,
	"text" text NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ingest_documents_text_sha256_unique" UNIQUE("text_sha256")
);
--> statement-breakpoint
CREATE TABLE "ingest_facts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "ingest_fact_kind" NOT NULL,
	"proposal" jsonb NOT NULL,
	"accepted" jsonb,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"status" "ingest_fact_status" DEFAULT 'proposed' NOT NULL,
	"record_type" text,
	"record_id" text,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_by_label" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ingest_documents" ADD CONSTRAINT "ingest_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_facts" ADD CONSTRAINT "ingest_facts_document_id_ingest_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."ingest_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_facts" ADD CONSTRAINT "ingest_facts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_facts_document_idx" ON "ingest_facts" USING btree ("document_id","position");