import type { AlertRule } from "./catalogue";

/** Rules that read the filing in force: they cannot meet no_filing, which says there is none. */
const FILING_RULES: AlertRule[] = [
  "deferral_expiring",
  "deferral_expired",
  "apply_by_passed",
  "plan_slipped",
  "filing_mismatch",
  "closure_overdue",
];

/**
 * Pairs of alerts that would tell a caller opposite things about one facility, so the rules never raise
 * both (checked on generated facts and on a seeded country in SQL).
 */
export const CONTRADICTIONS: readonly (readonly [AlertRule, AlertRule])[] = [
  ...FILING_RULES.map((rule) => ["no_filing", rule] as const),
  ["no_filing", "new_on_disk"],
  ["deferral_expiring", "deferral_expired"],
  ["certificate_expiring", "certificate_expired"],
  ["certificate_overdue", "start_missed"],
  ["regression", "start_missed"],
  ["regression", "certificate_overdue"],
  ["regression", "new_on_disk"],
];
