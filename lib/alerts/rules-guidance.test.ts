import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_SETTINGS, evaluateAlerts, firstClaimDeadline } from "./rules";
import { factsWith, filingWith, rulesOn } from "./test-facts";
import type { CertificateFacts } from "./facts";

/** The rules for the guidance's real cases: facilities the first nine rules sent nobody to. */

describe("no_filing beyond optical disk", () => {
  const applied = factsWith({
    status: "applied",
    statusSince: "2024-08-20",
    firstAppliedOn: "2024-08-20",
    filing: null,
  });

  it("flags an applied facility still on disk after 30 Sep 2024 with no filing (it should have filed 念のため)", () => {
    expect(rulesOn(applied, "2024-09-01")).toEqual([]);
    expect(rulesOn(applied, "2024-09-30")).toEqual([]);
    const [alert] = evaluateAlerts(applied, "2024-10-01");
    expect(alert.rule).toBe("no_filing");
    expect(alert.dueOn).toBe("2024-09-30");
    expect(alert.message.ja).toContain("念のため");
    expect(alert.message.en).toContain("move deadline (30 Sep 2024)");
  });

  it("flags a facility holding its certificate the same way, and one on disk from 1 Sep 2024 as before", () => {
    const certified = { ...applied, status: "certificate_issued" as const, firstCertificateOn: "2024-09-10" };
    expect(rulesOn(certified, "2024-10-01")).toEqual(["no_filing"]);
    const onDisk = factsWith({ status: "optical_disk", statusSince: null, filing: null });
    expect(evaluateAlerts(onDisk, "2024-09-01")[0]).toMatchObject({ rule: "no_filing", dueOn: "2024-08-31" });
  });

  it("leaves paper claimers to their own exemptions, and a deferred state without a filing on record alone", () => {
    expect(rulesOn(factsWith({ status: "optical_disk", filing: null, claimMethod: "paper" }), "2025-01-01")).toEqual(
      [],
    );
    expect(rulesOn(factsWith({ status: "deferred", filing: null }), "2025-01-01")).toEqual([]);
  });
});

describe("new_on_disk", () => {
  const opened = factsWith({
    status: "optical_disk",
    statusSince: null,
    filing: null,
    openedOn: "2024-06-15",
    claimMethod: "paper",
  });

  it(
    "flags a facility opened after new disk and paper registrations ended, " +
      "from the day after its first claims were due",
    () => {
      expect(firstClaimDeadline("2024-06-15")).toBe("2024-07-10");
      expect(firstClaimDeadline("2024-12-01")).toBe("2025-01-10");
      expect(rulesOn(opened, "2024-07-10")).toEqual([]);
      const [alert] = evaluateAlerts(opened, "2024-07-11");
      expect(alert).toMatchObject({ rule: "new_on_disk", dueOn: "2024-07-10" });
      expect(alert.message.ja).toContain("2024年6月15日開設");
      expect(alert.message.en).toContain("Opened 15 Jun 2024");
    },
  );

  it(
    "replaces no_filing for such a facility, " + "and leaves facilities opened before April 2024 to the usual rules",
    () => {
      expect(rulesOn({ ...opened, claimMethod: "optical_disk" }, "2024-10-01")).toEqual(["new_on_disk"]);
      expect(rulesOn({ ...opened, openedOn: "2024-03-31", claimMethod: "optical_disk" }, "2024-10-01")).toEqual([
        "no_filing",
      ]);
      expect(rulesOn({ ...opened, status: "online", statusSince: "2024-07-05" }, "2024-10-01")).toEqual([]);
    },
  );
});

describe("start_missed for a facility sharing the eligibility-check terminal", () => {
  const filing = filingWith({ filedOn: "2025-06-01", deferralUntil: "2026-09-30" });
  const shared = factsWith({
    status: "applied",
    statusSince: "2025-07-01",
    firstAppliedOn: "2025-07-01",
    sharesOqvTerminal: true,
    filing,
  });

  it("counts the allowed days from the usage application, as it needs no certificate", () => {
    expect(rulesOn(shared, "2025-08-30")).toEqual([]);
    const [alert] = evaluateAlerts(shared, "2025-08-31");
    expect(alert).toMatchObject({ rule: "start_missed", dueOn: "2025-08-30" });
    expect(alert.message.ja).toBe(
      "利用申請（2025年7月1日）から61日経過（オンライン資格確認端末を共用）、オンライン請求を開始していません",
    );
  });

  it("still counts from a certificate when the shared facility holds one", () => {
    const alert = evaluateAlerts({ ...shared, firstCertificateOn: "2025-08-01" }, "2025-10-01")[0];
    expect(alert).toMatchObject({ rule: "start_missed", dueOn: "2025-09-30" });
  });
});

