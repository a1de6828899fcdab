DROP INDEX "facilities_table_type_idx";--> statement-breakpoint
DROP INDEX "facilities_closed_on_idx";--> statement-breakpoint
DROP INDEX "facilities_status_since_idx";--> statement-breakpoint
CREATE INDEX "facilities_closed_on_idx" ON "facilities" USING btree ("closed_on") WHERE closed_on is not null;--> statement-breakpoint
CREATE INDEX "facilities_status_since_idx" ON "facilities" USING btree ("status_since") WHERE status_since is not null;