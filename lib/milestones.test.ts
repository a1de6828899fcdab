import { describe, expect, it } from "vitest";
import { policyMilestones } from "./milestones";

describe("policy milestones on the trend", () => {
  it(
    "start with March and September 2024, then one yearly " + "round per 30 September up to the year after the date",
    () => {
      expect(policyMilestones("2026-03-31").map((m) => m.date)).toEqual([
        "2024-03-31",
        "2024-09-30",
        "2025-09-30",
        "2026-09-30",
        "2027-09-30",
      ]);
      expect(policyMilestones("2024-06-30").map((m) => m.date)).toEqual(["2024-03-31", "2024-09-30", "2025-09-30"]);
    },
  );
});
