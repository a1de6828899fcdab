import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { EVENT_STATES, type EventState } from "../states";
import { evaluateAlerts, type AlertRule } from "./rules";
import { CONTRADICTIONS } from "./contradictions";
import type { CertificateFacts, FacilityFacts } from "./facts";
import { factsWith, filingWith } from "./test-facts";

/**
 * A facility never raises two alerts that say opposite things. Checked over many generated facilities
 * on many dates (a small seeded generator, so a failure can be replayed).
 */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const day = (from: string, span: number) => addDays(from, Math.floor(next() * span));
  const maybe = <T>(p: number, value: () => T): T | null => (next() < p ? value() : null);
  return { next, pick, day, maybe };
}

function randomFacts(g: ReturnType<typeof generator>): FacilityFacts {
  const filedOn = g.day("2024-05-01", 800);
  const year = Number(filedOn.slice(0, 4));
  const certificates: CertificateFacts[] = [];
  for (let i = 0, n = Math.floor(g.next() * 3); i < n; i++) {
    const issuedOn = g.maybe(0.8, () => g.day("2022-01-01", 1800));
    certificates.push({
      terminal: g.pick(["1", "2"]),
      appliedOn: g.maybe(0.9, () => g.day("2022-01-01", 1800)),
      issuedOn,
      expiresOn: issuedOn && addDays(issuedOn, 1094),
    });
  }
  return factsWith({
    status: g.pick(EVENT_STATES.filter((s) => s !== "closed")) as EventState,
    statusSince: g.maybe(0.8, () => g.day("2023-01-01", 1400)),
    sharesOqvTerminal: g.next() < 0.3,
    firstAppliedOn: g.maybe(0.4, () => g.day("2023-01-01", 1400)),
    firstCertificateOn: g.maybe(0.3, () => g.day("2023-01-01", 1400)),
    firstOnlineOn: g.maybe(0.2, () => g.day("2023-01-01", 1400)),
    initialState: g.pick(["optical_disk", "online"] as const),
    claimMethod: g.pick(["online", "optical_disk", "paper", null] as const),
    openedOn: g.maybe(0.3, () => g.day("2023-06-01", 900)),
    lastContact: g.maybe(0.5, () => ({
      contactedOn: g.day("2024-01-01", 1000),
      promisedOn: g.maybe(0.6, () => g.day("2024-01-01", 1100)),
    })),
    certificates,
    filing: g.maybe(0.6, () =>
      filingWith({
        filedOn,
        deferralUntil: `${year + 1}-09-30`,
        reason: g.pick(["outsourced", "transitional", "other"] as const),
        reasonSub: g.pick([null, 3]),
        readiness: g.pick(["december", "march", "september"] as const),
        usageApplied: g.next() < 0.3,
        certApplied: g.next() < 0.3,
      }),
    ),
  });
}

describe("no contradictory alerts", () => {
  it("never raises a forbidden pair on 20,000 generated facility-days", () => {
    const g = generator(20261204);
    const seen = new Set<AlertRule>();
    for (let i = 0; i < 20_000; i++) {
      const facts = randomFacts(g);
      const asOf = g.day("2024-03-01", 1200);
      const rules = new Set(evaluateAlerts(facts, asOf).map((a) => a.rule));
      rules.forEach((r) => seen.add(r));
      for (const [a, b] of CONTRADICTIONS) {
        if (rules.has(a) && rules.has(b)) expect.fail(`${a} with ${b} on ${asOf}: ${JSON.stringify(facts)}`);
      }
    }
    // The generator reaches every rule, so each pair was given the chance to appear.
    expect(seen.size).toBe(14);
  });

  it("lists no_filing against every rule that reads a filing, and the pairs the issue names", () => {
    const pairs = CONTRADICTIONS.map(([a, b]) => `${a}/${b}`);
    expect(pairs).toContain("no_filing/deferral_expired");
    expect(pairs).toContain("certificate_expiring/certificate_expired");
    expect(pairs).toContain("regression/start_missed");
  });
});
