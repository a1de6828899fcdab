ALTER TABLE "facilities" ADD COLUMN "first_deferred_on" date;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "first_applied_on" date;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "first_certificate_on" date;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "first_online_on" date;