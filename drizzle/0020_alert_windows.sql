CREATE TABLE "alert_windows" (
	"facility_code" text NOT NULL,
	"rule" smallint NOT NULL,
	"due_on" date NOT NULL,
	"fires_from" date NOT NULL,
	"fires_until" date,
	"prefecture" text NOT NULL,
	"table_type" "table_type" NOT NULL,
	"category" "facility_category" NOT NULL,
	"status" "facility_state" NOT NULL,
	"contractor" text,
	"outsourcer" text
);
--> statement-breakpoint
CREATE TABLE "alert_windows_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"rules_key" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "alert_windows_facility_idx" ON "alert_windows" USING btree ("facility_code");--> statement-breakpoint
CREATE INDEX "alert_windows_fires_idx" ON "alert_windows" USING btree ("fires_from");--> statement-breakpoint
CREATE INDEX "certificates_applied_on_idx" ON "certificates" USING btree ("applied_on");--> statement-breakpoint
CREATE INDEX "contacts_contacted_on_idx" ON "contacts" USING btree ("contacted_on");--> statement-breakpoint
CREATE INDEX "filings_filed_on_idx" ON "filings" USING btree ("filed_on");