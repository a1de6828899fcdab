/**
 * The nine follow-up rules (contracts.md) for one facility as of a date. Pure: the facts come in as a
 * plain object (facts.ts), so a query, the seed and the tests all use the same rules.
 *
 * Conventions:
 * - Every dueOn is the last day that was still in time (see Alert); "passed", "ended" and "N days
 *   later" rules fire from the next day. deferral_expiring fires from N days before the deferral end up
 *   to and including that day, and deferral_expired takes over the day after.
 * - Closed facilities (status closed, or closedOn on or before the date) get no alerts.
 * - Online facilities get none either, filing_mismatch included: they need no call, and an old filing
 *   saying 済 no longer matters once claims arrive online.
 * - A filing counts from its filed_on; the latest filing is the one in force even after its deferral
 *   ended (then deferral_expired, not no_filing, is the alert).
 */
import { addDays, daysBetween } from "../dates";
import { applyByFor } from "../calendar/onboarding";
import { compareAlerts, DEFAULT_ALERT_SETTINGS, type Alert, type AlertRule, type AlertSettings } from "./catalogue";
import {
  appliedOn,
  certificateOn,
  filingAsOf,
  hasApplied,
  hasCertificate,
  isClosedOn,
  isClosureFiling,
  readinessDeadline,
  type FacilityFacts,
  type FilingFacts,
} from "./facts";
import * as msg from "./messages";

export * from "./catalogue";
export type { FacilityFacts, FilingFacts } from "./facts";

interface RuleInput {
  facts: FacilityFacts;
  filing: FilingFacts | null;
  asOf: string;
  settings: AlertSettings;
}

type RuleCheck = (input: RuleInput) => Omit<Alert, "rule"> | null;

const CHECKS: Record<AlertRule, RuleCheck> = {
  no_filing({ facts, filing, asOf, settings }) {
    const deadline = settings.filingDeadline;
    if (facts.status !== "optical_disk" || filing || asOf <= deadline) return null;
    return { dueOn: deadline, message: msg.noFilingMessage(deadline) };
  },

  deferral_expiring({ facts, filing, asOf, settings }) {
    if (!filing || hasApplied(facts, asOf)) return null;
    const daysLeft = daysBetween(asOf, filing.deferralUntil);
    if (daysLeft < 0 || daysLeft > settings.expiringWithinDays) return null;
    return { dueOn: filing.deferralUntil, message: msg.deferralExpiringMessage(filing.deferralUntil, daysLeft) };
  },

  deferral_expired({ filing, asOf }) {
    if (!filing || asOf <= filing.deferralUntil) return null;
    return { dueOn: filing.deferralUntil, message: msg.deferralExpiredMessage(filing.deferralUntil) };
  },

  apply_by_passed({ facts, filing, asOf }) {
    if (!filing || hasApplied(facts, asOf)) return null;
    const applyBy = applyByFor(filing.deferralUntil);
    if (asOf <= applyBy) return null;
    return { dueOn: applyBy, message: msg.applyByPassedMessage(applyBy, filing.deferralUntil) };
  },

  plan_slipped({ filing, asOf }) {
    const readyBy = filing && readinessDeadline(filing);
    if (!readyBy || asOf <= readyBy) return null;
    return { dueOn: readyBy, message: msg.planSlippedMessage(readyBy) };
  },

  certificate_overdue({ facts, asOf, settings }) {
    if (facts.sharesOqvTerminal || hasCertificate(facts, asOf)) return null;
    const applied = appliedOn(facts, asOf);
    if (!applied) return null;
    const dueOn = addDays(applied, settings.certificateDays);
    if (asOf <= dueOn) return null;
    return { dueOn, message: msg.certificateOverdueMessage(applied, daysBetween(applied, asOf)) };
  },

  start_missed({ facts, asOf, settings }) {
    const issued = certificateOn(facts, asOf);
    if (!issued) return null;
    const dueOn = addDays(issued, settings.startDays);
    if (asOf <= dueOn) return null;
    return { dueOn, message: msg.startMissedMessage(issued, daysBetween(issued, asOf)) };
  },

  filing_mismatch({ facts, filing, asOf }) {
    if (!filing) return null;
    const usage = filing.usageApplied && !hasApplied(facts, asOf);
    // A facility sharing the eligibility terminal needs no certificate, so its answer is not checked.
    const certificate = filing.certApplied && !facts.sharesOqvTerminal && !hasCertificate(facts, asOf);
    if (!usage && !certificate) return null;
    return { dueOn: filing.filedOn, message: msg.filingMismatchMessage(filing.filedOn, usage, certificate) };
  },

  closure_overdue({ filing, asOf }) {
    if (!filing || !isClosureFiling(filing) || asOf <= filing.deferralUntil) return null;
    return { dueOn: filing.deferralUntil, message: msg.closureOverdueMessage(filing.deferralUntil) };
  },
};

/** Every alert the facility has on `asOf`, most urgent first (earliest dueOn, then rule urgency). */
export function evaluateAlerts(
  facts: FacilityFacts,
  asOf: string,
  settings: AlertSettings = DEFAULT_ALERT_SETTINGS,
): Alert[] {
  if (isClosedOn(facts, asOf) || facts.status === "online") return [];
  const input: RuleInput = { facts, filing: filingAsOf(facts, asOf), asOf, settings };
  const alerts: Alert[] = [];
  for (const [rule, check] of Object.entries(CHECKS) as [AlertRule, RuleCheck][]) {
    const found = check(input);
    if (found) alerts.push({ rule, ...found });
  }
  return alerts.sort(compareAlerts);
}

/** True when the facility has the given alert on `asOf` (the follow-up filter). */
export function hasAlert(
  facts: FacilityFacts,
  rule: AlertRule,
  asOf: string,
  settings: AlertSettings = DEFAULT_ALERT_SETTINGS,
): boolean {
  return evaluateAlerts(facts, asOf, settings).some((alert) => alert.rule === rule);
}
