CREATE TABLE "readout_translations" (
	"readout_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body_markdown" text NOT NULL,
	"translator_id" uuid,
	"translator_label" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readout_translations_readout_id_locale_pk" PRIMARY KEY("readout_id","locale")
);
--> statement-breakpoint
ALTER TABLE "readout_translations" ADD CONSTRAINT "readout_translations_readout_id_readouts_id_fk" FOREIGN KEY ("readout_id") REFERENCES "public"."readouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readout_translations" ADD CONSTRAINT "readout_translations_translator_id_users_id_fk" FOREIGN KEY ("translator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;