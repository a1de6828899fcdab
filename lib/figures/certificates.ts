import { addDays } from "../dates";

/**
 * A facility holding certificates, as of its latest record: on every date from `validFrom` on (the later of its
 * last state change and its last certificate issued, renewed or applied for without being issued yet; a day
 * number) its certificates in force are its current ones (issued, not renewed), each with its last valid day and
 * whether a renewal has been applied for, and its state is `closed` or not. Only the comparisons of the date with
 * these days change.
 */
export interface CertificateHolder {
  code: string;
  closedOn: number | null;
  closed: boolean;
  validFrom: number | null;
  /** The current certificates' last valid days (day numbers) and, for each, whether a renewal is applied for. */
  expires: readonly number[];
  renewalApplied: readonly boolean[];
}

/**
 * The holders of a data version with a current certificate lapsing by `through` plus the window (day numbers),
 * the one lapsing first first (`first`): on any date up to `through` no other holder whose record holds then
 * has an alert. They are meant for the dates from `from` on.
 */
export interface CertificateHolders {
  from: number;
  through: number;
  byExpiry: readonly (CertificateHolder & { first: number })[];
}

export function certificateHoldersOf(
  holders: readonly CertificateHolder[],
  from: number,
  through: number,
): CertificateHolders {
  const byExpiry = holders
    .filter((h) => h.expires.length > 0)
    .map((h) => ({ ...h, first: Math.min(...h.expires) }))
    .sort((a, b) => a.first - b.first);
  return { from, through, byExpiry };
}

export interface CertificateCounts {
  /** Facilities whose certificate_expiring alert falls due in the month ('YYYY-MM'), by month. */
  expiringByMonth: Map<string, number>;
  /** Facilities with a lapsed certificate (certificate_expired). */
  expired: number;
}

/**
 * The certificate counts, by the follow-up list's certificate rules, of the holders whose record holds on the
 * date (validFrom on or before it; not closed by then): a lapsed certificate (a last valid day before the date)
 * gives certificate_expired; otherwise the earliest one lapsing within `horizonDays` with no renewal applied for
 * gives certificate_expiring, due on its last valid day. The others (records later than the date) are not
 * counted here. Only the holders with a certificate lapsing by the end of the window are looked at.
 */
export function foldCertificates(holders: CertificateHolders, day: number, horizonDays: number): CertificateCounts {
  const expiringByMonth = new Map<string, number>();
  const byDay = new Map<number, number>();
  let expired = 0;
  const until = day + horizonDays;
  for (const h of holders.byExpiry) {
    if (h.first > until) break;
    if (h.validFrom !== null && h.validFrom > day) continue;
    if (h.closed || (h.closedOn !== null && h.closedOn <= day)) continue;
    let lapsed = false;
    let lapsing = Infinity;
    for (let i = 0; i < h.expires.length; i++) {
      const last = h.expires[i];
      if (last < day) lapsed = true;
      else if (last <= until && !h.renewalApplied[i] && last < lapsing) lapsing = last;
    }
    if (lapsed) expired += 1;
    else if (lapsing !== Infinity) byDay.set(lapsing, (byDay.get(lapsing) ?? 0) + 1);
  }
  for (const [due, n] of byDay) {
    const month = addDays("1970-01-01", due).slice(0, 7);
    expiringByMonth.set(month, (expiringByMonth.get(month) ?? 0) + n);
  }
  return { expiringByMonth, expired };
}
