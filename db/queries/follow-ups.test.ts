import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "../import/facilities";
import { upsertEvents } from "../import/events";
import { upsertFilings, type FilingInput } from "../import/filings";
import { listFollowUps } from "./follow-ups";
import type { AlertRule } from "../../lib/alerts/rules";
import { NATIONAL } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

/**
 * Each rule on a small history, through the SQL path the list uses: the last day it is quiet, the first
 * day it fires, and the day something happens that clears it. Defaults: filing deadline 2024-08-31,
 * 60 days before the deferral end, 45 days to a certificate, 60 days to the first online claim.
 */
let db: Db;
let close: () => Promise<void>;
const c = (n: number) => makeFacilityCode("13", "1", 5, n);

const filing = (
  code: string,
  filedOn: string,
  deferralUntil: string,
  extra: Partial<FilingInput> = {},
): FilingInput => ({
  code,
  filedOn,
  facilityName: null,
  phone: null,
  specialties: null,
  deferralUntil,
  reason: "other",
  reasonSub: null,
  outsourcer: null,
  reasonOther: "業者待ち",
  readiness: "september",
  readinessDate: null,
  readinessOther: null,
  rececom: "checking",
  rececomMonth: null,
  network: "considering",
  networkMonth: null,
  usageApplied: false,
  certApplied: false,
  remarks: null,
  founderName: null,
  address: null,
  email: null,
  ...extra,
});

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await withTransaction(async (tx) => {
    await upsertFacilities(
      tx,
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({
        code: c(n),
        prefecture: "13",
        tableType: "medical" as const,
        name: `施設${n}`,
        claimMethod: "optical_disk" as const,
        sharesOqvTerminal: n === 5,
        closedOn: n === 8 ? "2025-10-15" : null,
      })),
      new Set<FacilityColumn>(["claim_method", "shares_oqv_terminal", "closed_on"]),
      null,
    );
    await upsertFilings(
      tx,
      [
        filing(c(1), "2024-09-10", "2025-09-30"), // late filing: no_filing until it arrives
        filing(c(2), "2024-08-01", "2025-09-30"), // never applies
        filing(c(3), "2024-08-01", "2025-09-30"), // applies 2025-07-15, online 2025-09-01
        filing(c(4), "2024-08-01", "2025-09-30"), // applied, certificate, online: each step late
        filing(c(6), "2024-08-01", "2025-09-30", { usageApplied: true }), // says 済 before applying
        // closure planned
        filing(c(7), "2024-08-01", "2025-09-30", { reason: "transitional", reasonSub: 3, reasonOther: null }),
        // closes 2025-10-15
        filing(c(8), "2024-08-01", "2025-09-30", { reason: "transitional", reasonSub: 3, reasonOther: null }),
        filing(c(9), "2024-08-01", "2025-03-31", { readiness: "december" }), // plan: end of December 2024
      ],
      null,
    );
    await upsertEvents(
      tx,
      [
        { code: c(3), state: "applied", effectiveOn: "2025-07-15", note: null },
        { code: c(3), state: "online", effectiveOn: "2025-09-01", note: null },
        { code: c(4), state: "applied", effectiveOn: "2024-10-01", note: null },
        { code: c(4), state: "certificate_issued", effectiveOn: "2024-12-01", note: null },
        { code: c(4), state: "online", effectiveOn: "2025-02-10", note: null },
        { code: c(5), state: "applied", effectiveOn: "2024-10-01", note: null },
        { code: c(6), state: "applied", effectiveOn: "2024-09-01", note: null },
      ],
      null,
    );
  });
}, 60_000);
afterAll(async () => close?.());

/** The rules a facility has on a date, by the list's SQL path (filtering on each rule in turn agrees). */
async function rulesOn(code: string, asOf: string): Promise<string[]> {
  const page = await listFollowUps(db, NATIONAL, { asOf, q: code }, 1, 10);
  const item = page.items.find((i) => i.code === code);
  return (item?.alerts ?? []).map((a) => `${a.rule}@${a.dueOn}`).sort();
}

async function inFilteredList(rule: AlertRule, code: string, asOf: string): Promise<boolean> {
  const page = await listFollowUps(db, NATIONAL, { asOf, alert: rule }, 1, 100);
  return page.items.some((i) => i.code === code);
}

