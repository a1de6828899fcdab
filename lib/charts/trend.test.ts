import { describe, expect, it } from "vitest";
import { forecastAtPace, planProjection, trendRows } from "./trend";

describe("trend rows", () => {
  it("turns counts into shares of the active facilities", () => {
    const [row] = trendRows([
      {
        date: "2024-01-31",
        total: 200,
        counts: { optical_disk: 50, deferred: 10, applied: 0, certificate_issued: 0, online: 140 },
      },
    ]);
    expect(row.shares.online).toBeCloseTo(70);
    expect(row.shares.optical_disk).toBeCloseTo(25);
    expect(row.onlineRate).toBeCloseTo(0.7);
  });

  it("an empty month has zero shares, not NaN", () => {
    const [row] = trendRows([
      {
        date: "2024-01-31",
        total: 0,
        counts: { optical_disk: 0, deferred: 0, applied: 0, certificate_issued: 0, online: 0 },
      },
    ]);
    expect(row.shares.online).toBe(0);
    expect(row.onlineRate).toBe(0);
  });
});

describe("forecast at the pace of the last six months", () => {
  const series = (rates: number[]) =>
    rates.map((onlineRate, i) => ({ date: `2024-${String(i + 1).padStart(2, "0")}-28`, onlineRate }));

  it("carries the average monthly gain forward to 100%", () => {
    // 0.70 → 0.82 over six months: 2 points a month; 18 points left → 9 months after July 2024.
    const f = forecastAtPace(series([0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.82]));
    expect(f.monthlyGain).toBeCloseTo(0.02);
    expect(f.reachesFullOn).toBe("2025-04");
    expect(f.projection).toHaveLength(9);
    expect(f.projection.at(-1)).toEqual({ month: "2025-04", onlineRate: 1 });
  });

  it("uses only the last six months even with a longer history", () => {
    const f = forecastAtPace(series([0.1, 0.5, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.96]));
    expect(f.monthlyGain).toBeCloseTo(0.01);
    expect(f.reachesFullOn).toBe("2025-01");
  });

  it("never reaches 100% when the pace is flat or falling", () => {
    expect(forecastAtPace(series([0.9, 0.9, 0.9])).reachesFullOn).toBeNull();
    expect(forecastAtPace(series([0.9, 0.85])).reachesFullOn).toBeNull();
  });

  it("is already there at 100%", () => {
    expect(forecastAtPace(series([0.99, 1])).reachesFullOn).toBe("2024-02");
  });
});

describe("planProjection", () => {
  it("adds the planned facilities month by month, this month's with the next month end, and never the slipped", () => {
    const points = planProjection({ date: "2026-11-25", total: 100, online: 90 }, [
      { month: "2026-11", count: 2 },
      { month: "2027-01", count: 3 },
      { month: "2027-03", count: 1 },
    ]);
    expect(points).toEqual([
      { month: "2026-12", onlineRate: 0.92 },
      { month: "2027-01", onlineRate: 0.95 },
      { month: "2027-02", onlineRate: 0.95 },
      { month: "2027-03", onlineRate: 0.96 },
    ]);
  });

  it("is empty without upcoming plans or facilities", () => {
    expect(planProjection({ date: "2026-11-25", total: 100, online: 90 }, [{ month: "2026-09", count: 4 }])).toEqual(
      [],
    );
    expect(planProjection({ date: "2026-11-25", total: 0, online: 0 }, [{ month: "2027-01", count: 1 }])).toEqual([]);
  });
});

describe("trend axis end", () => {
  it("stops a little after the forecast month, a year on without one, three years at most", async () => {
    const { trendAxisEnd } = await import("./trend");
    expect(trendAxisEnd("2026-11", "2027-08")).toBe("2027-11");
    expect(trendAxisEnd("2026-11", null)).toBe("2027-11");
    expect(trendAxisEnd("2026-11", "2035-01")).toBe("2029-11");
  });
});
