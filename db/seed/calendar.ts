/**
 * Dates inside the generator are whole day numbers (days since 1970-01-01, UTC): cheap to compare and add
 * across hundreds of thousands of histories. They become 'YYYY-MM-DD' only on the way out.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

export function dayFromIso(iso: string): Day {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

const isoCache = new Map<Day, string>();

export function isoOf(d: Day): string {
  let iso = isoCache.get(d);
  if (iso === undefined) {
    iso = new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(d, iso);
  }
  return iso;
}

/** Months counted from January 2023 (0 = 2023-01): the unit the month-by-month history moves in. */
export type MonthIndex = number;

export function monthIndex(year: number, month: number): MonthIndex {
  return (year - 2023) * 12 + (month - 1);
}

export function yearOfMonth(m: MonthIndex): number {
  return 2023 + Math.floor(m / 12);
}

export function monthOfMonth(m: MonthIndex): number {
  return (((m % 12) + 12) % 12) + 1;
}

/** A day of month `m` (day-of-month clamped to the month's length). */
export function dayInMonth(m: MonthIndex, date: number): Day {
  const year = yearOfMonth(m);
  const month = monthOfMonth(m);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day(year, month, Math.min(date, last));
}

export function monthOfDay(d: Day): MonthIndex {
  const date = new Date(d * MS_PER_DAY);
  return monthIndex(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

export function yearOfDay(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

/** 'YYYY-MM' for a month index, as the filing's year-month fields hold it. */
export function yearMonth(m: MonthIndex): string {
  return `${yearOfMonth(m)}-${String(monthOfMonth(m)).padStart(2, "0")}`;
}

/** 令和 year-month in words, for free-text fields (令和7年9月). */
export function reiwaMonth(m: MonthIndex): string {
  return `令和${yearOfMonth(m) - 2018}年${monthOfMonth(m)}月`;
}
