import { describe, expect, it } from "vitest";
import { combineParts, currentFacts, foldCurrent, stillToMoveFigures, type CurrentFacility } from "./still-to-move";
import { toEpochDay } from "../dates";

const day = toEpochDay;
function facility(code: string, more: Partial<CurrentFacility> = {}): CurrentFacility {
  return {
    code,
    prefecture: "13",
    st: "deferred",
    closedOn: null,
    validFrom: day("2025-06-01"),
    keys: { reason: "outsourced", contractor: "株式会社メディカル東京", deferralEnds: "2026-09" },
    until: day("2026-09-30"),
    planOn: "2026-03-31",
    planDay: day("2026-03-31"),
    planMonth: "2026-03",
    wasOnline: false,
    ...more,
  };
}

describe("the still-to-move figures of a date from the facilities' latest records", () => {
  const facts = currentFacts([
    facility("1"),
    facility("2", { keys: { reason: "outsourced", contractor: "（株）メディカル　東京" }, wasOnline: true }),
    facility("3", { until: day("2025-12-31"), planOn: "2027-01-31", planDay: day("2027-01-31"), planMonth: "2027-01" }),
    facility("4", { keys: {}, until: null, planOn: null, planDay: null, planMonth: null }),
    facility("5", { closedOn: day("2026-01-31") }),
    facility("6", { validFrom: day("2026-05-01") }),
  ]);

  it("counts in force and lapsed filings, plan buckets and the still-off, and names the changed ones", () => {
    const held = foldCurrent(facts, day("2026-02-15"), 20);
    expect(held.changed).toEqual(["6"]);
    const figures = stillToMoveFigures("2026-02-15", held.groups, held.sample);
    expect(figures.deferrals.inForce).toBe(2);
    expect(figures.deferrals.lapsed).toBe(1);
    expect(figures.deferrals.contractors).toEqual([
      { key: "メディカル東京", name: "株式会社メディカル東京", count: 2 },
    ]);
    expect(figures.plan).toMatchObject({ remaining: 4, withoutPlan: 1, slipped: 0 });
    expect(figures.plan.plannedByMonth).toEqual([
      { month: "2026-03", count: 2 },
      { month: "2027-01", count: 1 },
    ]);
    expect(figures.stillOff).toBe(1);
  });

  it("turns a passed plan date into slipped, latest plan first, and merges parts", () => {
    const held = foldCurrent(facts, day("2026-04-15"), 20);
    expect(held.sample.map((s) => s.code)).toEqual(["1", "2"]);
    const other = {
      groups: [{ dim: "plan", key: "slipped", inForce: 0, lapsed: 0, all: 1, wasOnline: 0 }],
      sample: [{ code: "0", name: "他", prefecture: "27", planOn: "2026-04-01", status: "applied" }],
    };
    const { groups, sample } = combineParts([held, other], 2);
    expect(sample.map((s) => s.code)).toEqual(["0", "1"]);
    expect(stillToMoveFigures("2026-04-15", groups, sample).plan.slipped).toBe(3);
  });
});
