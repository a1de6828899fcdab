import { formatDateJa, formatWareki } from "../dates";
import { localeOf, type Lang } from "./lang";

/**
 * How numbers and dates are written on screen and in words, each for the reader's language. Exports for machines
 * (CSV, xlsx) keep plain digits and ISO dates and do not use these.
 */

const counts = { ja: new Intl.NumberFormat(localeOf("ja")), en: new Intl.NumberFormat(localeOf("en")) };

/** 12,345 (grouped digits as each language writes them). */
export function formatCount(n: number, lang: Lang): string {
  return counts[lang].format(n);
}

/** 0.1234 → '12.3%'; both languages write a share the same way. */
export function formatPercent(rate: number, lang: Lang, digits = 1): string {
  void lang;
  return `${(rate * 100).toFixed(digits)}%`;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date in words: '2024年8月31日' in Japanese, '31 Aug 2024' in English (clear in either day-month order). */
export function formatDate(iso: string, lang: Lang): string {
  if (lang === "ja") return formatDateJa(iso);
  return `${Number(iso.slice(8, 10))} ${MONTHS_EN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** A date as official papers write it: 和暦 ('令和6年8月31日') in Japanese, the same as formatDate in English. */
export function formatOfficialDate(iso: string, lang: Lang): string {
  return lang === "ja" ? formatWareki(iso) : formatDate(iso, lang);
}

/** The time now in Tokyo as 'YYYY-MM-DD HH:mm' (both languages; the page says it is Japan time). */
export function formatTokyoNow(now: Date = new Date()): string {
  return now.toLocaleString("sv-SE", { timeZone: "Asia/Tokyo" }).slice(0, 16);
}
