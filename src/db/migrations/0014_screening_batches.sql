CREATE TYPE "public"."screening_batch_status" AS ENUM('queued', 'running', 'done');--> statement-breakpoint
CREATE TABLE "screening_batch_rows" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"row_id" text NOT NULL,
	"name" text NOT NULL,
	"dob" text,
	"nationality" text,
	"hits" jsonb,
	CONSTRAINT "screening_batch_rows_batch_id_row_number_pk" PRIMARY KEY("batch_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "screening_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"status" "screening_batch_status" DEFAULT 'queued' NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"hit_rows" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"partner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "screening_batch_rows" ADD CONSTRAINT "screening_batch_rows_batch_id_screening_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."screening_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_batches" ADD CONSTRAINT "screening_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;