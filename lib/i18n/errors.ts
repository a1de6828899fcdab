// Only the errors area, so that a client component showing errors does not carry the whole catalogue.
import { errors as ja } from "./ja/errors";
import { errors as en } from "./en/errors";
import { fillParams, type MessageParam, type MessageParams } from "./params";
import type { Lang } from "./lang";

/** A stable error code (a key of the catalogue's `errors`). */
export type ErrorCode = keyof typeof ja.errors;
export type ErrorParam = MessageParam;
export type ErrorParams = MessageParams;
export { inBothLanguages } from "./params";
export type ErrorLabel = keyof typeof ja.errorLabels;

/** An error message in one language, its `{name}` places filled from the parameters. */
export function errorText(lang: Lang, code: ErrorCode, params: ErrorParams = {}): string {
  return fillParams((lang === "en" ? en : ja).errors[code], lang, params);
}

/** A column's name in both languages, as a parameter. */
export function errorLabel(label: ErrorLabel): { ja: string; en: string } {
  return { ja: ja.errorLabels[label], en: en.errorLabels[label] };
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
