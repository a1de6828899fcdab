/**
 * What reading a facility code changed about it, said the way a clerk would: spreadsheets drop the leading
 * zero, hand-made lists use full-width digits or hyphens. Null when the code was written as it is.
 */
export function describeCodeRepair(raw: string, code: string): { ja: string; en: string } | null {
  const cell = raw.trim();
  if (cell === code) return null;
  const ja: string[] = [];
  const en: string[] = [];
  const narrow = cell.normalize("NFKC");
  if (narrow !== cell) {
    ja.push("全角を半角に直しました");
    en.push("full-width digits made half-width");
  }
  const digits = narrow.replace(/[^\d]/g, "");
  if (digits !== narrow) {
    ja.push("区切り（ハイフン・空白）を除きました");
    en.push("separators removed");
  }
  if (digits.length === 9 && code === `0${digits}`) {
    ja.push("先頭のゼロを補いました");
    en.push("lost leading zero restored");
  }
  return ja.length
    ? { ja: ja.join("・"), en: en.join(", ") }
    : { ja: "表記を整えました", en: "written form normalised" };
}
