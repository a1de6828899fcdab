import { HEADERS } from "./headers";
import type { ImportKind } from "./kinds";

/**
 * A CSV template for each import kind, to fill in with Excel: every column the import reads, headed with its
 * first Japanese name, and one example row that the import accepts as it stands.
 */
const EXAMPLES: Record<ImportKind, Record<string, string>> = {
  facilities: {
    code: "0110113719",
    name: "記入例クリニック",
    prefecture: "北海道",
    table_type: "医科",
    category: "診療所",
    address: "北海道札幌市中央区北1条西1-1",
    postal_code: "060-0001",
    phone: "011-123-4567",
    specialties: "内科",
    claim_method: "光ディスク",
    monthly_claims: "850",
    shares_oqv_terminal: "無",
    closed_on: "",
  },
  filings: {
    code: "0110113719",
    facility_name: "記入例クリニック",
    filed_on: "2024-08-20",
    deferral_until: "2025-09-30",
    reason: "イ",
    reason_sub: "4",
    outsourcer: "",
    reason_other: "",
    readiness: "イ",
    readiness_date: "",
    readiness_other: "",
    rececom: "",
    rececom_month: "",
    network: "ウ",
    network_month: "",
    usage_applied: "未",
    cert_applied: "未",
    remarks: "",
    founder_name: "記入 太郎",
    email: "info@example.jp",
    phone: "011-123-4567",
    specialties: "内科",
    address: "北海道札幌市中央区北1条西1-1",
  },
  events: { code: "0110113719", status: "利用申請", effective_on: "2025-01-15", note: "" },
  claims: { code: "0110113719", month: "2025-01", claims: "850", online_claims: "0" },
};

/** The template as rows: the header, then the example. */
export function importTemplateRows(kind: ImportKind): string[][] {
  const keys = Object.keys(HEADERS[kind].names);
  return [keys.map((k) => HEADERS[kind].names[k][0] ?? k), keys.map((k) => EXAMPLES[kind][k] ?? "")];
}
