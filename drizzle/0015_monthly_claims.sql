ALTER TYPE "public"."import_kind" ADD VALUE 'claims';--> statement-breakpoint
CREATE TABLE "monthly_claims" (
	"facility_code" text NOT NULL,
	"month" date NOT NULL,
	"claims" integer NOT NULL,
	"online_claims" integer NOT NULL,
	"import_batch_id" integer,
	CONSTRAINT "monthly_claims_facility_code_month_pk" PRIMARY KEY("facility_code","month")
);
--> statement-breakpoint
ALTER TABLE "monthly_claims" ADD CONSTRAINT "monthly_claims_facility_code_facilities_code_fk" FOREIGN KEY ("facility_code") REFERENCES "public"."facilities"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_claims" ADD CONSTRAINT "monthly_claims_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monthly_claims_month_idx" ON "monthly_claims" USING btree ("month");