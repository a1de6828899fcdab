import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_SETTINGS, evaluateAlerts } from "./rules";
import { factsWith, filingWith, rulesOn } from "./test-facts";

const alertOn = (facts: ReturnType<typeof factsWith>, asOf: string, rule: string, settings = DEFAULT_ALERT_SETTINGS) =>
  evaluateAlerts(facts, asOf, settings).find((a) => a.rule === rule);

describe("no_filing", () => {
  const onDisk = factsWith({ status: "optical_disk", statusSince: null, filing: null });

  it("fires from the day after 31 August 2024 for a disk facility that never filed", () => {
    expect(rulesOn(onDisk, "2024-08-30")).toEqual([]);
    expect(rulesOn(onDisk, "2024-08-31")).toEqual([]);
    expect(evaluateAlerts(onDisk, "2024-09-01")).toEqual([
      {
        rule: "no_filing",
        dueOn: "2024-08-31",
        message: {
          ja: "届出期限（2024年8月31日）を過ぎても光ディスク等のままで、猶予の届出がありません",
          en: "Still on optical disk after the filing deadline (31 Aug 2024) and no deferral filed",
        },
      },
    ]);
  });

  it("clears once a filing is on record, and ignores a filing dated after the date", () => {
    const filedLate = { ...onDisk, filing: filingWith({ filedOn: "2024-09-10" }) };
    expect(rulesOn(filedLate, "2024-09-09")).toContain("no_filing");
    expect(rulesOn(filedLate, "2024-09-10")).not.toContain("no_filing");
  });

  it("takes the deadline from the settings", () => {
    const settings = { ...DEFAULT_ALERT_SETTINGS, filingDeadline: "2025-08-31" };
    expect(rulesOn(onDisk, "2024-09-01", settings)).toEqual([]);
    expect(rulesOn(onDisk, "2025-09-01", settings)).toEqual(["no_filing"]);
  });
});

describe("deferral_expiring and deferral_expired", () => {
  const deferred = factsWith();

  it("warns from 60 days before the deferral end through the last day, then turns into expired", () => {
    expect(rulesOn(deferred, "2025-07-31")).not.toContain("deferral_expiring");
    expect(alertOn(deferred, "2025-08-01", "deferral_expiring")?.dueOn).toBe("2025-09-30");
    expect(alertOn(deferred, "2025-08-16", "deferral_expiring")?.message.ja).toBe(
      "猶予期限（2025年9月30日）まで残り45日、利用申請がまだです",
    );
    expect(alertOn(deferred, "2025-09-29", "deferral_expiring")?.message.en).toBe(
      "Deferral ends 30 Sep 2025 (1 day left); no usage application yet",
    );
    expect(rulesOn(deferred, "2025-09-30")).toContain("deferral_expiring");
    expect(rulesOn(deferred, "2025-09-30")).not.toContain("deferral_expired");
    expect(rulesOn(deferred, "2025-10-01")).not.toContain("deferral_expiring");
    expect(alertOn(deferred, "2025-10-01", "deferral_expired")?.dueOn).toBe("2025-09-30");
  });

  it("does not warn a facility that has applied, but still flags it when the deferral ends offline", () => {
    const applied = factsWith({ status: "applied", statusSince: "2025-07-10", firstAppliedOn: "2025-07-10" });
    expect(rulesOn(applied, "2025-09-01")).not.toContain("deferral_expiring");
    expect(rulesOn(applied, "2025-10-01")).toContain("deferral_expired");
  });

  it("widens the warning window from the settings", () => {
    const settings = { ...DEFAULT_ALERT_SETTINGS, expiringWithinDays: 90 };
    expect(rulesOn(deferred, "2025-07-02", settings)).toContain("deferral_expiring");
    expect(rulesOn(deferred, "2025-07-01", settings)).not.toContain("deferral_expiring");
  });
});

describe("apply_by_passed", () => {
  it("fires from the day after 20 July for a deferral ending 30 September", () => {
    const deferred = factsWith();
    expect(rulesOn(deferred, "2025-07-19")).not.toContain("apply_by_passed");
    expect(rulesOn(deferred, "2025-07-20")).not.toContain("apply_by_passed");
    expect(alertOn(deferred, "2025-07-21", "apply_by_passed")).toEqual({
      rule: "apply_by_passed",
      dueOn: "2025-07-20",
      message: {
        ja: "猶予期限（2025年9月30日）までに移行するための利用申請期限（2025年7月20日）を過ぎました",
        en: "Missed 20 Jul 2025, the last day to apply and be online before the deferral ends (30 Sep 2025)",
      },
    });
  });

  it("clears with an application on record by the date, not one recorded later", () => {
    const appliedLate = factsWith({ firstAppliedOn: "2025-07-25" });
    expect(rulesOn(appliedLate, "2025-07-24")).toContain("apply_by_passed");
    const applied = factsWith({ status: "applied", statusSince: "2025-07-25", firstAppliedOn: "2025-07-25" });
    expect(rulesOn(applied, "2025-07-25")).not.toContain("apply_by_passed");
  });
});

