/**
 * The follow-up alert rules (contracts.md, "Alert rules"): their ids, names for filters, how urgent each
 * is, and the thresholds they use. The ids are public (the `alert` filter and `alerts[].rule`).
 */

/** Every rule id, most urgent first: breaches of the rules, then missed steps, then data to check. */
export const ALERT_RULES = [
  "deferral_expired",
  "no_filing",
  "closure_overdue",
  "apply_by_passed",
  "deferral_expiring",
  "start_missed",
  "certificate_overdue",
  "plan_slipped",
  "filing_mismatch",
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** high: the facility is outside the rules now; medium: it is slipping; low: the records disagree. */
export type AlertSeverity = "high" | "medium" | "low";

export interface AlertRuleInfo {
  ja: string;
  en: string;
  severity: AlertSeverity;
}

export const ALERT_RULE_INFO: Record<AlertRule, AlertRuleInfo> = {
  deferral_expired: { ja: "猶予期限切れ", en: "Deferral expired", severity: "high" },
  no_filing: { ja: "猶予未届出", en: "No deferral filing", severity: "high" },
  closure_overdue: { ja: "休廃止未了", en: "Closure overdue", severity: "high" },
  apply_by_passed: { ja: "利用申請期限超過", en: "Application date passed", severity: "high" },
  deferral_expiring: { ja: "猶予期限間近", en: "Deferral ending soon", severity: "medium" },
  start_missed: { ja: "請求開始遅れ", en: "Online start missed", severity: "medium" },
  certificate_overdue: { ja: "電子証明書未発行", en: "Certificate overdue", severity: "medium" },
  plan_slipped: { ja: "移行計画遅れ", en: "Plan slipped", severity: "medium" },
  filing_mismatch: { ja: "届出内容の不一致", en: "Filing mismatch", severity: "low" },
};

export function isAlertRule(value: string): value is AlertRule {
  return (ALERT_RULES as readonly string[]).includes(value);
}

/** Position in the urgency order: 0 is the most urgent. */
export function alertRuleRank(rule: AlertRule): number {
  return ALERT_RULES.indexOf(rule);
}

export interface Alert {
  rule: AlertRule;
  /**
   * The date that matters, always the last day that was (or is) still in time: the deferral end, the
   * apply-by date, the readiness date, the day the allowed days after applying run out, the filing date
   * for a mismatch. Overdue rules fire from the day after it; deferral_expiring fires up to and on it.
   */
  dueOn: string;
  message: { ja: string; en: string };
}

/** Earliest dueOn first; on the same day the more urgent rule first. */
export function compareAlerts(a: Alert, b: Alert): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  return alertRuleRank(a.rule) - alertRuleRank(b.rule);
}

export interface AlertSettings {
  /**
   * Last day to file a deferral (no_filing): 31 August of the first deferral year, 2024. Renewals are
   * not checked against later 31 Augusts; an ended deferral is deferral_expired instead.
   */
  filingDeadline: string;
  /** deferral_expiring: days before the deferral end from which a facility that has not applied is flagged. */
  expiringWithinDays: number;
  /** certificate_overdue: days allowed from the usage application to the certificate. */
  certificateDays: number;
  /** start_missed: days allowed from the certificate to the first online claim. */
  startDays: number;
}

export const DEFAULT_ALERT_SETTINGS: Readonly<AlertSettings> = Object.freeze({
  filingDeadline: "2024-08-31",
  expiringWithinDays: 60,
  certificateDays: 45,
  startDays: 60,
});
