CREATE TABLE "screening_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"name" text NOT NULL,
	"ref" text NOT NULL,
	"score" numeric(4, 3) NOT NULL,
	"listed_name" text NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "screening_batch_rows" ADD COLUMN "rescreen" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_alerts" ADD CONSTRAINT "screening_alerts_batch_id_screening_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."screening_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "screening_alerts_batch_idx" ON "screening_alerts" USING btree ("batch_id");