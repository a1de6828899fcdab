import { formatCount } from "./format";
import type { Lang } from "./lang";

/** A parameter of a coded message: a value shown as it is (numbers in the reader's digits), or words in each language. */
export type MessageParam = string | number | { ja: string; en: string };
export type MessageParams = Record<string, MessageParam>;

/** A catalogue template with its `{name}` places filled for one language. */
export function fillParams(template: string, lang: Lang, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    if (typeof value === "number") return formatCount(value, lang);
    return typeof value === "string" ? value : value[lang];
  });
}

/** Words written in each language, as a parameter. */
export function inBothLanguages(words: (lang: Lang) => string): { ja: string; en: string } {
  return { ja: words("ja"), en: words("en") };
}
