import { isPrefectureCode } from "./prefectures";
import { tableTypeFromDigit, type TableType } from "./table-types";

/** Luhn check digit over the first nine digits: weights 2,1,2,1… from the rightmost digit. */
export function checkDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < first9.length; i++) {
    const digit = first9.charCodeAt(first9.length - 1 - i) - 48; // "0" is 48
    const product = digit * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** Builds a valid code from its parts; used by the seed and tests. */
export function makeFacilityCode(prefecture: string, tableDigit: string, district: number, number: number): string {
  const first9 = prefecture + tableDigit + String(district).padStart(2, "0") + String(number).padStart(4, "0");
  return first9 + String(checkDigit(first9));
}

const TEN_DIGITS = /^\d{10}$/;

/** Full-width digits to ASCII, hyphens and spaces out, a zero put back when Excel stripped it (9 digits). */
export function normalizeFacilityCode(raw: string): string {
  if (TEN_DIGITS.test(raw)) return raw; // as most lists have it: nothing to normalise
  const compact = raw.normalize("NFKC").replace(/[\s\-‐‑‒–—―−ー－]/g, "");
  return /^\d{9}$/.test(compact) ? "0" + compact : compact;
}

export type FacilityCodeResult =
  | { ok: true; code: string; prefecture: string; tableType: TableType }
  | { ok: false; code: string; reason: { ja: string; en: string } };

function invalid(code: string, ja: string, en: string): FacilityCodeResult {
  return { ok: false, code, reason: { ja, en } };
}

/** Normalises then validates: length, prefecture 01–47, table digit 1/3/4, check digit; says why when invalid. */
export function parseFacilityCode(raw: string): FacilityCodeResult {
  const code = normalizeFacilityCode(raw);
  if (code === "") return invalid(code, "医療機関コードが空です", "The facility code is empty");
  if (!/^\d+$/.test(code))
    return invalid(
      code,
      "医療機関コードに数字以外の文字があります",
      "The facility code contains characters other than digits",
    );
  if (code.length !== 10)
    return invalid(
      code,
      `医療機関コードは10桁です（${code.length}桁）`,
      `A facility code has 10 digits (this has ${code.length})`,
    );
  const prefecture = code.slice(0, 2);
  if (!isPrefectureCode(prefecture))
    return invalid(
      code,
      `都道府県番号 ${prefecture} は 01〜47 の範囲外です`,
      `Prefecture number ${prefecture} is not between 01 and 47`,
    );
  const tableType = tableTypeFromDigit(code[2]);
  if (!tableType)
    return invalid(
      code,
      `点数表番号 ${code[2]} は医科(1)・歯科(3)・調剤(4)のいずれでもありません`,
      `Table digit ${code[2]} is not medical (1), dental (3) or pharmacy (4)`,
    );
  const expected = checkDigit(code.slice(0, 9));
  if (Number(code[9]) !== expected)
    return invalid(
      code,
      `検証番号が一致しません（末尾は ${expected} のはず）`,
      `The check digit does not match (the last digit should be ${expected})`,
    );
  return { ok: true, code, prefecture, tableType };
}
