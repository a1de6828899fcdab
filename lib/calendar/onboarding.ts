/**
 * The onboarding calendar (domain.md): what a facility must do, and by when, to send its claims online
 * from month n. All dates are 'YYYY-MM-DD'; months are 'YYYY-MM'.
 *
 *   n−2  1st        certificate application opens
 *   n−2  20th       last day for the usage application (利用申請)
 *   n−1  15th       setup and connection start (the tool arrives 12th–15th) …
 *   n−1  last day   … and end
 *   n−1  15th − 5 business days   last day for the certificate application
 *   n    1st        start: claims of month n go online
 */
import { addMonths, isIsoDate, monthEnd } from "../dates";
import { businessDaysBefore } from "./business-days";

export { addBusinessDays, businessDaysBefore, isBusinessDay, isJapaneseHoliday } from "./business-days";

/** Day of month n−2 by which the usage application must be in. */
export const APPLY_BY_DAY = 20;
/** Day of month n−1 on which setup and connection start. */
export const SETUP_FROM_DAY = 15;
/** The certificate application closes this many business days before setup starts. */
export const CERTIFICATE_LEAD_BUSINESS_DAYS = 5;

export interface OnboardingCalendar {
  /** The target start month n, 'YYYY-MM'. */
  month: string;
  applyBy: string;
  certificateFrom: string;
  certificateBy: string;
  setupFrom: string;
  setupTo: string;
  start: string;
}

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function firstOfMonth(month: string): string {
  if (!YEAR_MONTH.test(month)) throw new RangeError(`Not a year-month (YYYY-MM): ${JSON.stringify(month)}`);
  return `${month}-01`;
}

function dayOfMonth(firstDay: string, day: number): string {
  return `${firstDay.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

/** Every date of the calendar for starting online claims in month `month` ('YYYY-MM'). */
export function onboardingCalendar(month: string): OnboardingCalendar {
  const start = firstOfMonth(month);
  const twoBefore = addMonths(start, -2);
  const oneBefore = addMonths(start, -1);
  const setupFrom = dayOfMonth(oneBefore, SETUP_FROM_DAY);
  return {
    month,
    applyBy: dayOfMonth(twoBefore, APPLY_BY_DAY),
    certificateFrom: twoBefore,
    certificateBy: businessDaysBefore(setupFrom, CERTIFICATE_LEAD_BUSINESS_DAYS),
    setupFrom,
    setupTo: monthEnd(oneBefore),
    start,
  };
}

/**
 * The latest start month whose online claims begin by the deferral end: the month containing that day.
 *
 * Rule: month n counts as "online in time" when its start (the 1st of n) is on or before the deferral
 * end, and the latest such n is the deferral end's own month. This matches domain.md's example — a
 * deferral ending 30 September needs September as the start month, hence an application by 20 July.
 * Deferrals end on month ends in practice (⑤ is capped at 30 September), so the case of a deferral
 * ending before that month's claim window (5th–10th) is not treated specially.
 */
export function latestStartMonthFor(deferralUntil: string): string {
  if (!isIsoDate(deferralUntil)) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(deferralUntil)}`);
  }
  return deferralUntil.slice(0, 7);
}

/** The last day to apply for online claims and still be online before the deferral ends. */
export function applyByFor(deferralUntil: string): string {
  return onboardingCalendar(latestStartMonthFor(deferralUntil)).applyBy;
}
