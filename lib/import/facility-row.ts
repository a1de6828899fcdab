import { findPrefecture, prefectureByCode } from "../prefectures";
import { TABLE_TYPE_INFO, type Category, type ClaimMethod, type TableType } from "../table-types";
import { RowCheck } from "./row-check";
import { choice, date, flag, integer, text } from "./values";
import type { FacilityRow, RowError } from "./types";
import { inBothLanguages } from "../i18n/errors";

const TABLE_TYPES: Record<TableType, string[]> = {
  medical: ["医科", "1"],
  dental: ["歯科", "3"],
  pharmacy: ["調剤", "薬局", "4"],
};
const CATEGORIES: Record<Category, string[]> = {
  hospital: ["病院"],
  clinic: ["診療所", "クリニック", "医院", "歯科診療所"],
  pharmacy: ["薬局", "保険薬局"],
};
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

/** Validates one facility-list row (contracts.md, facilities). A column the file does not have is left undefined. */
export function facilityRow(
  row: number,
  cells: Record<string, string>,
): { value: FacilityRow } | { errors: RowError[] } {
  const check = new RowCheck(row, cells);
  const code = check.code();
  const name = check.required("name", text(cells.name), "name");
  if (code && text(cells.prefecture) !== null) {
    const pref = findPrefecture(cells.prefecture);
    if (!pref) check.fail("prefecture", "import.row.unknownPrefecture", { value: cells.prefecture.trim() });
    else if (pref.code !== code.prefecture)
      check.fail("prefecture", "import.row.prefectureMismatch", {
        prefecture: { ja: pref.nameJa, en: pref.nameEn },
        codePrefecture: inBothLanguages((lang) =>
          String(prefectureByCode(code.prefecture)?.[lang === "en" ? "nameEn" : "nameJa"]),
        ),
      });
  }
  const tableType = check.take("table_type", choice(cells.table_type, TABLE_TYPES, "tableType"));
  if (code && tableType && tableType !== code.tableType)
    check.fail("table_type", "import.row.tableTypeMismatch", {
      tableType: inBothLanguages((lang) => TABLE_TYPE_INFO[tableType][lang]),
      codeTableType: inBothLanguages((lang) => TABLE_TYPE_INFO[code.tableType][lang]),
    });
  const category = check.take("category", choice(cells.category, CATEGORIES, "category"));
  if (code && category && (category === "pharmacy") !== (code.tableType === "pharmacy"))
    check.fail("category", "import.row.categoryMismatch", {
      category: cells.category.trim(),
      tableType: inBothLanguages((lang) => TABLE_TYPE_INFO[code.tableType][lang]),
    });
  // Every field written out in one literal (one object shape for every row, however many columns the file has).
  const value: FacilityRow = {
    code: code?.code ?? "",
    prefecture: code?.prefecture ?? "",
    tableType: code?.tableType ?? "medical",
    name: name ?? "",
    category: "category" in cells ? category : undefined,
    address: "address" in cells ? text(cells.address) : undefined,
    postalCode: "postal_code" in cells ? normalizedText(cells.postal_code) : undefined,
    phone: "phone" in cells ? normalizedText(cells.phone) : undefined,
    specialties: "specialties" in cells ? text(cells.specialties) : undefined,
    claimMethod:
      "claim_method" in cells
        ? check.take("claim_method", choice(cells.claim_method, CLAIM_METHODS, "claimMethod"))
        : undefined,
    monthlyClaims:
      "monthly_claims" in cells
        ? check.take("monthly_claims", integer(cells.monthly_claims, "monthlyClaims"))
        : undefined,
    sharesOqvTerminal:
      "shares_oqv_terminal" in cells
        ? check.take("shares_oqv_terminal", flag(cells.shares_oqv_terminal, "sharesTerminal"))
        : undefined,
    closedOn: "closed_on" in cells ? check.take("closed_on", date(cells.closed_on, "closedOn")) : undefined,
    openedOn: "opened_on" in cells ? check.take("opened_on", date(cells.opened_on, "openedOn")) : undefined,
  };
  return check.ok ? { value } : { errors: check.errors };
}
