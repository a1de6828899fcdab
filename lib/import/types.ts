import type { ErrorCode, ErrorParams } from "../i18n/errors";
import type { EventState } from "../states";
import type { Category, ClaimMethod, TableType } from "../table-types";
import type { ImportKind } from "./kinds";

/** One valid row of each kind, shaped for the database writers (db/import/*). */
export interface FacilityRow {
  code: string;
  prefecture: string;
  tableType: TableType;
  category?: Category | null;
  name: string;
  address?: string | null;
  postalCode?: string | null;
  phone?: string | null;
  specialties?: string | null;
  claimMethod?: ClaimMethod | null;
  monthlyClaims?: number | null;
  sharesOqvTerminal?: boolean | null;
  closedOn?: string | null;
  /** 開設日 (optional column). */
  openedOn?: string | null;
}

export interface FilingRow {
  code: string;
  filedOn: string;
  facilityName: string | null;
  phone: string | null;
  specialties: string | null;
  deferralUntil: string;
  reason: "outsourced" | "transitional" | "other";
  reasonSub: number | null;
  outsourcer: string | null;
  reasonOther: string | null;
  readiness: "december" | "march" | "september" | "other";
  readinessDate: string | null;
  readinessOther: string | null;
  rececom: "ready" | "upgrade" | "checking" | null;
  rececomMonth: string | null;
  network: "ready" | "contracted" | "considering";
  networkMonth: string | null;
  usageApplied: boolean;
  certApplied: boolean;
  remarks: string | null;
  founderName: string | null;
  address: string | null;
  email: string | null;
}

export interface EventRow {
  code: string;
  state: EventState;
  effectiveOn: string;
  note: string | null;
  /** The row's certificate columns, when it has any (optional columns; older files have none). */
  certificate?: CertificateRow | null;
}

/**
 * A certificate record for one terminal. `expiresOn` null means "the issue day plus the term" (the term is
 * a setting, applied when the row is written).
 */
export interface CertificateRow {
  code: string;
  terminal: string;
  appliedOn: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

/** A row of the payers' records that carries only a certificate (no state, no date). */
export interface CertificateOnlyRow {
  code: string;
  certificate: CertificateRow;
}

/** One facility's claims for one month ('YYYY-MM'), from the payers' monthly counts. */
export interface ClaimsRow {
  code: string;
  month: string;
  claims: number;
  onlineClaims: number;
}

/** A rejected row: its line in the file (the header is line 1), the column, the value and why. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  /** In Japanese; `code` and `params` give it in the reader's language (batches stored before codes have none). */
  message: string;
  code?: ErrorCode;
  params?: ErrorParams;
  /** From a workbook: the sheet and the cell as Excel names it (B12). */
  sheet?: string;
  cell?: string;
}

/** What an import reports (contracts.md), plus its batch and how the headers were read (not in the contract). */
export interface ImportSummary {
  kind: ImportKind;
  file: string;
  encoding: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  /** The first errors in file order (at most MAX_KEPT_ERRORS, lib/import/limits.ts). */
  errors: RowError[];
  /** Errors counted but not kept beyond the first ones (0 when all are in `errors`). */
  errorsOmitted: number;
  /** From a workbook: the sheet read and every sheet of the book (for choosing another). */
  sheet?: string;
  sheets?: string[];
  batchId?: number;
  mapping?: { matched: Record<string, string>; unknown: string[]; duplicates: string[] };
  /** Dry runs only: what would change, per facility. */
  diff?: DryRunDiff;
}

/** Kinds of change a dry run reports per facility. */
export type DiffChange = "new" | "forward" | "backward" | "closed" | "renamed" | "repaired";

export interface DiffItem {
  code: string;
  name: string | null;
  change: DiffChange;
  /** State (or name) before and after; for a repair, null. */
  from: string | null;
  to: string | null;
  /** The line in the file (repairs). */
  row?: number;
  /** A date (backward step) or what was repaired. */
  detail?: string;
}

export interface DryRunDiff {
  groups: { change: DiffChange; count: number }[];
  /** The first 5,000 lines, most serious first (backward steps, closings, moves, new, renamed, repaired). */
  items: DiffItem[];
  truncated: boolean;
}
