import { describe, expect, it } from "vitest";
import { deferralsTable, funnelTable, planTable } from "./panel-tables";

describe("panel CSV tables", () => {
  it("the deferral table lists every item with its count, ⑥イ keys as (n)", () => {
    const rows = deferralsTable("2025-03-31", {
      asOf: "2025-03-31",
      inForce: 3,
      lapsed: 1,
      reasons: { outsourced: 2, transitional: 1 },
      transitionalSub: { "2": 1 },
      readiness: {},
      network: {},
      rececom: {},
      usageApplied: { not_yet: 3 },
      certApplied: {},
      contractors: [{ key: "メディカル東京", name: "株式会社メディカル東京", count: 2 }],
      endingByMonth: [{ month: "2025-09", count: 3 }],
    });
    expect(rows[0]).toEqual(["基準日 (asOf)", "項目 (item)", "区分 (key)", "区分名 (label)", "施設数 (count)"]);
    expect(rows).toContainEqual(["2025-03-31", "⑥イreasonSub", "(2)", "(2) 改築工事・臨時施設", 1]);
    expect(rows).toContainEqual(["2025-03-31", "⑥アcontractor", "メディカル東京", "株式会社メディカル東京", 2]);
    expect(rows).toContainEqual(["2025-03-31", "lapsed", "", "猶予期間終了（未移行）", 1]);
  });
  it("the funnel and plan tables carry the same numbers", () => {
    expect(
      funnelTable("2025-03-31", [{ state: "online", reached: 5, movedOn: 0, moveOnRate: 0, medianDays: null }])[1],
    ).toEqual(["2025-03-31", "オンライン請求 (online)", 5, "", "", ""]);
    expect(
      planTable("2025-03-31", {
        remaining: 4,
        plannedByMonth: [{ month: "2025-06", count: 2 }],
        slipped: 1,
        withoutPlan: 1,
      })
        .slice(1)
        .map((r) => r[3]),
    ).toEqual([4, 2, 1, 1]);
  });
});
