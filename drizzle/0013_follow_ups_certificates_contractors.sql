CREATE TABLE "certificates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"facility_code" text NOT NULL,
	"terminal" text NOT NULL,
	"applied_on" date,
	"issued_on" date,
	"expires_on" date,
	"renewed_on" date,
	"identity_on" date GENERATED ALWAYS AS (coalesce(applied_on, issued_on)) STORED NOT NULL,
	"import_batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prefecture_offices" (
	"prefecture" text PRIMARY KEY NOT NULL,
	"office_name" text NOT NULL,
	"phone" text,
	"portal_url" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "opened_on" date;--> statement-breakpoint
ALTER TABLE "filings" ADD COLUMN "contractor" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "diff" jsonb;--> statement-breakpoint
ALTER TABLE "saved_views" ADD COLUMN "shared" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_facility_code_facilities_code_fk" FOREIGN KEY ("facility_code") REFERENCES "public"."facilities"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prefecture_offices" ADD CONSTRAINT "prefecture_offices_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_identity_idx" ON "certificates" USING btree ("facility_code","terminal","identity_on");--> statement-breakpoint
CREATE INDEX "certificates_current_expiry_idx" ON "certificates" USING btree ("expires_on") WHERE renewed_on is null;--> statement-breakpoint
CREATE INDEX "certificates_renewed_on_idx" ON "certificates" USING btree ("renewed_on") WHERE renewed_on is not null;--> statement-breakpoint
CREATE INDEX "certificates_pending_idx" ON "certificates" USING btree ("applied_on") WHERE issued_on is null;--> statement-breakpoint
CREATE INDEX "certificates_issued_on_idx" ON "certificates" USING btree ("issued_on");--> statement-breakpoint
CREATE INDEX "contacts_promised_idx" ON "contacts" USING btree ("promised_on") WHERE promised_on is not null;--> statement-breakpoint
CREATE INDEX "filings_contractor_idx" ON "filings" USING btree ("contractor") WHERE contractor is not null;--> statement-breakpoint
CREATE INDEX "status_events_backward_idx" ON "status_events" USING btree ("facility_code") WHERE backward;