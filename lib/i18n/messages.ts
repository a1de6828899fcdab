import { ja } from "./ja";
import { en } from "./en";
import type { Shape } from "./shape";
import type { Lang } from "./lang";

export { ja, en };
export type { Lang };
export { formatCount, formatPercent } from "./format";
export { fill } from "./params";

/** The catalogue's shape: the Japanese catalogue's keys, which the English one must have too. */
export type Messages = Shape<typeof ja>;

export function messagesFor(lang: Lang): Messages {
  return lang === "en" ? en : ja;
}

/** A parenthetical as each language writes it: 「（…）」 in Japanese, " (…)" in English. */
export function bracket(lang: Lang, text: string): string {
  return lang === "en" ? ` (${text})` : `（${text}）`;
}

/** Items of a short list: 「A・B」 in Japanese, "A, B" in English. */
export function joinList(lang: Lang, items: string[]): string {
  return items.join(lang === "en" ? ", " : "・");
}

/** The sentence end: 「。」 in Japanese, ". " in English. */
export function sentenceEnd(lang: Lang): string {
  return lang === "en" ? ". " : "。";
}
