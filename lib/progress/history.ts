import { addDays, monthEnd } from "../dates";

/** The history starts with the payers' January 2023 baseline. */
export const HISTORY_START = "2023-01-01";

/** The month end on or before a date: the date itself at a month end, else the end of the month before. */
export function monthEndOnOrBefore(iso: string): string {
  return monthEnd(iso) === iso ? iso : addDays(`${iso.slice(0, 7)}-01`, -1);
}
