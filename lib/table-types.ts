/** 点数表: the table type digit in the facility code. 6 (home-visit nursing) is out of scope. */
export const TABLE_TYPES = ["medical", "dental", "pharmacy"] as const;
export type TableType = (typeof TABLE_TYPES)[number];

export const TABLE_TYPE_DIGIT: Record<TableType, string> = { medical: "1", dental: "3", pharmacy: "4" };

export const TABLE_TYPE_INFO: Record<TableType, { ja: string; en: string }> = {
  medical: { ja: "医科", en: "Medical" },
  dental: { ja: "歯科", en: "Dental" },
  pharmacy: { ja: "調剤", en: "Pharmacy" },
};

export function tableTypeFromDigit(digit: string): TableType | null {
  const found = TABLE_TYPES.find((t) => TABLE_TYPE_DIGIT[t] === digit);
  return found ?? null;
}

/** 区分: the facility list says whether a medical facility is a hospital (20+ beds) or a clinic. */
export const CATEGORIES = ["hospital", "clinic", "pharmacy"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_INFO: Record<Category, { ja: string; en: string }> = {
  hospital: { ja: "病院", en: "Hospital" },
  clinic: { ja: "診療所", en: "Clinic" },
  pharmacy: { ja: "薬局", en: "Pharmacy" },
};

/** How the facility sends its claims today (請求方法). */
export const CLAIM_METHODS = ["online", "optical_disk", "paper"] as const;
export type ClaimMethod = (typeof CLAIM_METHODS)[number];
