import { LADDER, type LadderState } from "./states";

/**
 * The figures of the overview and prefecture pages as facility-list filters: each number on a page opens
 * the list with the filter that selects exactly the facilities it counts on its date. Deferral keys pick
 * from the facilities still to move whose filing's period covers the date (or, with `deferral=lapsed`,
 * has ended); `plan` from those still to move, by the plan of their latest filing; `reached` from the
 * funnel's facilities (started on optical disk, open on the date).
 */
export const APPLIED_ANSWERS = ["done", "not_yet", "unconfirmed"] as const;
export type AppliedAnswer = (typeof APPLIED_ANSWERS)[number];

export const DEFERRAL_DIMS = [
  "reason",
  "reasonSub",
  "readiness",
  "network",
  "rececom",
  "usageApplied",
  "certApplied",
  "deferralEnds",
  "contractor",
] as const;
export type DeferralDim = (typeof DEFERRAL_DIMS)[number];

export interface FigureFilter {
  /**
   * The deferral population: filings whose period covers the
   * date (default when any deferral key is set), or lapsed ones.
   */
  deferral?: "inForce" | "lapsed";
  reason?: "outsourced" | "transitional" | "other";
  reasonSub?: "1" | "2" | "3" | "4";
  readiness?: "december" | "march" | "september" | "other";
  network?: "ready" | "contracted" | "considering";
  rececom?: "ready" | "upgrade" | "checking";
  /** ⑩ as filed against the payer's records on the date: 済 and on record, 未, or 済 without a record. */
  usageApplied?: AppliedAnswer;
  certApplied?: AppliedAnswer;
  /** A deferral period ending in this month ('YYYY-MM'). */
  deferralEnds?: string;
  /** ⑥ア's contractor, as normalizeContractorName gives it. */
  contractor?: string;
  /**
   * Still to move on the date: everyone, by plan month ('YYYY-MM',
   * plan date still ahead), slipped, or without a filing.
   */
  plan?: string;
  /** The funnel step reached by the date. */
  reached?: LadderState;
}

export const FIGURE_KEYS = ["deferral", ...DEFERRAL_DIMS, "plan", "reached"] as const;

export function usesDeferral(f: FigureFilter): boolean {
  return f.deferral !== undefined || DEFERRAL_DIMS.some((k) => f[k] !== undefined);
}

/** The plan filter's values besides a month. */
export const PLAN_BUCKETS = ["remaining", "slipped", "none"] as const;

export const isPlanValue = (v: string) =>
  (PLAN_BUCKETS as readonly string[]).includes(v) || /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

export const isLadderState = (v: string): v is LadderState => (LADDER as readonly string[]).includes(v);

/** What the filings say on a date (db/queries/deferrals.ts computes it; the panel, its CSV and the API show it). */
export interface DeferralFigures {
  asOf: string;
  /** Facilities still to move on the date (not online, not closed) whose latest filing's period covers the date. */
  inForce: number;
  /**
   * Still to move, and their latest filing's period ended before
   * the date (they stay 猶予届出済; the follow-up rules flag them).
   */
  lapsed: number;
  reasons: Record<string, number>;
  transitionalSub: Record<string, number>;
  readiness: Record<string, number>;
  network: Record<string, number>;
  rececom: Record<string, number>;
  /**
   * ⑩(1) usage application and (2) certificate application as filed, checked against the payer's records on the date.
   */
  usageApplied: Record<string, number>;
  certApplied: Record<string, number>;
  /** ⑥ア by contractor (normalised name), most facilities first: one call moves them all. */
  contractors: { key: string; name: string; count: number }[];
  /** How many deferrals end in each month from the date on ('YYYY-MM' → count). */
  endingByMonth: { month: string; count: number }[];
}
