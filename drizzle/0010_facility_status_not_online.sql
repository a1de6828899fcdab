DROP INDEX "facilities_status_idx";--> statement-breakpoint
CREATE INDEX "facilities_status_idx" ON "facilities" USING btree ("status","status_since") WHERE status <> 'online';