CREATE TYPE "public"."screening_decision" AS ENUM('confirmed-match', 'false-positive');--> statement-breakpoint
CREATE TABLE "screening_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_key" text NOT NULL,
	"name_as_screened" text NOT NULL,
	"entity_ref" text NOT NULL,
	"entity_fingerprint" text NOT NULL,
	"decision" "screening_decision" NOT NULL,
	"note" text NOT NULL,
	"decided_by" uuid,
	"decided_by_label" text NOT NULL,
	"partner_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "screening_decisions_key_idx" ON "screening_decisions" USING btree ("name_key","entity_ref");