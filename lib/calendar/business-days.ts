/**
 * Business days for the onboarding calendar: every day except Saturdays, Sundays and Japan's national
 * holidays (domain.md). Dates stay 'YYYY-MM-DD' strings throughout, and holidays are looked up by that
 * same string in @holiday-jp/holiday_jp's table, so no server time zone can shift a day (the package's
 * Date-based helpers read local time, which is why they are not used here).
 *
 * Not business-day exceptions: the year-end break (12/29–1/3) is not a national holiday, so 12/31 and
 * 1/2 count as business days unless they fall on a weekend; only 1/1 is skipped. The package knows the
 * holidays of 1970–2050; outside those years only weekends are skipped.
 */
import holiday_jp from "@holiday-jp/holiday_jp";
import { addDays, isIsoDate } from "../dates";

function checkedIso(iso: string): string {
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return iso;
}

/** True on a Japanese national holiday, including substitute holidays (振替休日) and 国民の休日. */
export function isJapaneseHoliday(iso: string): boolean {
  return Object.hasOwn(holiday_jp.holidays, checkedIso(iso));
}

/** 0 = Sunday … 6 = Saturday, computed on the UTC calendar so the host's zone does not matter. */
function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function isBusinessDay(iso: string): boolean {
  const day = weekday(checkedIso(iso));
  return day !== 0 && day !== 6 && !isJapaneseHoliday(iso);
}

/**
 * The day `n` business days after `iso` (before it when n is negative). Only the days stepped onto are
 * counted, so the start itself need not be a business day: one business day after Saturday is Monday
 * (or Tuesday when Monday is a holiday). n = 0 returns the start unchanged.
 */
export function addBusinessDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be a whole number: ${n}`);
  let day = checkedIso(iso);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    day = addDays(day, step);
    if (isBusinessDay(day)) left--;
  }
  return day;
}

/** The day `n` business days before `iso` (n ≥ 0): "5 business days before setup starts". */
export function businessDaysBefore(iso: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Business days before must be 0 or more: ${n}`);
  return addBusinessDays(iso, -n);
}
