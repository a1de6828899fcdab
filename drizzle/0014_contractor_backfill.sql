-- Filings stored before the contractor key existed: the same key lib/contractors.ts normalizeContractorName
-- writes with every new filing (NFKC, legal-form words dropped, whitespace removed, letters upper-cased;
-- upper() also folds non-ASCII letters, which company names here do not use).
UPDATE "filings"
SET "contractor" = nullif(upper(regexp_replace(regexp_replace(normalize("outsourcer", NFKC), '株式会社|有限会社|合同会社|\(株\)|\(有\)|\(合\)', '', 'g'), '\s+', '', 'g')), '')
WHERE "outsourcer" IS NOT NULL AND "contractor" IS NULL;
