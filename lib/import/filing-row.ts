import { formatOfficialDate } from "../i18n/format";
import { inBothLanguages } from "../i18n/errors";
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
  const filedOn = c.required("filed_on", date(cells.filed_on, "filedOn"), "filedOn");
  const deferralUntil = c.required("deferral_until", date(cells.deferral_until, "deferralPeriod"), "deferralUntil");
  if (filedOn && deferralUntil) {
    const limit = `${Number(filedOn.slice(0, 4)) + 1}-09-30`;
    if (deferralUntil > limit)
      c.fail("deferral_until", "import.row.deferralTooLate", {
        limit: inBothLanguages((lang) => formatOfficialDate(limit, lang)),
      });
    if (deferralUntil < filedOn) c.fail("deferral_until", "import.row.deferralBeforeFiling");
  }
  const reason = c.required("reason", choice(cells.reason, REASONS, "reason"), "reason");
  const subRaw = text(cells.reason_sub);
  const subParsed =
    subRaw === null ? null : choice(subRaw.replace(/^[（(]?([1-4１-４])[)）]?.*$/, "$1"), SUB_REASONS, "reasonSub");
  const reasonSub = c.take("reason_sub", subParsed);
  const outsourcer = text(cells.outsourcer);
  const reasonOther = text(cells.reason_other);
  if (reason === "transitional" && reasonSub === null && !(subParsed instanceof Invalid))
    c.fail("reason_sub", "import.row.reasonSubNeeded");
  if (reason === "outsourced" && outsourcer === null) c.fail("outsourcer", "import.row.outsourcerNeeded");
  if (reason === "other" && reasonOther === null) c.fail("reason_other", "import.row.reasonOtherNeeded");
  const readiness = c.required("readiness", choice(cells.readiness, READINESS, "readiness"), "readiness");
  const readinessDate = c.take("readiness_date", date(cells.readiness_date, "readinessDate"));
  const readinessOther = text(cells.readiness_other);
  if (
    readiness === "other" &&
    readinessDate === null &&
    readinessOther === null &&
    !c.errors.some((e) => e.column === "readiness_date")
  )
    c.fail("readiness", "import.row.readinessOtherNeeded");
  const rececom = c.take("rececom", choice(cells.rececom, RECECOM, "rececom"));
  const rececomMonth = c.take("rececom_month", yearMonth(cells.rececom_month, "rececomMonth"));
  if (reason === "other" && rececom === null && !c.errors.some((e) => e.column === "rececom"))
    c.fail("rececom", "import.row.rececomNeeded");
  if (rececom === "upgrade" && rececomMonth === null) c.fail("rececom_month", "import.row.rececomMonthNeeded");
  const network = c.required("network", choice(cells.network, NETWORK, "network"), "network");
  const networkMonth = c.take("network_month", yearMonth(cells.network_month, "networkMonth"));
  if (network === "contracted" && networkMonth === null) c.fail("network_month", "import.row.networkMonthNeeded");
  const usageApplied = c.required("usage_applied", flag(cells.usage_applied, "usageApplied"), "usageApplied");
  const certApplied = c.required("cert_applied", flag(cells.cert_applied, "certApplied"), "certApplied");
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
