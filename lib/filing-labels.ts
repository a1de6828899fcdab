/** How people know the 様式第1号 answers: the form's letters with their meaning (ja / en). */
type Labels = Record<string, { ja: string; en: string }>;

export const REASON_LABELS: Labels = {
  outsourced: { ja: "ア 外部委託", en: "A Outsourced claims" },
  transitional: { ja: "イ 経過措置", en: "B Transitional hardship" },
  other: { ja: "ウ その他", en: "C Other" },
};

export const REASON_SUB_LABELS: Labels = {
  "1": { ja: "(1) 光回線未整備", en: "(1) No fibre line" },
  "2": { ja: "(2) 改築工事・臨時施設", en: "(2) Building works / temporary premises" },
  "3": { ja: "(3) 休廃止予定", en: "(3) Suspension or closure planned" },
  "4": { ja: "(4) その他特に困難", en: "(4) Other particular difficulty" },
};

export const READINESS_LABELS: Labels = {
  december: { ja: "ア 12月末", en: "A End of December" },
  march: { ja: "イ 翌3月末", en: "B End of March" },
  september: { ja: "ウ 翌9月末", en: "C End of September" },
  other: { ja: "エ その他", en: "D Other" },
};

export const NETWORK_LABELS: Labels = {
  ready: { ja: "ア 整備済", en: "A In place" },
  contracted: { ja: "イ 契約済・未整備", en: "B Contracted, not installed" },
  considering: { ja: "ウ 見積・検討中", en: "C Quoting / considering" },
};

export const RECECOM_LABELS: Labels = {
  ready: { ja: "ア 対応可", en: "A Ready" },
  upgrade: { ja: "イ 改修・調達要", en: "B Needs upgrade / purchase" },
  checking: { ja: "ウ 確認中", en: "C Being checked" },
};

/** Rows for a small table: every label in order, with its count (zero when absent). */
export function labelledCounts(
  labels: Labels,
  counts: Record<string, number>,
  lang: "ja" | "en",
): { key: string; label: string; count: number }[] {
  return Object.entries(labels).map(([key, l]) => ({ key, label: l[lang], count: counts[key] ?? 0 }));
}
