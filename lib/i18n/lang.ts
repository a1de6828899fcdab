export type Lang = "ja" | "en";

/** The BCP 47 locale of each language, for Intl. */
export function localeOf(lang: Lang): string {
  return lang === "en" ? "en-US" : "ja-JP";
}
