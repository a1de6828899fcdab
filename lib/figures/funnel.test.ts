import { describe, expect, it } from "vitest";
import { funnelOn, NEVER, type FunnelFacts } from "./funnel";
import { toEpochDay } from "../dates";

/** Facilities as [closed, deferred, applied, certificate, online] ISO days (null for none). */
function facts(rows: (string | null)[][]): FunnelFacts {
  const column = (i: number) => Int32Array.from(rows, (r) => (r[i] === null ? NEVER : toEpochDay(r[i]!)));
  return { closedOn: column(0), deferred: column(1), applied: column(2), certificate: column(3), online: column(4) };
}

describe("the funnel on a date", () => {
  const data = facts([
    [null, "2024-01-01", "2024-01-11", "2024-02-01", "2024-03-01"],
    [null, "2024-01-01", "2024-01-22", null, "2024-02-15"], // no certificate: a shared terminal
    [null, null, null, null, null],
    ["2024-06-01", "2024-01-05", null, null, null],
  ]);

  it("counts who reached each step and who went on to any later one, with the median days as percentile_cont", () => {
    const steps = funnelOn(data, "2024-05-31");
    expect(steps.map((s) => [s.state, s.reached, s.movedOn])).toEqual([
      ["optical_disk", 4, 3],
      ["deferred", 3, 2],
      ["applied", 2, 2],
      ["certificate_issued", 1, 1],
      ["online", 2, 0],
    ]);
    // Deferred → applied took 10 and 21 days: the mean of the middle two, rounded (15.5 → 16).
    expect(steps[1].medianDays).toBe(16);
    // Applied → next step reached: 21 days (to the certificate) and 24 (straight online, no certificate).
    expect(steps[2].medianDays).toBe(23);
    expect(steps[0].medianDays).toBeNull();
    expect(steps[2].moveOnRate).toBe(1);
  });

  it("leaves out the facilities closed by the date and the steps reached after it", () => {
    const steps = funnelOn(data, "2024-06-01");
    expect(steps[0].reached).toBe(3);
    const early = funnelOn(data, "2024-01-15");
    expect(early.map((s) => s.reached)).toEqual([4, 3, 1, 0, 0]);
    expect(early[1].movedOn).toBe(1);
    expect(early[3].medianDays).toBeNull();
  });
});
