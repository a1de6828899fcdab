/**
 * 和暦 (Japanese era years). Only the eras a facility record can carry: 昭和, 平成, 令和.
 * Dates are 'YYYY-MM-DD' strings, so "within an era" is a plain string comparison.
 */

export interface Era {
  name: "令和" | "平成" | "昭和";
  letter: "R" | "H" | "S";
  /** First and last day of the era, inclusive; `end` is null for the current era. */
  start: string;
  end: string | null;
}

/** Newest first, so the first era that started on or before a date is that date's era. */
export const ERAS: readonly Era[] = [
  { name: "令和", letter: "R", start: "2019-05-01", end: null },
  { name: "平成", letter: "H", start: "1989-01-08", end: "2019-04-30" },
  { name: "昭和", letter: "S", start: "1926-12-25", end: "1989-01-07" },
];

/** The era written as its kanji name or its letter (either case); undefined for anything else. */
export function findEra(nameOrLetter: string): Era | undefined {
  const upper = nameOrLetter.toUpperCase();
  return ERAS.find((e) => e.name === nameOrLetter || e.letter === upper);
}

/** 元 (gannen) or a number to a Gregorian year; null when the era year is not a positive number. */
export function eraYearToGregorian(era: Era, eraYear: string): number | null {
  const n = eraYear === "元" ? 1 : Number(eraYear);
  if (!Number.isInteger(n) || n < 1) return null;
  return Number(era.start.slice(0, 4)) + n - 1;
}

/** True when the inclusive range `from`–`to` (ISO dates) shares at least one day with the era. */
export function eraOverlaps(era: Era, from: string, to: string): boolean {
  return to >= era.start && (era.end === null || from <= era.end);
}

/** The era an ISO date falls in; undefined before 昭和. */
export function eraOf(iso: string): Era | undefined {
  return ERAS.find((e) => iso >= e.start);
}
