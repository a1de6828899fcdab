/**
 * Calendar days as 'YYYY-MM-DD' strings. Arithmetic goes through UTC midnights, so no server time zone
 * can move a day; "today" is always Japan's today. Parsing of the forms people type lives in date-parse.ts.
 */
import { eraOf } from "./wareki";

export { parseDate, parseYearMonth } from "./date-parse";

const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar day in years 1000–9999 (four-digit years only). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 1000 && year <= 9999 &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

export function toIso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Strict: exactly 'YYYY-MM-DD' and a day that exists (no 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function splitIso(iso: string): [number, number, number] {
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function toEpochDay(iso: string): number {
  const [y, m, d] = splitIso(iso);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Today in Japan (Asia/Tokyo), whatever the server's zone. */
export function todayIso(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export function addDays(iso: string, days: number): string {
  return fromEpochDay(toEpochDay(iso) + days);
}

/** Moves by whole months; a day that does not exist in the target month becomes its last day (1/31 + 1 → 2/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = splitIso(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return toIso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Negative when a is earlier, positive when later, 0 when equal; usable as a sort comparator. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days from a to b: positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** Last day of the date's month. */
export function monthEnd(iso: string): string {
  const [y, m] = splitIso(iso);
  return toIso(y, m, daysInMonth(y, m));
}

/** First day of every month the inclusive range touches, oldest first; empty when from is after to. */
export function monthStarts(fromIso: string, toIso_: string): string[] {
  const [fy, fm] = splitIso(fromIso);
  const [ty, tm] = splitIso(toIso_);
  const starts: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) {
    starts.push(toIso(Math.floor(i / 12), (i % 12) + 1, 1));
  }
  return starts;
}

/** '2024年8月31日' (no leading zeros, as Japanese documents write it). */
export function formatDateJa(iso: string): string {
  const [y, m, d] = splitIso(iso);
  return `${y}年${m}月${d}日`;
}

/** '令和6年8月31日'; year 1 is 元年. Dates before 昭和 keep the Western year. */
export function formatWareki(iso: string): string {
  const [y, m, d] = splitIso(iso);
  const era = eraOf(iso);
  if (!era) return formatDateJa(iso);
  const eraYear = y - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${eraYear === 1 ? "元" : eraYear}年${m}月${d}日`;
}
