import { formatWareki } from "../dates";
import { RowCheck } from "./row-check";
import { choice, date, flag, text, yearMonth, Invalid } from "./values";
import type { FilingRow, RowError } from "./types";

const REASONS: Record<FilingRow["reason"], string[]> = {
  outsourced: ["ア", "外部委託", "委託"],
  transitional: ["イ", "経過措置"],
  other: ["ウ", "その他"],
};
const READINESS: Record<FilingRow["readiness"], string[]> = {
  december: ["ア", "12月末", "12月"],
  march: ["イ", "3月末", "3月", "翌3月末"],
  september: ["ウ", "9月末", "9月", "翌9月末"],
  other: ["エ", "その他"],
};
const RECECOM: Record<NonNullable<FilingRow["rececom"]>, string[]> = {
  ready: ["ア", "対応可", "対応可能"],
  upgrade: ["イ", "改修・調達要", "改修要", "調達要", "改修・調達が必要"],
  checking: ["ウ", "確認中"],
};
const NETWORK: Record<FilingRow["network"], string[]> = {
  ready: ["ア", "整備済", "整備済み"],
  contracted: ["イ", "契約済・未整備", "契約済未整備", "契約済"],
  considering: ["ウ", "見積・検討中", "見積中", "検討中"],
};
const SUB_REASONS: Record<string, string[]> = {
  "1": ["(1)", "光回線未整備", "光回線"],
  "2": ["(2)", "改築工事・臨時施設", "改築工事", "臨時施設"],
  "3": ["(3)", "休廃止予定", "休止・廃止予定", "廃止予定"],
  "4": ["(4)", "その他困難", "その他特に困難", "その他"],
};

/** Validates one 様式第1号 row with the rules of domain.md and contracts.md. */
export function filingRow(row: number, cells: Record<string, string>): { value: FilingRow } | { errors: RowError[] } {
  const c = new RowCheck(row, cells);
  const code = c.code();
  const filedOn = c.required("filed_on", date(cells.filed_on, "届出日"), "届出日");
  const deferralUntil = c.required("deferral_until", date(cells.deferral_until, "継続希望期間"), "継続希望期間（⑤）");
  if (filedOn && deferralUntil) {
    const limit = `${Number(filedOn.slice(0, 4)) + 1}-09-30`;
    if (deferralUntil > limit)
      c.fail("deferral_until", `継続希望期間（⑤）は届出の翌年9月30日（${formatWareki(limit)}）までです`);
    if (deferralUntil < filedOn) c.fail("deferral_until", "継続希望期間（⑤）が届出日より前です");
  }
  const reason = c.required("reason", choice(cells.reason, REASONS, "猶予理由（⑥）"), "猶予理由（⑥）");
  const subRaw = text(cells.reason_sub);
  const subParsed =
    subRaw === null
      ? null
      : choice(subRaw.replace(/^[（(]?([1-4１-４])[)）]?.*$/, "$1"), SUB_REASONS, "経過措置の事由");
  const reasonSub = c.take("reason_sub", subParsed);
  const outsourcer = text(cells.outsourcer);
  const reasonOther = text(cells.reason_other);
  if (reason === "transitional" && reasonSub === null && !(subParsed instanceof Invalid))
    c.fail("reason_sub", "理由がイ（経過措置）のときは事由（1〜4）が必要です");
  if (reason === "outsourced" && outsourcer === null)
    c.fail("outsourcer", "理由がア（外部委託）のときは委託先名が必要です");
  if (reason === "other" && reasonOther === null)
    c.fail("reason_other", "理由がウ（その他）のときはその他の理由が必要です");
  const readiness = c.required(
    "readiness",
    choice(cells.readiness, READINESS, "体制整備予定（⑦）"),
    "体制整備予定（⑦）",
  );
  const readinessDate = c.take("readiness_date", date(cells.readiness_date, "整備予定日"));
  const readinessOther = text(cells.readiness_other);
  if (
    readiness === "other" &&
    readinessDate === null &&
    readinessOther === null &&
    !c.errors.some((e) => e.column === "readiness_date")
  )
    c.fail("readiness", "体制整備予定がエ（その他）のときは整備予定日か内容が必要です");
  const rececom = c.take("rececom", choice(cells.rececom, RECECOM, "レセコン（⑧）"));
  const rececomMonth = c.take("rececom_month", yearMonth(cells.rececom_month, "レセコン改修予定年月"));
  if (reason === "other" && rececom === null && !c.errors.some((e) => e.column === "rececom"))
    c.fail("rececom", "理由がウ（その他）のときはレセコンの状況（⑧）が必要です");
  if (rececom === "upgrade" && rececomMonth === null)
    c.fail("rececom_month", "レセコンがイ（改修・調達要）のときは予定年月が必要です");
  const network = c.required("network", choice(cells.network, NETWORK, "ネットワーク（⑨）"), "ネットワーク（⑨）");
  const networkMonth = c.take("network_month", yearMonth(cells.network_month, "ネットワーク整備予定年月"));
  if (network === "contracted" && networkMonth === null)
    c.fail("network_month", "ネットワークがイ（契約済・未整備）のときは整備予定年月が必要です");
  const usageApplied = c.required("usage_applied", flag(cells.usage_applied, "利用申請（⑩）"), "利用申請（⑩）");
  const certApplied = c.required(
    "cert_applied",
    flag(cells.cert_applied, "電子証明書申請（⑩）"),
    "電子証明書申請（⑩）",
  );
  if (
    !c.ok ||
    !code ||
    !filedOn ||
    !deferralUntil ||
    !reason ||
    !readiness ||
    !network ||
    usageApplied === null ||
    certApplied === null
  ) {
    return { errors: c.errors };
  }
  return {
    value: {
      code: code.code,
      filedOn,
      deferralUntil,
      reason,
      reasonSub: reasonSub === null ? null : Number(reasonSub),
      outsourcer,
      reasonOther,
      readiness,
      readinessDate,
      readinessOther,
      rececom,
      rececomMonth,
      network,
      networkMonth,
      usageApplied,
      certApplied,
      facilityName: text(cells.facility_name),
      phone: text(cells.phone),
      specialties: text(cells.specialties),
      remarks: text(cells.remarks),
      founderName: text(cells.founder_name),
      address: text(cells.address),
      email: text(cells.email),
    },
  };
}