describe("plan_slipped", () => {
  const cases = [
    { readiness: "december", readinessDate: null, due: "2024-12-31", next: "2025-01-01" },
    { readiness: "march", readinessDate: null, due: "2025-03-31", next: "2025-04-01" },
    { readiness: "september", readinessDate: null, due: "2025-09-30", next: "2025-10-01" },
    { readiness: "other", readinessDate: "2025-06-30", due: "2025-06-30", next: "2025-07-01" },
  ] as const;

  it.each(cases)(
    "⑦ $readiness counts from the filing year and fires after $due",
    ({ readiness, readinessDate, due, next }) => {
      const facts = factsWith({
        status: "applied",
        firstAppliedOn: "2024-09-01",
        filing: filingWith({ readiness, readinessDate }),
      });
      expect(rulesOn(facts, due)).not.toContain("plan_slipped");
      expect(alertOn(facts, next, "plan_slipped")?.dueOn).toBe(due);
    },
  );

  it("never fires for ⑦エ without a date", () => {
    const facts = factsWith({ filing: filingWith({ readiness: "other", readinessDate: null }) });
    expect(rulesOn(facts, "2026-12-31")).not.toContain("plan_slipped");
  });
});

describe("closure_overdue", () => {
  const closing = factsWith({ filing: filingWith({ reason: "transitional", reasonSub: 3 }) });

  it("fires from the day after the deferral end while the facility is not closed", () => {
    expect(rulesOn(closing, "2025-09-30")).not.toContain("closure_overdue");
    expect(alertOn(closing, "2025-10-01", "closure_overdue")?.message.ja).toBe(
      "休廃止予定で届出、猶予期限（2025年9月30日）を過ぎましたが、廃止・休止の記録がありません",
    );
    const noFibre = factsWith({ filing: filingWith({ reason: "transitional", reasonSub: 1 }) });
    expect(rulesOn(noFibre, "2025-10-01")).not.toContain("closure_overdue");
  });

  it("stops from the closing day", () => {
    const closesLater = { ...closing, closedOn: "2025-10-15" };
    expect(rulesOn(closesLater, "2025-10-14")).toContain("closure_overdue");
    expect(rulesOn(closesLater, "2025-10-15")).toEqual([]);
  });
});

describe("facilities that need no call", () => {
  const everythingLate = factsWith({
    filing: filingWith({ readiness: "december", usageApplied: true, reason: "transitional", reasonSub: 3 }),
  });

  it("a closed facility gets nothing, however late it is", () => {
    expect(rulesOn(everythingLate, "2026-01-01").length).toBeGreaterThan(3);
    expect(rulesOn({ ...everythingLate, status: "closed" }, "2026-01-01")).toEqual([]);
    expect(rulesOn({ ...everythingLate, closedOn: "2025-12-31" }, "2026-01-01")).toEqual([]);
  });

  it("an online facility gets nothing, not even a filing mismatch", () => {
    expect(rulesOn({ ...everythingLate, status: "online", statusSince: "2025-10-01" }, "2026-01-01")).toEqual([]);
  });
});

describe("ordering", () => {
  it("puts the earliest due date first", () => {
    const facts = factsWith({ filing: filingWith({ readiness: "december", usageApplied: true }) });
    expect(evaluateAlerts(facts, "2025-10-01").map((a) => [a.rule, a.dueOn])).toEqual([
      ["filing_mismatch", "2024-08-20"],
      ["plan_slipped", "2024-12-31"],
      ["apply_by_passed", "2025-07-20"],
      ["deferral_expired", "2025-09-30"],
    ]);
  });

  it("breaks a tie on the same date by urgency", () => {
    const facts = factsWith({ filing: filingWith({ reason: "transitional", reasonSub: 3, readiness: "september" }) });
    expect(rulesOn(facts, "2025-10-01")).toEqual([
      "apply_by_passed",
      "deferral_expired",
      "closure_overdue",
      "plan_slipped",
    ]);
  });
});
