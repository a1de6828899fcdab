import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "../import/facilities";
import { upsertEvents } from "../import/events";
import { upsertFilings, type FilingInput } from "../import/filings";
import { deferralFigures } from "./deferrals";
import { planForecast } from "./plan";
import { funnel } from "./funnel";
import { listFacilities } from "./facilities";
import { NATIONAL } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";
import type { FigureFilter } from "../../lib/figure-filter";

let db: Db;
let close: () => Promise<void>;
const c = (n: number) => makeFacilityCode("13", "1", 5, n);

function filing(code: string, filedOn: string, fields: Partial<FilingInput>): FilingInput {
  return {
    code,
    filedOn,
    facilityName: null,
    phone: null,
    specialties: null,
    deferralUntil: `${Number(filedOn.slice(0, 4)) + 1}-09-30`,
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
    ...fields,
  };
}

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await withTransaction(async (tx) => {
    await upsertFacilities(
      tx,
      [1, 2, 3, 4, 5].map((n) => ({
        code: c(n),
        prefecture: "13",
        tableType: "medical" as const,
        name: `施設${n}`,
        claimMethod: "optical_disk" as const,
      })),
      new Set<FacilityColumn>(["claim_method"]),
      null,
    );
    await upsertFilings(
      tx,
      [
        // 1: outsourced in 2024 saying 済 for the usage application with none on record; refiled in 2025 as イ(1).
        filing(c(1), "2024-06-01", {
          reason: "outsourced",
          outsourcer: "株式会社メディカル東京",
          reasonOther: null,
          usageApplied: true,
          readiness: "december",
        }),
        filing(c(1), "2025-06-01", { reason: "transitional", reasonSub: 1, reasonOther: null, readiness: "march" }),
        // 2: the same contractor spelt another way; applied on 2024-07-01, as its filing says.
        filing(c(2), "2024-06-10", {
          reason: "outsourced",
          outsourcer: "（株）メディカル　東京",
          reasonOther: null,
          usageApplied: true,
          network: "ready",
        }),
        // 3: another contractor.
        filing(c(3), "2024-06-20", {
          reason: "outsourced",
          outsourcer: "メディカル大阪 株式会社",
          reasonOther: null,
          certApplied: true,
        }),
        // 4: other reason, never renewed: lapsed after 2025-09-30.
        filing(c(4), "2024-06-01", { readiness: "other", readinessDate: "2025-03-31" }),
      ],
      null,
    );
    await upsertEvents(tx, [{ code: c(2), state: "applied", effectiveOn: "2024-07-01", note: null }], null);
  });
});
afterAll(async () => close?.());

/** The list filtered to a figure must hold exactly the figure's count. */
async function listed(asOf: string, figure: FigureFilter): Promise<number> {
  return (await listFacilities(db, NATIONAL, { asOf, figure })).total;
}

describe("deferral figures on a date", () => {
  it(
    "read the filing each facility had filed by the date, " + "⑩ against the payer's records, ⑥ア by contractor",
    async () => {
      const d = await deferralFigures(db, NATIONAL, { asOf: "2024-12-01" });
      expect(d).toMatchObject({ inForce: 4, lapsed: 0, reasons: { outsourced: 3, other: 1 } });
      expect(d.usageApplied).toEqual({ done: 1, unconfirmed: 1, not_yet: 2 });
      expect(d.certApplied).toEqual({ unconfirmed: 1, not_yet: 3 });
      expect(d.contractors.map((x) => [x.key, x.count])).toEqual([
        ["メディカル東京", 2],
        ["メディカル大阪", 1],
      ]);
    },
  );

  it(
    "a later filing supersedes from its own filing day, " + "and a period that ended no longer counts as in force",
    async () => {
      const mid = await deferralFigures(db, NATIONAL, { asOf: "2025-07-01" });
      expect(mid.reasons).toEqual({ outsourced: 2, transitional: 1, other: 1 });
      expect(mid.transitionalSub).toEqual({ "1": 1 });
      const late = await deferralFigures(db, NATIONAL, { asOf: "2025-12-01" });
      expect(late).toMatchObject({ inForce: 1, lapsed: 3, reasons: { transitional: 1 } });
      expect(late.endingByMonth).toEqual([{ month: "2026-09", count: 1 }]);
    },
  );

  it("every count opens a list of exactly that many facilities", async () => {
    for (const asOf of ["2024-12-01", "2025-07-01", "2025-12-01"]) {
      const d = await deferralFigures(db, NATIONAL, { asOf });
      expect(await listed(asOf, { deferral: "inForce" })).toBe(d.inForce);
      expect(await listed(asOf, { deferral: "lapsed" })).toBe(d.lapsed);
      for (const [reason, n] of Object.entries(d.reasons))
        expect(await listed(asOf, { reason: reason as FigureFilter["reason"] })).toBe(n);
      for (const [sub, n] of Object.entries(d.transitionalSub))
        expect(await listed(asOf, { reasonSub: sub as FigureFilter["reasonSub"] })).toBe(n);
      for (const [v, n] of Object.entries(d.usageApplied))
        expect(await listed(asOf, { usageApplied: v as FigureFilter["usageApplied"] })).toBe(n);
      for (const [v, n] of Object.entries(d.certApplied))
        expect(await listed(asOf, { certApplied: v as FigureFilter["certApplied"] })).toBe(n);
      for (const m of d.endingByMonth) expect(await listed(asOf, { deferralEnds: m.month })).toBe(m.count);
      for (const x of d.contractors) expect(await listed(asOf, { contractor: x.key })).toBe(x.count);
      const plan = await planForecast(db, NATIONAL, { asOf });
      expect(await listed(asOf, { plan: "remaining" })).toBe(plan.remaining);
      expect(await listed(asOf, { plan: "slipped" })).toBe(plan.slipped);
      expect(await listed(asOf, { plan: "none" })).toBe(plan.withoutPlan);
      for (const m of plan.plannedByMonth) expect(await listed(asOf, { plan: m.month })).toBe(m.count);
      for (const step of await funnel(db, NATIONAL, { asOf }))
        expect(await listed(asOf, { reached: step.state })).toBe(step.reached);
    }
  });

  it(
    "the plan reads the latest filing by the date: " +
      "on 2025-07-01 facility 1's plan is March 2026, before its refiling it had slipped",
    async () => {
      const before = await planForecast(db, NATIONAL, { asOf: "2025-05-01" });
      expect(before.slippedSample.map((s) => s.code)).toContain(c(1));
      const after = await planForecast(db, NATIONAL, { asOf: "2025-07-01" });
      expect(after.slippedSample.map((s) => s.code)).not.toContain(c(1));
      expect(after.plannedByMonth).toContainEqual({ month: "2026-03", count: 1 });
    },
  );
});
