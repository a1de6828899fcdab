-- drizzle's index builder has no INCLUDE: the table type rides in the index without being a key column, so
-- that counts by prefecture, state and table type stay index-only while the index builds faster.
DROP INDEX "facilities_prefecture_status_idx";
--> statement-breakpoint
CREATE INDEX "facilities_prefecture_status_idx" ON "facilities" USING btree ("prefecture","status") INCLUDE ("table_type");
