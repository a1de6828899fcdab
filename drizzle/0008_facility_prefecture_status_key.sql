DROP INDEX "facilities_prefecture_status_idx";--> statement-breakpoint
CREATE INDEX "facilities_prefecture_status_idx" ON "facilities" USING btree ("prefecture","status");