describe("each rule fires and clears on the right day (SQL path)", () => {
  const cases: [string, AlertRule, string, string, string | null, string][] = [
    // [what, rule, facility, last quiet day, first day it fires, (day it has cleared or null), due date]
    ["no filing after 31 August", "no_filing", c(1), "2024-08-31", "2024-09-01", "2024-08-31"],
    [
      "deferral ending within 60 days, not applied",
      "deferral_expiring",
      c(2),
      "2025-07-31",
      "2025-08-01",
      "2025-09-30",
    ],
    ["deferral ended, not online", "deferral_expired", c(2), "2025-09-30", "2025-10-01", "2025-09-30"],
    [
      "apply-by date passed (20 July for a 30 September end)",
      "apply_by_passed",
      c(2),
      "2025-07-20",
      "2025-07-21",
      "2025-07-20",
    ],
    [
      "filed readiness date passed (ウ: 30 September next year)",
      "plan_slipped",
      c(2),
      "2025-09-30",
      "2025-10-01",
      "2025-09-30",
    ],
    ["plan ア: end of December of the filing year", "plan_slipped", c(9), "2024-12-31", "2025-01-01", "2024-12-31"],
    ["no certificate 45 days after applying", "certificate_overdue", c(4), "2024-11-15", "2024-11-16", "2024-11-15"],
    ["not online 60 days after the certificate", "start_missed", c(4), "2025-01-30", "2025-01-31", "2025-01-30"],
    ["filing says 済 but no application on record", "filing_mismatch", c(6), "2024-07-31", "2024-08-01", "2024-08-01"],
    [
      "filed for closure, deferral ended, not closed",
      "closure_overdue",
      c(7),
      "2025-09-30",
      "2025-10-01",
      "2025-09-30",
    ],
  ].map(([what, rule, code, quiet, fires, due]) => [what, rule as AlertRule, code, quiet, fires, due]);

  for (const [what, rule, code, quiet, fires, due] of cases) {
    it(`${rule}: ${what}`, async () => {
      expect(await rulesOn(code, quiet)).not.toContain(`${rule}@${due}`);
      expect(await rulesOn(code, fires!)).toContain(`${rule}@${due}`);
      expect(await inFilteredList(rule, code, quiet)).toBe(false);
      expect(await inFilteredList(rule, code, fires!)).toBe(true);
    });
  }

  it("no_filing clears on the day the late filing arrives", async () => {
    expect(await rulesOn(c(1), "2024-09-09")).toContain("no_filing@2024-08-31");
    expect(await rulesOn(c(1), "2024-09-10")).not.toContain("no_filing@2024-08-31");
  });

  it("applying clears deferral_expiring and apply_by_passed; going online clears everything", async () => {
    expect(await rulesOn(c(3), "2025-07-14")).toEqual([]);
    expect(await rulesOn(c(2), "2025-08-01")).toEqual(["apply_by_passed@2025-07-20", "deferral_expiring@2025-09-30"]);
    expect(await rulesOn(c(3), "2025-08-01")).toEqual([]);
    expect(await rulesOn(c(3), "2025-10-01")).toEqual([]);
  });

  it(
    "the certificate clears certificate_overdue; " +
      "online clears start_missed; a shared terminal needs no certificate",
    async () => {
      expect(await rulesOn(c(4), "2024-11-30")).toContain("certificate_overdue@2024-11-15");
      expect(await rulesOn(c(4), "2024-12-01")).not.toContain("certificate_overdue@2024-11-15");
      expect(await rulesOn(c(4), "2025-02-09")).toContain("start_missed@2025-01-30");
      expect(await rulesOn(c(4), "2025-02-10")).toEqual([]);
      expect(await inFilteredList("certificate_overdue", c(5), "2024-12-31")).toBe(false);
    },
  );

  it("the application on record clears filing_mismatch", async () => {
    expect(await rulesOn(c(6), "2024-08-31")).toContain("filing_mismatch@2024-08-01");
    expect(await rulesOn(c(6), "2024-09-01")).not.toContain("filing_mismatch@2024-08-01");
  });

  it("a closed facility has no alerts from its closing day", async () => {
    expect(await rulesOn(c(8), "2025-10-14")).toContain("closure_overdue@2025-09-30");
    expect(await rulesOn(c(8), "2025-10-15")).toEqual([]);
  });

  it("most urgent first: earliest due date, then the rule's urgency", async () => {
    const page = await listFollowUps(db, NATIONAL, { asOf: "2025-10-01" }, 1, 50);
    const tops = page.items.map((i) => i.alerts[0].dueOn);
    expect(tops).toEqual([...tops].sort());
    expect(page.total).toBe(page.items.length);
    // Facility 5 applied on 2024-10-01 without ever filing: outside the rules since 30 September 2024 (no_filing
    // for an applied facility), the oldest. Facility 6 applied on 2024-09-01 and never got a certificate:
    // overdue since 16 October 2024, next.
    expect(page.items[0].code).toBe(c(5));
    expect(page.items[0].alerts[0]).toMatchObject({ rule: "no_filing", dueOn: "2024-09-30" });
    expect(page.items[1].code).toBe(c(6));
    expect(page.items[1].alerts[0]).toMatchObject({ rule: "certificate_overdue", dueOn: "2024-10-16" });
  });
});
