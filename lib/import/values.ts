import { parseDate, parseYearMonth } from "../dates";
import { errorLabel, errorText, type ErrorCode, type ErrorLabel, type ErrorParams } from "../i18n/errors";

/** Normalisers for one cell. Each returns the value, null for an empty cell, or an Invalid with the reason. */
export class Invalid {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams,
  ) {}

  /** In Japanese, as stored with the row and written to the errors CSV by default. */
  get message(): string {
    return errorText("ja", this.code, this.params);
  }
}

export type Parsed<T> = T | null | Invalid;

export function text(raw: string | undefined): string | null {
  const t = (raw ?? "").trim();
  return t === "" ? null : t;
}

const normalized = new Map<string, string>();

/** NFKC, lower case, without spaces and punctuation; remembered, since lists repeat the same few words. */
function normalizeLabel(s: string): string {
  let n = normalized.get(s);
  if (n === undefined) {
    n = s
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\s・･.,、()（）「」]/g, "");
    if (normalized.size > 50_000) normalized.clear();
    normalized.set(s, n);
  }
  return n;
}

const labelIndexes = new WeakMap<object, Map<string, string>>();

function labelIndex(options: Record<string, string[]>): Map<string, string> {
  let index = labelIndexes.get(options);
  if (!index) {
    index = new Map();
    for (const [value, labels] of Object.entries(options)) {
      for (const label of [value, ...labels])
        if (!index.has(normalizeLabel(label))) index.set(normalizeLabel(label), value);
    }
    labelIndexes.set(options, index);
  }
  return index;
}

/** Matches a cell against label lists after NFKC, ignoring case, spaces and punctuation. */
export function choice<T extends string>(
  raw: string | undefined,
  options: Record<T, string[]>,
  label: ErrorLabel,
): Parsed<T> {
  const t = text(raw);
  if (t === null) return null;
  const value = labelIndex(options).get(normalizeLabel(t));
  if (value !== undefined) return value as T;
  const firsts = Object.values<string[]>(options).map((l) => l[0]);
  return new Invalid("import.row.badChoice", {
    label: errorLabel(label),
    value: t,
    options: { ja: firsts.join("・"), en: firsts.join(", ") },
  });
}

const TRUE = ["有", "あり", "○", "〇", "◯", "済", "はい", "true", "yes", "y", "1", "t"];
const FALSE = ["無", "なし", "×", "✕", "未", "いいえ", "false", "no", "n", "0", "f", "-", "ー"];
const FLAG_VALUES = new Map<string, boolean>([
  ...TRUE.map((v) => [v, true] as const),
  ...FALSE.map((v) => [v, false] as const),
]);

export function flag(raw: string | undefined, label: ErrorLabel): Parsed<boolean> {
  const t = text(raw);
  if (t === null) return null;
  const value = FLAG_VALUES.get(t) ?? FLAG_VALUES.get(t.normalize("NFKC").toLowerCase());
  if (value !== undefined) return value;
  return new Invalid("import.row.badFlag", { label: errorLabel(label), value: t });
}

export function integer(raw: string | undefined, label: ErrorLabel): Parsed<number> {
  const t = text(raw);
  if (t === null) return null;
  if (/^\d{1,9}$/.test(t)) return Number(t); // the common case, without normalising
  const cell = t.normalize("NFKC").replace(/[,\s件]/g, "");
  if (!/^\d{1,9}$/.test(cell)) return new Invalid("import.row.badInteger", { label: errorLabel(label), value: t });
  return Number(cell);
}

export function date(raw: string | undefined, label: ErrorLabel): Parsed<string> {
  const t = text(raw);
  if (t === null) return null;
  return parseDate(t) ?? new Invalid("import.row.badDate", { label: errorLabel(label), value: t });
}

export function yearMonth(raw: string | undefined, label: ErrorLabel): Parsed<string> {
  const t = text(raw);
  if (t === null) return null;
  return parseYearMonth(t) ?? new Invalid("import.row.badYearMonth", { label: errorLabel(label), value: t });
}
