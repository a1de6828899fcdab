/**
 * Calendar days as 'YYYY-MM-DD' strings. Arithmetic goes through UTC midnights, so no server time zone
 * can move a day; "today" is always Japan's today. Parsing of the forms people type lives in date-parse.ts.
 */
import { daysInMonth, isIsoDate, ymdToIso } from "./calendar/ymd";
import { eraOf } from "./wareki";

export { daysInMonth, isIsoDate, isLeapYear } from "./calendar/ymd";
export { parseDate, parseYearMonth } from "./date-parse";

const DAY_MS = 86_400_000;

function splitIso(iso: string): [number, number, number] {
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** A day as its number since 1970-01-01 (what PostgreSQL's `date - date '1970-01-01'` gives). */
export function toEpochDay(iso: string): number {
  const [y, m, d] = splitIso(iso);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const JST_OFFSET_MS = 9 * 3_600_000;

/**
 * Today in Japan, whatever the server's zone. Japan has kept UTC+9 without daylight saving since 1951,
 * so a fixed offset is exact and needs no time zone data.
 */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
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
  return ymdToIso(year, month, Math.min(d, daysInMonth(year, month)));
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
  return ymdToIso(y, m, daysInMonth(y, m));
}

/** First day of every month the inclusive range touches, oldest first; empty when from is after to. */
export function monthStarts(fromIso: string, toIso: string): string[] {
  const [fy, fm] = splitIso(fromIso);
  const [ty, tm] = splitIso(toIso);
  const starts: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) {
    starts.push(ymdToIso(Math.floor(i / 12), (i % 12) + 1, 1));
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