describe("promise_missed", () => {
  const filing = filingWith({ filedOn: "2025-06-01", deferralUntil: "2026-09-30" });
  const promised = factsWith({
    filing,
    statusSince: "2025-06-01",
    lastContact: { contactedOn: "2025-07-01", promisedOn: "2025-07-20" },
  });

  it("fires the day after the promised date when nothing moved since the contact", () => {
    expect(rulesOn(promised, "2025-07-20")).toEqual([]);
    const [alert] = evaluateAlerts(promised, "2025-07-21");
    expect(alert).toMatchObject({ rule: "promise_missed", dueOn: "2025-07-20" });
    expect(alert.message.ja).toBe(
      "2025年7月1日の連絡で約束した期日（2025年7月20日）を過ぎましたが、進捗の記録がありません",
    );
  });

  it("is kept by a step on or after the contact, and not read before the contact was made", () => {
    expect(
      rulesOn(
        { ...promised, status: "applied", statusSince: "2025-07-01", firstAppliedOn: "2025-07-01" },
        "2025-07-21",
      ),
    ).not.toContain("promise_missed");
    expect(
      rulesOn({ ...promised, lastContact: { contactedOn: "2025-08-01", promisedOn: "2025-07-20" } }, "2025-07-25"),
    ).toEqual([]);
    expect(
      rulesOn({ ...promised, lastContact: { contactedOn: "2025-07-01", promisedOn: null } }, "2025-09-01"),
    ).toEqual([]);
  });
});

describe("regression", () => {
  const back = factsWith({
    status: "optical_disk",
    statusSince: "2025-05-12",
    initialState: "online",
    filing: null,
    claimMethod: "online",
  });

  it("flags a facility that was online and is back on disk, from the day of the step", () => {
    const alerts = evaluateAlerts(back, "2025-05-12");
    expect(alerts.map((a) => a.rule)).toEqual(["no_filing", "regression"]);
    expect(alerts[1]).toMatchObject({ dueOn: "2025-05-12" });
    expect(alerts[1].message.ja).toBe("オンライン請求から後退しています（2025年5月12日から光ディスク等）");
  });

  it("knows a facility that reached online through its events, and tells it nothing about a first start", () => {
    const climbed = factsWith({
      status: "certificate_issued",
      statusSince: "2025-03-01",
      firstAppliedOn: "2024-06-01",
      firstCertificateOn: "2024-07-01",
      firstOnlineOn: "2024-09-05",
      filing: filingWith({ filedOn: "2024-05-20", deferralUntil: "2025-09-30" }),
    });
    expect(rulesOn(climbed, "2025-03-02")).toContain("regression");
    expect(rulesOn(climbed, "2025-03-02")).not.toContain("start_missed");
    // Before it first went online the same facts are an ordinary late starter.
    expect(rulesOn({ ...climbed, status: "certificate_issued", statusSince: "2024-07-01" }, "2024-09-04")).toEqual([
      "start_missed",
    ]);
  });
});

describe("certificate_expiring and certificate_expired", () => {
  const cert = (
    terminal: string,
    issuedOn: string | null,
    expiresOn: string | null,
    appliedOn: string | null = null,
  ): CertificateFacts => ({
    terminal,
    appliedOn,
    issuedOn,
    expiresOn,
  });
  const online = factsWith({
    status: "online",
    statusSince: "2023-04-05",
    filing: null,
    initialState: "online",
    certificates: [cert("1", "2023-03-20", "2026-03-19")],
  });

  it(
    "warns an online facility 90 days before its certificate's " +
      "last valid day, then flags it expired the day after",
    () => {
      expect(rulesOn(online, "2025-12-18")).toEqual([]);
      const [soon] = evaluateAlerts(online, "2025-12-19");
      expect(soon).toMatchObject({ rule: "certificate_expiring", dueOn: "2026-03-19" });
      expect(soon.message.ja).toBe("電子証明書の有効期限（2026年3月19日）まで残り90日、更新の申請がありません");
      expect(rulesOn(online, "2026-03-19")).toEqual(["certificate_expiring"]);
      const [expired] = evaluateAlerts(online, "2026-03-20");
      expect(expired).toMatchObject({ rule: "certificate_expired", dueOn: "2026-03-19" });
      expect(expired.message.en).toContain("online claims stop");
    },
  );

  it(
    "is quiet once a renewal is applied for, expires all the " +
      "same if it is not issued in time, and clears once issued",
    () => {
      const applied = { ...online, certificates: [...online.certificates, cert("1", null, null, "2026-01-10")] };
      expect(rulesOn(applied, "2026-01-09")).toEqual(["certificate_expiring"]);
      expect(rulesOn(applied, "2026-01-10")).toEqual([]);
      expect(rulesOn(applied, "2026-03-20")).toEqual(["certificate_expired"]);
      const renewed = {
        ...online,
        certificates: [...online.certificates, cert("1", "2026-01-20", "2029-01-19", "2026-01-10")],
      };
      expect(rulesOn(renewed, "2026-03-20")).toEqual([]);
      expect(rulesOn(renewed, "2029-01-01")).toEqual(["certificate_expiring"]);
    },
  );

  it("reads every terminal: one expired wins over another expiring, and counts the terminals", () => {
    const two = {
      ...online,
      certificates: [cert("1", "2023-03-20", "2026-03-19"), cert("2", "2023-04-20", "2026-04-19")],
    };
    expect(evaluateAlerts(two, "2026-02-01")[0].message.ja).toContain("（2台の端末）");
    expect(rulesOn(two, "2026-03-25")).toEqual(["certificate_expired"]);
    const settings = { ...DEFAULT_ALERT_SETTINGS, certificateExpiringDays: 30 };
    expect(rulesOn(two, "2026-02-01", settings)).toEqual([]);
  });

  it("ignores certificates issued after the date and those of a closed facility", () => {
    expect(rulesOn(online, "2023-01-01")).toEqual([]);
    expect(rulesOn({ ...online, closedOn: "2026-01-01" }, "2026-03-25")).toEqual([]);
  });
});
