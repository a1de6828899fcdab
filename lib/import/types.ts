import type { EventState } from "../states";
import type { Category, ClaimMethod, TableType } from "../table-types";

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
}

/** A rejected row: its line in the file (the header is line 1), the column, the value and why. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
  /** From a workbook: the sheet and the cell as Excel names it (B12). */
  sheet?: string;
  cell?: string;
}

/** What an import reports (contracts.md), plus its batch and how the headers were read (not in the contract). */
export interface ImportSummary {
  kind: "facilities" | "filings" | "events";
  file: string;
  encoding: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  errors: RowError[];
  /** From a workbook: the sheet read and every sheet of the book (for choosing another). */
  sheet?: string;
  sheets?: string[];
  batchId?: number;
  mapping?: { matched: Record<string, string>; unknown: string[]; duplicates: string[] };
}
