CREATE TYPE "public"."claim_method" AS ENUM('online', 'optical_disk', 'paper');--> statement-breakpoint
CREATE TYPE "public"."facility_category" AS ENUM('hospital', 'clinic', 'pharmacy');--> statement-breakpoint
CREATE TYPE "public"."facility_state" AS ENUM('optical_disk', 'deferred', 'applied', 'certificate_issued', 'online', 'closed');--> statement-breakpoint
CREATE TYPE "public"."import_kind" AS ENUM('facilities', 'filings', 'events');--> statement-breakpoint
CREATE TYPE "public"."table_type" AS ENUM('medical', 'dental', 'pharmacy');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'editor', 'viewer');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"user_email" text,
	"ip" text,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"code" text PRIMARY KEY NOT NULL,
	"prefecture" text NOT NULL,
	"table_type" "table_type" NOT NULL,
	"category" "facility_category" NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"postal_code" text,
	"phone" text,
	"specialties" text,
	"claim_method" "claim_method",
	"monthly_claims" integer,
	"shares_oqv_terminal" boolean DEFAULT false NOT NULL,
	"closed_on" date,
	"initial_state" "facility_state" NOT NULL,
	"status" "facility_state" NOT NULL,
	"status_since" date,
	"import_batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "filings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"facility_code" text NOT NULL,
	"filed_on" date NOT NULL,
	"facility_name" text,
	"phone" text,
	"specialties" text,
	"deferral_until" date NOT NULL,
	"reason" text NOT NULL,
	"reason_sub" smallint,
	"outsourcer" text,
	"reason_other" text,
	"readiness" text NOT NULL,
	"readiness_date" date,
	"readiness_other" text,
	"rececom" text,
	"rececom_month" text,
	"network" text NOT NULL,
	"network_month" text,
	"usage_applied" boolean NOT NULL,
	"cert_applied" boolean NOT NULL,
	"remarks" text,
	"founder_name" text,
	"address" text,
	"email" text,
	"in_force" boolean DEFAULT true NOT NULL,
	"import_batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "import_kind" NOT NULL,
	"file_name" text NOT NULL,
	"encoding" text,
	"user_id" integer,
	"user_email" text,
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "status_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"facility_code" text NOT NULL,
	"state" "facility_state" NOT NULL,
	"effective_on" date NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"backward" boolean DEFAULT false NOT NULL,
	"import_batch_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"prefectures" text[],
	"disabled" boolean DEFAULT false NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_facility_code_facilities_code_fk" FOREIGN KEY ("facility_code") REFERENCES "public"."facilities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_facility_code_facilities_code_fk" FOREIGN KEY ("facility_code") REFERENCES "public"."facilities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "facilities_prefecture_status_idx" ON "facilities" USING btree ("prefecture","status","table_type");--> statement-breakpoint
CREATE INDEX "facilities_status_idx" ON "facilities" USING btree ("status","status_since");--> statement-breakpoint
CREATE INDEX "facilities_table_type_idx" ON "facilities" USING btree ("table_type","prefecture");--> statement-breakpoint
CREATE INDEX "facilities_closed_on_idx" ON "facilities" USING btree ("closed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "filings_identity_idx" ON "filings" USING btree ("facility_code","filed_on");--> statement-breakpoint
CREATE INDEX "filings_in_force_idx" ON "filings" USING btree ("in_force","deferral_until");--> statement-breakpoint
CREATE UNIQUE INDEX "status_events_identity_idx" ON "status_events" USING btree ("facility_code","state","effective_on");--> statement-breakpoint
CREATE INDEX "status_events_asof_idx" ON "status_events" USING btree ("facility_code","effective_on" DESC NULLS FIRST,"state" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "status_events_effective_on_idx" ON "status_events" USING btree ("effective_on");