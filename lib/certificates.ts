/**
 * The online-claims certificate's term (電子証明書の有効期間): three years is the usual, set by
 * CERTIFICATE_VALID_YEARS. A certificate issued on a day is valid up to the day before the same date
 * `years` later (issued 2024-04-10, 3 years: last valid day 2027-04-09).
 */
export const DEFAULT_CERTIFICATE_VALID_YEARS = 3;

/** The term from the environment's value (a whole number of years, 1–10), else the default. */
export function certificateValidYears(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_CERTIFICATE_VALID_YEARS;
  const years = Number(value);
  if (!Number.isInteger(years) || years < 1 || years > 10) {
    throw new Error(`CERTIFICATE_VALID_YEARS must be a whole number of years from 1 to 10 (got "${value}")`);
  }
  return years;
}

/** The last valid day of a certificate issued on `issuedOn` (ISO dates; 29 February falls to the 28th). */
export function certificateExpiry(issuedOn: string, years: number): string {
  const [y, m, d] = issuedOn.split("-").map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}
