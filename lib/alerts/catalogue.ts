/**
 * The follow-up alert rules (contracts.md, "Alert rules"): their ids, names for filters, how urgent each
 * is, and the thresholds they use. The ids are public (the `alert` filter and `alerts[].rule`).
 */

/** Every rule id, most urgent first: breaches of the rules, then missed steps, then data to check. */
export const ALERT_RULES = [
  "deferral_expired",
  "no_filing",
  "new_on_disk",
  "certificate_expired",
  "regression",
  "closure_overdue",
  "apply_by_passed",
  "deferral_expiring",
  "certificate_expiring",
  "promise_missed",
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
  new_on_disk: { ja: "新規開設・オンライン未開始", en: "New facility not online", severity: "high" },
  certificate_expired: { ja: "電子証明書期限切れ", en: "Certificate expired", severity: "high" },
  regression: { ja: "オンライン請求から後退", en: "Back on disk", severity: "high" },
  closure_overdue: { ja: "休廃止未了", en: "Closure overdue", severity: "high" },
  apply_by_passed: { ja: "利用申請期限超過", en: "Application date passed", severity: "high" },
  deferral_expiring: { ja: "猶予期限間近", en: "Deferral ending soon", severity: "medium" },
  certificate_expiring: { ja: "電子証明書期限間近", en: "Certificate expiring", severity: "medium" },
  promise_missed: { ja: "約束の期日超過", en: "Promised date passed", severity: "medium" },
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
   * for a mismatch, the promised date, a certificate's last valid day, the day of the step back from
   * online, a new facility's first claim deadline. Overdue rules fire from the day after it;
   * deferral_expiring and certificate_expiring fire up to and on it, regression from it.
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
  /**
   * start_missed: days allowed from the certificate to the first online claim (from the usage
   * application when the facility shares the eligibility-check terminal and needs no certificate).
   */
  startDays: number;
  /**
   * no_filing for a facility that has applied or holds its certificate: the guidance asks it to file
   * 念のため only if the move may slip past this day (30 September 2024), so it is flagged after it.
   */
  migrationDeadline: string;
  /**
   * From this day new registrations for disk or paper claims ended (2024-04-01): a facility opened on or
   * after it must claim online from its first claims (new_on_disk), and is not a no_filing case.
   */
  newRegistrationsEndedOn: string;
  /** certificate_expiring: days before a terminal's certificate expires from which a missing renewal is flagged. */
  certificateExpiringDays: number;
}

export const DEFAULT_ALERT_SETTINGS: Readonly<AlertSettings> = Object.freeze({
  filingDeadline: "2024-08-31",
  expiringWithinDays: 60,
  certificateDays: 45,
  startDays: 60,
  migrationDeadline: "2024-09-30",
  newRegistrationsEndedOn: "2024-04-01",
  certificateExpiringDays: 90,
});
