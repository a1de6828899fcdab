import type { DeferralFigures } from "../figure-filter";
import type { LadderState } from "../states";
import type { ClaimVolume, ProgressResult } from "../progress/types";

/** The shapes of the overview's figures: made by db/queries, shown by components and the API. */

/** The payers' reported claims of one month: all claims and those sent online. */
export interface ReportedClaims {
  month: string;
  total: number;
  online: number;
  onlineRate: number;
}

export interface TrendPoint {
  /** The last day of the month (or the as-of date for the last, partial month). */
  date: string;
  total: number;
  closed: number;
  counts: Record<LadderState, number>;
  onlineRate: number;
  /**
   * Monthly claims of the active facilities (as their lists give
   * them) and the part from those online: the share by volume.
   */
  claims: ClaimVolume;
  /** The payers' reported claims of the point's month and the part sent online, where the counts were imported. */
  reportedClaims?: ReportedClaims;
}

export interface FunnelStep {
  state: LadderState;
  /** Facilities that reached this step (started there or moved to it) by the date. */
  reached: number;
  /** Of those, the ones that went further (to any later step). */
  movedOn: number;
  moveOnRate: number;
  /** Median days from reaching this step to reaching the next one reached; null without dated pairs. */
  medianDays: number | null;
}

export interface PlanForecast {
  asOf: string;
  /** Active facilities not online on the date. */
  remaining: number;
  /** Of those, with a plan date still ahead, by plan month ('YYYY-MM'). */
  plannedByMonth: { month: string; count: number }[];
  /** Plan date passed without going online. */
  slipped: number;
  /** No filing on or before the date to take a plan from. */
  withoutPlan: number;
  /** The first few slipped facilities, latest plan first, for the list beside the chart. */
  slippedSample: { code: string; name: string; prefecture: string; planOn: string; status: string }[];
}

export interface ExpiringMonth {
  /** 'YYYY-MM' */
  month: string;
  /** Facilities whose certificate_expiring alert falls due in the month (the list's rows, one per facility). */
  facilities: number;
  /** The list range that gives exactly these facilities. */
  dueFrom: string;
  dueBefore: string;
}

export interface CertificateWatch {
  months: ExpiringMonth[];
  /** Facilities with a lapsed certificate (certificate_expired). */
  expired: number;
}

export interface RegressionEvent {
  code: string;
  name: string;
  prefecture: string;
  /** The day the facility left online, and the state it went back to. */
  leftOn: string;
  state: string;
  /** Back online since (null while still off). */
  backOn: string | null;
  /** The payer's note on the step. */
  note: string | null;
  /** The first contact logged on or after the step: why, in the facility's words. */
  contactOn: string | null;
  contactNote: string | null;
}

export interface RegressionCounts {
  thisMonth: number;
  sinceStart: number;
  /** Facilities back on disk on the date (the follow-up list's regression alert). */
  stillOff: number;
}

export interface DashboardData {
  byPrefecture: ProgressResult;
  byTableType: ProgressResult;
  byCategory: ProgressResult;
  trend: TrendPoint[];
  funnel: FunnelStep[];
  deferrals: DeferralFigures;
  plan: PlanForecast;
}
