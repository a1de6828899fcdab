import { formatCount } from "./format";
import type { Lang } from "./lang";

/**
 * A parameter of a coded message: a value shown as it is (numbers in the reader's digits), or words in each language.
 */
export type MessageParam = string | number | { ja: string; en: string };
export type MessageParams = Record<string, MessageParam>;

/** A catalogue string with `{name}` slots filled in (a slot without a value stays as it is). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A catalogue template with its `{name}` places filled for one language. */
export function fillParams(template: string, lang: Lang, params: MessageParams): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue; // stored parameters are read back from JSON
    values[key] =
      typeof value === "number" ? formatCount(value, lang) : typeof value === "string" ? value : value[lang];
  }
  return fill(template, values);
}

/** Words written in each language, as a parameter. */
export function inBothLanguages(words: (lang: Lang) => string): { ja: string; en: string } {
  return { ja: words("ja"), en: words("en") };
}
