/**
 * The dates a request may ask about. Every figure on a date costs work that grows with the distance from
 * the history's start (one point per month end on the trend), so a date is accepted only from the start
 * of the programme's records to one year ahead of Japan's today: APIs and exports refuse others with 400,
 * pages show the nearest allowed date and say so.
 */
import { addMonths, isIsoDate, todayIso } from "./dates";

/** Nothing in the migration's history is older; earlier dates are mistakes, not questions. */
export const AS_OF_EARLIEST = "2015-01-01";

/** The latest date a request may ask about: one year after today in Japan. */
export function asOfLatest(today: string = todayIso()): string {
  return addMonths(today, 12);
}

/** True for an ISO date inside the window. */
export function isDateInWindow(value: string, today: string = todayIso()): boolean {
  return isIsoDate(value) && value >= AS_OF_EARLIEST && value <= asOfLatest(today);
}

/** The message an API's 400 carries for a date outside the window. */
export function dateWindowMessage(today: string = todayIso()): string {
  return `must be a date as YYYY-MM-DD from ${AS_OF_EARLIEST} to ${asOfLatest(today)}`;
}

export interface ClampedDate {
  date: string;
  /** Set when the asked date lay outside the window and was moved to its nearest end. */
  clampedFrom?: string;
}

/**
 * For pages: a valid date outside the window becomes the window's nearest end (the page says so); a
 * value that is not a date at all becomes today.
 */
export function clampToWindow(value: string | undefined, today: string = todayIso()): ClampedDate {
  if (value === undefined || !isIsoDate(value)) return { date: today };
  if (value < AS_OF_EARLIEST) return { date: AS_OF_EARLIEST, clampedFrom: value };
  const latest = asOfLatest(today);
  if (value > latest) return { date: latest, clampedFrom: value };
  return { date: value };
}
