-- The figures of a date (db/queries/still-to-move.ts) read the facilities still to move and each one's filing on
-- the date. With the columns they read riding in these two indexes (drizzle's builder has no INCLUDE), both reads
-- are index-only instead of a heap read per facility and per filing (tens of thousands nationally).
DROP INDEX "facilities_status_idx";
--> statement-breakpoint
CREATE INDEX "facilities_status_idx" ON "facilities" USING btree ("status","status_since") INCLUDE ("closed_on","code","prefecture","table_type","category","initial_state","shares_oqv_terminal","first_applied_on","first_certificate_on","first_online_on") WHERE status <> 'online';
--> statement-breakpoint
DROP INDEX "filings_identity_idx";
--> statement-breakpoint
CREATE UNIQUE INDEX "filings_identity_idx" ON "filings" USING btree ("facility_code","filed_on") INCLUDE ("deferral_until","reason","reason_sub","readiness","readiness_date","network","rececom","usage_applied","cert_applied","outsourcer");
