import { describe, expect, it } from "vitest";
import { certificateHoldersOf, foldCertificates, type CertificateHolder } from "./certificates";
import { toEpochDay } from "../dates";

const day = toEpochDay;
const holder = (
  code: string,
  expires: [string, boolean][],
  more: Partial<CertificateHolder> = {},
): CertificateHolder => ({
  code,
  closedOn: null,
  closed: false,
  validFrom: day("2025-01-01"),
  expires: expires.map(([d]) => day(d)),
  renewalApplied: expires.map(([, r]) => r),
  ...more,
});

describe("certificate counts on a date from the holders' latest records", () => {
  const holders = certificateHoldersOf(
    [
      holder("a", [["2026-04-10", false]]),
      holder("b", [
        ["2026-03-01", false],
        ["2026-04-02", false],
      ]), // one lapsed: expired, not expiring
      holder("c", [["2026-05-20", true]]), // renewal applied for: no alert
      holder("d", [["2026-08-01", false]]), // beyond the 90 days
      holder("e", [["2026-05-02", false]], { closedOn: day("2026-03-31") }),
      holder("f", [["2026-04-20", false]], { closed: true }),
      holder("g", [["2026-06-28", false]], { validFrom: day("2026-04-01") }), // its record is after the date
      holder("h", [["2026-06-29", false]]),
    ],
    day("2026-01-01"),
    day("2026-04-30"),
  );

  it("gives lapsed certificates as expired and the first lapsing one without a renewal by its month", () => {
    const counts = foldCertificates(holders, day("2026-03-31"), 90);
    expect(counts.expired).toBe(1);
    expect([...counts.expiringByMonth].sort()).toEqual([
      ["2026-04", 1],
      ["2026-06", 1],
    ]);
  });

  it("counts a holder whose record is from the date on, and none closed before it", () => {
    const counts = foldCertificates(holders, day("2026-04-01"), 90);
    expect(counts.expiringByMonth.get("2026-06")).toBe(2);
    expect(counts.expiringByMonth.get("2026-05")).toBeUndefined();
  });
});
