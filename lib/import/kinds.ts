/**
 * The import kinds, spelled once. Everything else that varies by kind is a table keyed by `ImportKind`
 * (the columns in headers.ts, the template's example row in template.ts, the row check in read.ts, the
 * writer in db/import/writers.ts, the label in the message catalogue's `imports.kinds`), so a new kind
 * does not compile until each of them says what it does with it.
 */
export const IMPORT_KINDS = ["facilities", "filings", "events", "claims"] as const;

export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return IMPORT_KINDS.includes(value as ImportKind);
}

export interface KindRules {
  /**
   * How a row is admitted to the caller's scope: a facility list by the prefecture it states, every
   * other kind by the facility on record (an unknown code is refused).
   */
  admit: "stated-prefecture" | "facility-on-record";
  /** Rows read per batch: a facility list needs no lookup, so its batches are smaller and go out sooner. */
  batchRows: number;
}

export const KIND_RULES: Record<ImportKind, KindRules> = {
  facilities: { admit: "stated-prefecture", batchRows: 1000 },
  filings: { admit: "facility-on-record", batchRows: 5000 },
  events: { admit: "facility-on-record", batchRows: 5000 },
  claims: { admit: "facility-on-record", batchRows: 5000 },
};
