/** The contact log's vocabulary: how staff reached a facility and what came of it (ids are stored). */
export const CONTACT_CHANNELS = ["phone", "letter", "email", "visit"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = [
  "reached",
  "promised",
  "no_answer",
  "left_message",
  "refused",
  "wrong_number",
  "other",
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const CHANNEL_LABELS: Record<ContactChannel, { ja: string; en: string }> = {
  phone: { ja: "電話", en: "Phone" },
  letter: { ja: "文書", en: "Letter" },
  email: { ja: "メール", en: "E-mail" },
  visit: { ja: "訪問", en: "Visit" },
};

export const OUTCOME_LABELS: Record<ContactOutcome, { ja: string; en: string }> = {
  reached: { ja: "担当者と話せた", en: "Reached" },
  promised: { ja: "期日の約束あり", en: "Promised a date" },
  no_answer: { ja: "応答なし", en: "No answer" },
  left_message: { ja: "伝言を残した", en: "Left a message" },
  refused: { ja: "対応を断られた", en: "Refused" },
  wrong_number: { ja: "番号違い", en: "Wrong number" },
  other: { ja: "その他", en: "Other" },
};
