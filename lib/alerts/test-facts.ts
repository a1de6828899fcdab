/** Builders for the alert tests: a facility still deferred on a typical 2024 filing, changed per test. */
import type { FacilityFacts, FilingFacts } from "./facts";
import { evaluateAlerts, type AlertRule, type AlertSettings } from "./rules";

/** Filed 20 Aug 2024, deferred to 30 Sep 2025, ready by ウ (end of September next year), nothing 済. */
export function filingWith(overrides: Partial<FilingFacts> = {}): FilingFacts {
  return {
    filedOn: "2024-08-20",
    deferralUntil: "2025-09-30",
    reason: "other",
    reasonSub: null,
    readiness: "september",
    readinessDate: null,
    usageApplied: false,
    certApplied: false,
    ...overrides,
  };
}

export function factsWith(overrides: Partial<FacilityFacts> = {}): FacilityFacts {
  return {
    status: "deferred",
    statusSince: "2024-08-20",
    closedOn: null,
    sharesOqvTerminal: false,
    firstAppliedOn: null,
    firstCertificateOn: null,
    filing: filingWith(),
    claimMethod: "optical_disk",
    openedOn: null,
    initialState: "optical_disk",
    firstOnlineOn: null,
    lastContact: null,
    certificates: [],
    ...overrides,
  };
}

/** The rule ids raised on a date, in the order evaluateAlerts returns them. */
export function rulesOn(facts: FacilityFacts, asOf: string, settings?: AlertSettings): AlertRule[] {
  return evaluateAlerts(facts, asOf, settings).map((alert) => alert.rule);
}
