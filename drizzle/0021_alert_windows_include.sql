-- drizzle's index builder has no INCLUDE: the follow-up list reads the rules firing on a date
-- (fires_from <= date <= fires_until) with every column it groups and filters on, as one index-only range.
-- The rows themselves come from the rules' code, not from SQL kept here: db/migrate.ts builds them after the
-- migrations whenever alert_windows_state says they were built with other rules (as after this one).
DROP INDEX "alert_windows_fires_idx";
--> statement-breakpoint
CREATE INDEX "alert_windows_fires_idx" ON "alert_windows" USING btree ("fires_from") INCLUDE ("fires_until", "facility_code", "rule", "due_on", "prefecture", "table_type", "category", "status", "contractor", "outsourcer");
