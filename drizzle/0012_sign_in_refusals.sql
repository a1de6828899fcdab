CREATE TABLE "sign_in_refusals" (
	"key" text PRIMARY KEY NOT NULL,
	"email" text,
	"ip" text,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refused" integer DEFAULT 1 NOT NULL
);
