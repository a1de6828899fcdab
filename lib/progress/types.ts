import type { EventState, LadderState } from "../states";
import type { Category, TableType } from "../table-types";

/** The shapes of the progress figures, shared by the queries that make them and the components that show them. */

export type ProgressGroupBy = "prefecture" | "tableType" | "category";

export interface ProgressFilter {
  asOf: string;
  groupBy: ProgressGroupBy;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

/**
 * "reported": the payers' counts of the month (monthly_claims), exact for past months; "estimated": the
 * facilities' listed monthly volumes over their state on the date, where no counts were imported;
 * "mixed" (totals only): some groups of each.
 */
export type ClaimsSource = "reported" | "estimated" | "mixed";

/** Monthly claim volume (where the lists carry it) over active facilities, and the part sent online. */
export interface ClaimVolume {
  total: number;
  online: number;
  onlineRate: number;
}

export interface ProgressGroup {
  key: string;
  label: string;
  labelEn: string;
  total: number;
  closed: number;
  counts: Record<LadderState, number>;
  onlineRate: number;
  claims: ClaimVolume;
  /** Where `claims` comes from: the payers' reported counts of `claimsMonth`, or the facilities' listed volumes. */
  claimsSource: ClaimsSource;
}

export interface ProgressResult {
  asOf: string;
  total: number;
  counts: Record<LadderState, number>;
  closed: number;
  onlineRate: number;
  claims: ClaimVolume;
  claimsSource: ClaimsSource;
  /** The month ('YYYY-MM') of the reported counts behind `claims`, when any are used. */
  claimsMonth?: string;
  /**
   * The estimate from the listed volumes, beside reported `claims` (the trend's line is the estimate month by month).
   */
  claimsEstimated?: ClaimVolume;
  groups: ProgressGroup[];
}

/** One (group, state) count of facilities, with their listed claim volume. */
export type ProgressRow = { key: string; state: EventState; n: number | string; claims?: number | string };

/** The payers' reported claim counts of one month by prefecture × table type × category. */
export interface ReportedClaimsCube {
  month: string;
  rows: { prefecture: string; table_type: string; category: string; total: number; online: number }[];
}
