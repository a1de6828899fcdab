import { describe, expect, it } from "vitest";
import { ALERT_RULE_INFO, ALERT_RULES, DEFAULT_ALERT_SETTINGS, evaluateAlerts, hasAlert, isAlertRule } from "./rules";
import { factsWith, filingWith, rulesOn } from "./test-facts";

// Deferred to 30 Sep 2026 so that the deferral rules stay quiet while the onboarding steps are tested.
const filing = filingWith({ deferralUntil: "2026-09-30", filedOn: "2025-08-20" });

describe("certificate_overdue", () => {
  // Filed before applying: without a filing in force an applied facility is a no_filing case after 30 Sep 2024.
  const applied = factsWith({
    status: "applied",
    statusSince: "2025-07-01",
    firstAppliedOn: "2025-07-01",
    filing: filingWith({ deferralUntil: "2026-09-30", filedOn: "2025-06-20" }),
  });

  it("fires once 45 days after the application have gone by without a certificate", () => {
    expect(rulesOn(applied, "2025-08-14")).toEqual([]);
    expect(rulesOn(applied, "2025-08-15")).toEqual([]);
    expect(evaluateAlerts(applied, "2025-08-16")).toEqual([
      {
        rule: "certificate_overdue",
        dueOn: "2025-08-15",
        message: {
          ja: "利用申請（2025年7月1日）から46日経過、電子証明書が未発行です",
          en: "Applied on 1 Jul 2025, 46 days ago; no certificate issued yet",
        },
      },
    ]);
  });

  it("skips facilities sharing the eligibility terminal and those with a certificate", () => {
    // Sharing the terminal, no certificate is due; 60 days after applying the start is (start_missed).
    expect(rulesOn({ ...applied, sharesOqvTerminal: true }, "2025-08-16")).toEqual([]);
    expect(rulesOn({ ...applied, sharesOqvTerminal: true }, "2025-09-01")).toEqual(["start_missed"]);
    expect(rulesOn({ ...applied, firstCertificateOn: "2025-08-20" }, "2025-09-01")).not.toContain(
      "certificate_overdue",
    );
  });

  it("falls back to the state's start date and takes the allowance from the settings", () => {
    const noFirstDate = { ...applied, firstAppliedOn: null };
    expect(rulesOn(noFirstDate, "2025-08-16")).toEqual(["certificate_overdue"]);
    const settings = { ...DEFAULT_ALERT_SETTINGS, certificateDays: 30 };
    expect(rulesOn(applied, "2025-07-31", settings)).toEqual([]);
    expect(rulesOn(applied, "2025-08-01", settings)).toEqual(["certificate_overdue"]);
  });
});

describe("start_missed", () => {
  const issued = factsWith({
    status: "certificate_issued",
    statusSince: "2025-08-01",
    firstAppliedOn: "2025-07-01",
    firstCertificateOn: "2025-08-01",
    filing,
  });

  it("fires once 60 days after the certificate have gone by without online claims", () => {
    expect(rulesOn(issued, "2025-09-29")).toEqual([]);
    expect(rulesOn(issued, "2025-09-30")).toEqual([]);
    const alert = evaluateAlerts(issued, "2025-10-01")[0];
    expect(alert.rule).toBe("start_missed");
    expect(alert.dueOn).toBe("2025-09-30");
    expect(alert.message.ja).toBe("電子証明書の発行（2025年8月1日）から61日経過、オンライン請求を開始していません");
  });

  it("takes the allowance from the settings and clears once online", () => {
    const settings = { ...DEFAULT_ALERT_SETTINGS, startDays: 90 };
    expect(rulesOn(issued, "2025-10-30", settings)).toEqual([]);
    expect(rulesOn(issued, "2025-10-31", settings)).toEqual(["start_missed"]);
    expect(rulesOn({ ...issued, status: "online" }, "2025-12-01")).toEqual([]);
  });
});

describe("filing_mismatch", () => {
  const says = (usageApplied: boolean, certApplied: boolean) => filingWith({ ...filing, usageApplied, certApplied });

  it("flags 利用申請 済 without an application, from the filing date on", () => {
    const facts = factsWith({ filing: says(true, false) });
    expect(rulesOn(facts, "2025-08-19")).toEqual([]);
    expect(evaluateAlerts(facts, "2025-08-20")[0]).toEqual({
      rule: "filing_mismatch",
      dueOn: "2025-08-20",
      message: {
        ja: "届出（2025年8月20日）では利用申請「済」ですが、記録がありません",
        en: "The filing of 20 Aug 2025 says the usage application is done, but there is no record",
      },
    });
  });

  it("clears on the day the application is on record", () => {
    const facts = factsWith({ filing: says(true, false), firstAppliedOn: "2025-09-01" });
    expect(rulesOn(facts, "2025-08-31")).toEqual(["filing_mismatch"]);
    expect(rulesOn({ ...facts, status: "applied", statusSince: "2025-09-01" }, "2025-09-01")).toEqual([]);
  });

  it("flags 電子証明書申請 済 without a certificate, unless the terminal is shared", () => {
    const applied = factsWith({
      status: "applied",
      statusSince: "2025-09-01",
      firstAppliedOn: "2025-09-01",
      filing: says(true, true),
    });
    expect(evaluateAlerts(applied, "2025-09-10")[0].message.ja).toBe(
      "届出（2025年8月20日）では電子証明書申請「済」ですが、記録がありません",
    );
    expect(rulesOn({ ...applied, sharesOqvTerminal: true }, "2025-09-10")).toEqual([]);
    expect(
      rulesOn({ ...applied, status: "certificate_issued", firstCertificateOn: "2025-09-05" }, "2025-09-10"),
    ).toEqual([]);
    const neither = factsWith({ filing: says(true, true) });
    expect(evaluateAlerts(neither, "2025-09-10")[0].message.en).toBe(
      "The filing of 20 Aug 2025 says the usage and certificate applications are done, but there is no record",
    );
  });
});

describe("rule catalogue", () => {
  it(
    "lists the nine contract ids and the five added for the " +
      "guidance's cases, each with Japanese and English names",
    () => {
      expect([...ALERT_RULES].sort()).toEqual([
        "apply_by_passed",
        "certificate_expired",
        "certificate_expiring",
        "certificate_overdue",
        "closure_overdue",
        "deferral_expired",
        "deferral_expiring",
        "filing_mismatch",
        "new_on_disk",
        "no_filing",
        "plan_slipped",
        "promise_missed",
        "regression",
        "start_missed",
      ]);
      for (const rule of ALERT_RULES) {
        expect(ALERT_RULE_INFO[rule].ja).not.toBe("");
        expect(ALERT_RULE_INFO[rule].en).not.toBe("");
      }
      expect(isAlertRule("no_filing")).toBe(true);
      expect(isAlertRule("nope")).toBe(false);
    },
  );

  it("answers the follow-up filter for one rule", () => {
    const onDisk = factsWith({ status: "optical_disk", filing: null });
    expect(hasAlert(onDisk, "no_filing", "2024-09-01")).toBe(true);
    expect(hasAlert(onDisk, "deferral_expired", "2024-09-01")).toBe(false);
  });
});
