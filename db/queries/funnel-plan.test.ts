import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "../import/facilities";
import { upsertEvents } from "../import/events";
import { upsertFilings, type FilingInput } from "../import/filings";
import { funnel } from "./funnel";
import { planForecast } from "./plan";
import { deferralFigures } from "./deferrals";
import { NATIONAL } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

let db: Db;
let close: () => Promise<void>;
const c = (n: number) => makeFacilityCode("13", "1", 4, n);

const filing = (
  code: string,
  filedOn: string,
  readiness: FilingInput["readiness"],
  readinessDate: string | null = null,
): FilingInput => ({
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
  readiness,
  readinessDate,
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
});

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await withTransaction(async (tx) => {
    await upsertFacilities(
      tx,
      [1, 2, 3, 4].map((n) => ({
        code: c(n),
        prefecture: "13",
        tableType: "medical" as const,
        name: `施設${n}`,
        claimMethod: "optical_disk" as const,
      })),
      new Set<FacilityColumn>(["claim_method"]),
      null,
    );
    // 1: deferred 2024-06-01, applied 2024-07-01 (30 days), online 2024-09-01 (62 days, certificate skipped)
    // 2: deferred 2024-06-11, plan ア (end of December 2024): slipped by 2025-01-15
    // 3: deferred 2024-06-21, plan エ 2025-06-30: still planned on 2025-01-15
    // 4: no filing, still on disk
    await upsertFilings(
      tx,
      [
        filing(c(1), "2024-06-01", "march"),
        filing(c(2), "2024-06-11", "december"),
        filing(c(3), "2024-06-21", "other", "2025-06-30"),
      ],
      null,
    );
    await upsertEvents(
      tx,
      [
        { code: c(1), state: "applied", effectiveOn: "2024-07-01", note: null },
        { code: c(1), state: "online", effectiveOn: "2024-09-01", note: null },
      ],
      null,
    );
  });
});
afterAll(async () => close?.());

describe("funnel", () => {
  it("counts who reached each step, who moved on and the median days of the step", async () => {
    const steps = await funnel(db, NATIONAL, { asOf: "2025-01-15" });
    expect(steps.map((s) => [s.state, s.reached, s.movedOn, s.medianDays])).toEqual([
      ["optical_disk", 4, 3, null],
      ["deferred", 3, 1, 30],
      ["applied", 1, 1, 62],
      ["certificate_issued", 0, 0, null],
      ["online", 1, 0, null],
    ]);
    expect(steps[1].moveOnRate).toBeCloseTo(1 / 3);
  });

  it("as of an earlier date, later steps are not yet reached", async () => {
    const steps = await funnel(db, NATIONAL, { asOf: "2024-06-15" });
    expect(steps.map((s) => s.reached)).toEqual([4, 2, 0, 0, 0]);
  });
});

describe("plan forecast and deferral figures", () => {
  it("splits the facilities still to come online into planned (by month), slipped and without a plan", async () => {
    const plan = await planForecast(db, NATIONAL, { asOf: "2025-01-15" });
    expect(plan).toMatchObject({
      remaining: 3,
      slipped: 1,
      withoutPlan: 1,
      plannedByMonth: [{ month: "2025-06", count: 1 }],
    });
    expect(plan.slippedSample).toEqual([
      { code: c(2), name: "施設2", prefecture: "13", planOn: "2024-12-31", status: "deferred" },
    ]);
  });

  it("reads the filings in force of the facilities still to move", async () => {
    const d = await deferralFigures(db, NATIONAL, { asOf: "2025-01-15" });
    expect(d.inForce).toBe(2);
    expect(d.readiness).toEqual({ december: 1, other: 1 });
    expect(d.endingByMonth).toEqual([{ month: "2025-09", count: 2 }]);
  });

  it("a scope without Tokyo sees none of it", async () => {
    const osaka = { kind: "prefectures" as const, prefectures: ["27"] };
    expect((await planForecast(db, osaka, { asOf: "2025-01-15" })).remaining).toBe(0);
    expect((await funnel(db, osaka, { asOf: "2025-01-15" }))[0].reached).toBe(0);
    expect((await deferralFigures(db, osaka, { asOf: "2025-01-15" })).inForce).toBe(0);
  });
});
