CREATE TABLE "monthly_summary" (
	"month_end" date NOT NULL,
	"prefecture" text NOT NULL,
	"table_type" "table_type" NOT NULL,
	"category" "facility_category" NOT NULL,
	"state" "facility_state" NOT NULL,
	"facilities" integer NOT NULL,
	"claims" bigint NOT NULL,
	CONSTRAINT "monthly_summary_month_end_prefecture_table_type_category_state_pk" PRIMARY KEY("month_end","prefecture","table_type","category","state")
);
--> statement-breakpoint
CREATE TABLE "summary_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"computed_through" date NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
