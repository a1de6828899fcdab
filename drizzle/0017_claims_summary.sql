CREATE TABLE "claims_summary" (
	"month" date NOT NULL,
	"prefecture" text NOT NULL,
	"table_type" "table_type" NOT NULL,
	"category" "facility_category" NOT NULL,
	"claims" bigint NOT NULL,
	"online_claims" bigint NOT NULL,
	CONSTRAINT "claims_summary_month_prefecture_table_type_category_pk" PRIMARY KEY("month","prefecture","table_type","category")
);
