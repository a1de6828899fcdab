import { findPrefecture, prefectureByCode } from "../prefectures";
import { TABLE_TYPE_INFO, type Category, type ClaimMethod, type TableType } from "../table-types";
import { RowCheck } from "./row-check";
import { choice, date, flag, integer, text } from "./values";
import type { FacilityRow, RowError } from "./types";

const TABLE_TYPES: Record<TableType, string[]> = { medical: ["医科", "1"], dental: ["歯科", "3"], pharmacy: ["調剤", "薬局", "4"] };
const CATEGORIES: Record<Category, string[]> = { hospital: ["病院"], clinic: ["診療所", "クリニック", "医院", "歯科診療所"], pharmacy: ["薬局", "保険薬局"] };
const CLAIM_METHODS: Record<ClaimMethod, string[]> = {
  online: ["オンライン", "オンライン請求", "電子(オンライン)"],
  optical_disk: ["光ディスク", "光ディスク等", "電子媒体", "媒体", "CD", "DVD", "FD", "MO"],
  paper: ["紙", "紙レセプト", "書面"],
};

// NFKC leaves printable ASCII as it is: only other text needs normalising (full-width digits and hyphens).
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const normalizedText = (raw: string | undefined) => {
  const t = text(raw);
  return t === null || PRINTABLE_ASCII.test(t) ? t : t.normalize("NFKC");
};

/** The optional columns other than category: field, column, and how to read it (defined once, not per row). */
const OPTIONAL: [keyof FacilityRow, string, (cells: Record<string, string>, check: RowCheck) => unknown][] = [
  ["address", "address", (cells) => text(cells.address)],
  ["postalCode", "postal_code", (cells) => normalizedText(cells.postal_code)],
  ["phone", "phone", (cells) => normalizedText(cells.phone)],
  ["specialties", "specialties", (cells) => text(cells.specialties)],
  ["claimMethod", "claim_method", (cells, check) => check.take("claim_method", choice(cells.claim_method, CLAIM_METHODS, "請求方法"))],
  ["monthlyClaims", "monthly_claims", (cells, check) => check.take("monthly_claims", integer(cells.monthly_claims, "月間レセプト件数"))],
  ["sharesOqvTerminal", "shares_oqv_terminal", (cells, check) => check.take("shares_oqv_terminal", flag(cells.shares_oqv_terminal, "端末共用"))],
  ["closedOn", "closed_on", (cells, check) => check.take("closed_on", date(cells.closed_on, "廃止日"))],
];

/** Validates one facility-list row (contracts.md, facilities). Only the columns the file has are set. */
export function facilityRow(row: number, cells: Record<string, string>): { value: FacilityRow } | { errors: RowError[] } {
  const check = new RowCheck(row, cells);
  const code = check.code();
  const name = check.required("name", text(cells.name), "名称");
  if (code && text(cells.prefecture) !== null) {
    const pref = findPrefecture(cells.prefecture);
    if (!pref) check.fail("prefecture", `都道府県「${cells.prefecture.trim()}」が分かりません`);
    else if (pref.code !== code.prefecture)
      check.fail("prefecture", `都道府県（${pref.nameJa}）が医療機関コードの都道府県（${prefectureByCode(code.prefecture)?.nameJa}）と一致しません`);
  }
  const tableType = check.take("table_type", choice(cells.table_type, TABLE_TYPES, "点数表"));
  if (code && tableType && tableType !== code.tableType)
    check.fail("table_type", `点数表（${TABLE_TYPE_INFO[tableType].ja}）が医療機関コードの点数表（${TABLE_TYPE_INFO[code.tableType].ja}）と一致しません`);
  const category = check.take("category", choice(cells.category, CATEGORIES, "区分"));
  if (code && category && (category === "pharmacy") !== (code.tableType === "pharmacy"))
    check.fail("category", `区分（${cells.category.trim()}）が点数表（${TABLE_TYPE_INFO[code.tableType].ja}）と合いません`);
  const value: FacilityRow = { code: code?.code ?? "", prefecture: code?.prefecture ?? "", tableType: code?.tableType ?? "medical", name: name ?? "" };
  if ("category" in cells) value.category = category;
  for (const [field, column, read] of OPTIONAL) {
    if (column in cells) (value as unknown as Record<string, unknown>)[field] = read(cells, check);
  }
  return check.ok ? { value } : { errors: check.errors };
}
