CREATE TABLE "prefecture_offices" (
	"prefecture" text PRIMARY KEY NOT NULL,
	"office_name" text NOT NULL,
	"phone" text,
	"portal_url" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prefecture_offices" ADD CONSTRAINT "prefecture_offices_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;