-- Fills the claims summary (0017) from the counts already imported, so that an existing database shows the
-- same reported shares after the upgrade as before it.
INSERT INTO "claims_summary" ("month", "prefecture", "table_type", "category", "claims", "online_claims")
SELECT m."month", f."prefecture", f."table_type", f."category", sum(m."claims"), sum(m."online_claims")
FROM "monthly_claims" m JOIN "facilities" f ON f."code" = m."facility_code"
GROUP BY m."month", f."prefecture", f."table_type", f."category"
ON CONFLICT DO NOTHING;
