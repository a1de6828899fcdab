import { PREFECTURES, type Prefecture } from "./prefectures-data";

export { PREFECTURES, type Prefecture };

const byCode = new Map(PREFECTURES.map((p) => [p.code, p]));

export function prefectureByCode(code: string): Prefecture | undefined {
  return byCode.get(code);
}

export function isPrefectureCode(code: string): boolean {
  return byCode.has(code);
}

/**
 * Finds a prefecture by JIS code (1 or 2 digits, full-width
 * allowed), Japanese name (with or without 都/道/府/県) or English name.
 */
export function findPrefecture(input: string): Prefecture | undefined {
  if (found.has(input)) return found.get(input);
  const prefecture = lookUpPrefecture(input);
  if (found.size > 10_000) found.clear();
  found.set(input, prefecture);
  return prefecture;
}

// Lists name the same 47 prefectures over and over: each spelling is looked up once.
const found = new Map<string, Prefecture | undefined>();

function lookUpPrefecture(input: string): Prefecture | undefined {
  const text = input.normalize("NFKC").trim();
  if (/^\d{1,2}$/.test(text)) return byCode.get(text.padStart(2, "0"));
  const lower = text.toLowerCase();
  return PREFECTURES.find(
    (p) => p.nameJa === text || p.nameJa.replace(/[都道府県]$/, "") === text || p.nameEn.toLowerCase() === lower,
  );
}
