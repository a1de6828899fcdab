// Only the errors area, so that a client component showing errors does not carry the whole catalogue.
import { errors as ja } from "./ja/errors";
import { errors as en } from "./en/errors";
import { formatCount } from "./format";
import type { Lang } from "./lang";

/** A stable error code (a key of the catalogue's `errors`). */
export type ErrorCode = keyof typeof ja.errors;
/** A parameter: a value shown as it is (numbers in the reader's digits), or words in each language. */
export type ErrorParam = string | number | { ja: string; en: string };
export type ErrorParams = Record<string, ErrorParam>;
export type ErrorLabel = keyof typeof ja.errorLabels;

/** An error message in one language, its `{name}` places filled from the parameters. */
export function errorText(lang: Lang, code: ErrorCode, params: ErrorParams = {}): string {
  const template = (lang === "en" ? en : ja).errors[code];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    if (typeof value === "number") return formatCount(value, lang);
    return typeof value === "string" ? value : value[lang];
  });
}

/** A column's name in both languages, as a parameter. */
export function errorLabel(label: ErrorLabel): { ja: string; en: string } {
  return { ja: ja.errorLabels[label], en: en.errorLabels[label] };
}

/** Words written in each language, as a parameter. */
export function inBothLanguages(words: (lang: Lang) => string): { ja: string; en: string } {
  return { ja: words("ja"), en: words("en") };
}

/**
 * The message of an error that may carry a code: in the reader's language when it does, else the message it
 * was stored with (import batches written before errors had codes).
 */
export function localizedMessage(lang: Lang, error: { code?: string; params?: ErrorParams; message: string }): string {
  return error.code && Object.hasOwn(ja.errors, error.code)
    ? errorText(lang, error.code as ErrorCode, error.params)
    : error.message;
}
