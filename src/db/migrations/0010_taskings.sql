CREATE TYPE "public"."commitment_kind" AS ENUM('intends', 'pledges', 'agrees', 'affirms', 'urges');--> statement-breakpoint
CREATE TYPE "public"."commitment_status" AS ENUM('open', 'met', 'lapsed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."rollup_method" AS ENUM('average', 'weighted');--> statement-breakpoint
CREATE TYPE "public"."tasking_status" AS ENUM('open', 'in-progress', 'reported', 'closed');--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partner_id" uuid,
	"statement" text NOT NULL,
	"kind" "commitment_kind" NOT NULL,
	"theater_slug" text,
	"due_on" date,
	"status" "commitment_status" DEFAULT 'open' NOT NULL,
	"evidence" text[] DEFAULT '{}' NOT NULL,
	"classification" "classification" DEFAULT 'coalition' NOT NULL,
	"restricted_group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasking_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tasking_id" uuid NOT NULL,
	"body" text NOT NULL,
	"progress" integer,
	"presented_at_meeting_id" uuid,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taskings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"group_id" uuid NOT NULL,
	"parent_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"branch_slugs" text[] DEFAULT '{}' NOT NULL,
	"theater_slugs" text[] DEFAULT '{}' NOT NULL,
	"due_on" date,
	"status" "tasking_status" DEFAULT 'open' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"rollup" "rollup_method" DEFAULT 'average' NOT NULL,
	"classification" "classification" DEFAULT 'coalition' NOT NULL,
	"restricted_group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasking_updates" ADD CONSTRAINT "tasking_updates_tasking_id_taskings_id_fk" FOREIGN KEY ("tasking_id") REFERENCES "public"."taskings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasking_updates" ADD CONSTRAINT "tasking_updates_presented_at_meeting_id_meetings_id_fk" FOREIGN KEY ("presented_at_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasking_updates" ADD CONSTRAINT "tasking_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskings" ADD CONSTRAINT "taskings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskings" ADD CONSTRAINT "taskings_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskings" ADD CONSTRAINT "taskings_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskings" ADD CONSTRAINT "taskings_parent_id_taskings_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."taskings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_partner_idx" ON "commitments" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "commitments_meeting_idx" ON "commitments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "tasking_updates_tasking_idx" ON "tasking_updates" USING btree ("tasking_id");--> statement-breakpoint
CREATE INDEX "taskings_group_idx" ON "taskings" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "taskings_meeting_idx" ON "taskings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "taskings_parent_idx" ON "taskings" USING btree ("parent_id");