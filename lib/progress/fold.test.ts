import { describe, expect, it } from "vitest";
import { foldProgress, withReportedClaims } from "./fold";
import { monthEndOnOrBefore } from "./history";

describe("foldProgress", () => {
  it("sums the states of each group, keeps closed ones out of the totals and orders prefectures by code", () => {
    const result = foldProgress({ asOf: "2025-03-31", groupBy: "prefecture" }, [
      { key: "27", state: "online", n: 3, claims: 300 },
      { key: "13", state: "optical_disk", n: "1", claims: 100 },
      { key: "13", state: "online", n: 1, claims: 50 },
      { key: "13", state: "closed", n: 2 },
    ]);
    expect(result.groups.map((g) => [g.key, g.label, g.labelEn, g.total, g.closed])).toEqual([
      ["13", "東京都", "Tokyo", 2, 2],
      ["27", "大阪府", "Osaka", 3, 0],
    ]);
    expect(result.total).toBe(5);
    expect(result.closed).toBe(2);
    expect(result.onlineRate).toBeCloseTo(4 / 5);
    expect(result.claims).toEqual({ total: 450, online: 350, onlineRate: 350 / 450 });
    expect(result.claimsSource).toBe("estimated");
  });

  it("takes reported claims for the groups that have them and marks the totals mixed", () => {
    const estimated = foldProgress({ asOf: "2025-03-31", groupBy: "prefecture" }, [
      { key: "13", state: "online", n: 1, claims: 10 },
      { key: "27", state: "online", n: 1, claims: 20 },
    ]);
    const reported = {
      month: "2025-02",
      rows: [{ prefecture: "13", table_type: "medical", category: "clinic", total: 100, online: 40 }],
    };
    const result = withReportedClaims(estimated, reported, (r) => r.prefecture);
    expect(result.claimsSource).toBe("mixed");
    expect(result.claimsMonth).toBe("2025-02");
    expect(result.claims).toEqual({ total: 120, online: 60, onlineRate: 0.5 });
    expect(result.claimsEstimated).toEqual({ total: 30, online: 30, onlineRate: 1 });
  });
});

describe("monthEndOnOrBefore", () => {
  it("is the date at a month end, else the end of the month before", () => {
    expect(monthEndOnOrBefore("2024-02-29")).toBe("2024-02-29");
    expect(monthEndOnOrBefore("2024-03-15")).toBe("2024-02-29");
    expect(monthEndOnOrBefore("2025-01-01")).toBe("2024-12-31");
  });
});
