import { describe, expect, it } from "vitest";
import { nextDeferralDeadline } from "./deadlines";

describe("next deferral deadline", () => {
  it("is 30 September of this year up to that day, then of the next", () => {
    expect(nextDeferralDeadline("2024-09-01")).toEqual({ date: "2024-09-30", days: 29 });
    expect(nextDeferralDeadline("2024-09-30")).toEqual({ date: "2024-09-30", days: 0 });
    expect(nextDeferralDeadline("2024-10-01")).toEqual({ date: "2025-09-30", days: 364 });
    expect(nextDeferralDeadline("2026-11-25")).toEqual({ date: "2027-09-30", days: 309 });
  });
});
