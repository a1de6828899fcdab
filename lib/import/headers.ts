import { ImportFileError } from "./decode";

import type { ImportKind } from "./kinds";

export type { ImportKind };

/** Header names by key: the English key itself is always accepted too. First the required keys. */
const CODE = [
  "医療機関コード",
  "保険医療機関コード",
  "薬局コード",
  "保険薬局コード",
  "医療機関等コード",
  "機関コード",
  "コード",
];

export const HEADERS: Record<ImportKind, { required: string[]; names: Record<string, string[]> }> = {
  facilities: {
    required: ["code", "name"],
    names: {
      code: CODE,
      name: [
        "名称",
        "医療機関名",
        "医療機関名称",
        "保険医療機関名",
        "保険医療機関名称",
        "薬局名",
        "薬局名称",
        "施設名",
        "facility_name",
      ],
      prefecture: ["都道府県", "都道府県名", "都道府県コード", "都道府県番号"],
      table_type: ["点数表", "点数表番号", "種別", "医療機関種別"],
      category: ["区分", "施設区分"],
      address: ["所在地", "住所", "所在地住所"],
      postal_code: ["郵便番号", "〒"],
      phone: ["電話番号", "電話", "TEL"],
      specialties: ["診療科目", "診療科"],
      claim_method: ["請求方法", "請求方式"],
      monthly_claims: ["月間レセプト件数", "レセプト件数", "月間請求件数"],
      shares_oqv_terminal: ["オンライン資格確認端末共用", "資格確認端末共用", "オン資端末共用"],
      closed_on: ["廃止日", "廃止年月日", "休止日", "休止年月日", "廃止・休止日"],
      opened_on: ["開設日", "開設年月日", "指定年月日", "指定日"],
    },
  },
  filings: {
    required: ["code", "filed_on", "deferral_until", "reason", "readiness", "network", "usage_applied", "cert_applied"],
    names: {
      code: CODE,
      facility_name: ["名称", "医療機関名", "医療機関名称", "保険医療機関名", "薬局名", "name"],
      filed_on: ["届出日", "届出年月日", "提出日"],
      deferral_until: ["継続希望期間", "猶予期限", "猶予期間", "継続希望期限"],
      reason: ["理由", "猶予理由", "猶予の理由"],
      reason_sub: ["理由詳細", "経過措置の事由", "経過措置事由"],
      outsourcer: ["委託先", "委託先名", "委託先名称"],
      reason_other: ["その他の理由", "その他理由"],
      readiness: ["体制整備予定", "整備予定時期", "体制整備予定時期"],
      readiness_date: ["整備予定日", "体制整備予定日"],
      readiness_other: ["整備予定（その他）", "整備予定その他", "体制整備予定（その他）"],
      rececom: ["レセコン", "レセコンの状況", "レセコン対応状況"],
      rececom_month: ["レセコン改修予定年月", "レセコン改修時期"],
      network: ["ネットワーク", "ネットワーク環境", "ネットワーク整備状況"],
      network_month: ["ネットワーク整備予定年月", "ネットワーク整備時期"],
      usage_applied: ["利用申請", "利用申請状況"],
      cert_applied: ["電子証明書申請", "電子証明書", "証明書申請"],
      remarks: ["備考"],
      founder_name: ["開設者名", "開設者"],
      email: ["メールアドレス", "メール", "Eメール", "e-mail"],
      phone: ["電話番号", "電話", "TEL"],
      specialties: ["診療科目", "診療科"],
      address: ["所在地", "住所"],
    },
  },
  events: {
    required: ["code", "status", "effective_on"],
    names: {
      code: CODE,
      status: ["状態", "ステータス", "進捗", "state"],
      effective_on: ["日付", "年月日", "発生日", "日", "date"],
      note: ["備考", "メモ"],
      terminal: ["端末", "端末番号", "端末ID", "端末識別子"],
      cert_applied_on: ["証明書申請日", "電子証明書申請日", "証明書発行申請日"],
      cert_issued_on: ["証明書発行日", "電子証明書発行日"],
      cert_expires_on: ["証明書有効期限", "電子証明書有効期限", "有効期限", "有効期間満了日"],
    },
  },
  claims: {
    required: ["code", "month", "claims", "online_claims"],
    names: {
      code: CODE,
      month: ["請求年月", "診療年月", "年月", "対象年月"],
      claims: ["レセプト件数", "請求件数", "件数", "総件数"],
      online_claims: ["うちオンライン件数", "オンライン件数", "オンライン請求件数", "うちオンライン"],
    },
  },
};

/** NFKC, lower case, without spaces and punctuation (ASCII and Japanese), so 「医療機関 コード」 = 医療機関コード. */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u3000_\-‐‑–—―・･.,，、。:：;；'"“”‘’()（）[\]［］【】「」『』<>＜＞/／\\*＊#＃]/g, "");
}

export interface HeaderMapping {
  /** For each column of the file, the key it maps to (null when unknown). */
  columns: (string | null)[];
  /** key → the header as written in the file (for the preview). */
  matched: Record<string, string>;
  unknown: string[];
  /** Columns that map to a key already taken by an earlier column (ignored). */
  duplicates: string[];
}

export function mapHeaders(kind: ImportKind, header: string[]): HeaderMapping {
  const lookup = new Map<string, string>();
  for (const [key, names] of Object.entries(HEADERS[kind].names)) {
    for (const name of [key, ...names]) lookup.set(normalizeHeader(name), key);
  }
  const mapping: HeaderMapping = { columns: [], matched: {}, unknown: [], duplicates: [] };
  for (const raw of header) {
    const key = lookup.get(normalizeHeader(raw)) ?? null;
    if (key === null) {
      if (raw.trim() !== "") mapping.unknown.push(raw);
      mapping.columns.push(null);
    } else if (mapping.matched[key] !== undefined) {
      mapping.duplicates.push(raw);
      mapping.columns.push(null);
    } else {
      mapping.matched[key] = raw;
      mapping.columns.push(key);
    }
  }
  const missing = HEADERS[kind].required.filter((key) => mapping.matched[key] === undefined);
  if (missing.length > 0) {
    const ja = missing.map((k) => HEADERS[kind].names[k][0]).join("、");
    throw new ImportFileError(
      "missing_columns",
      `必須の列がありません: ${ja}`,
      `Required columns are missing: ${missing.join(", ")}`,
    );
  }
  return mapping;
}
