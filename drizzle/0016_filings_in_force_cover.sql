-- The follow-up list (db/queries/alert-sql.ts alertFacts) joins every candidate facility to its filing in
-- force and reads only these columns of it: carrying them in the partial index lets that join be an
-- index-only scan instead of a heap read per filing in force (tens of thousands nationally).
CREATE INDEX IF NOT EXISTS "filings_in_force_cover_idx" ON "filings" ("facility_code") INCLUDE ("filed_on", "deferral_until", "reason", "reason_sub", "readiness", "readiness_date", "usage_applied", "cert_applied", "outsourcer", "contractor") WHERE "in_force";
