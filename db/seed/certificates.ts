/**
 * Certificates and opening days for the synthetic data set, derived from the facilities and their events
 * alone (a hash of the code, no draw from the generator's random stream), so adding them changes nothing
 * else the seed makes.
 *
 * - A facility that reached `certificate_issued` holds a certificate for terminal 1 from that day; one
 *   that started online without sharing the eligibility-check terminal got its first certificate between
 *   mid-2020 and 2022. Hospitals have a second terminal. Each certificate runs the term (3 years).
 * - Near the end of a term most facilities apply for renewal (10–75 days ahead), a few late or never.
 * - A facility with no opening day on record is the usual case; a small share of those starting on disk
 *   opened after 1 April 2024 (new_on_disk), the rest of the sample long before.
 */
import { addDays } from "../../lib/dates";
import { certificateExpiry } from "../../lib/certificates";
import { dayFromIso, isoOf } from "./calendar";
import type { NationalData, SeedFacility } from "./generate";

export interface SeedCertificate {
  facilityCode: string;
  terminal: string;
  appliedOn: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

/** FNV-1a over the code and a salt: a stable number per facility and purpose. */
function hash(code: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function firstCertificateDays(data: NationalData): Map<string, string> {
  const firsts = new Map<string, string>();
  for (const e of data.events) {
    if (e.state !== "certificate_issued") continue;
    const known = firsts.get(e.facilityCode);
    if (!known || e.effectiveOn < known) firsts.set(e.facilityCode, e.effectiveOn);
  }
  return firsts;
}

/** A certificate issued on `firstIssued` and its renewals up to the as-of date (a pending one has no issue day). */
function terminalHistory(
  code: string,
  terminal: string,
  firstIssued: string,
  asOf: string,
  years: number,
  closedOn: string | null,
): SeedCertificate[] {
  const out: SeedCertificate[] = [];
  let applied = addDays(firstIssued, -7);
  let issued = firstIssued;
  for (let round = 0; round < 5; round++) {
    const expiresOn = certificateExpiry(issued, years);
    out.push({ facilityCode: code, terminal, appliedOn: applied, issuedOn: issued, expiresOn });
    const h = hash(code + terminal, round + 7);
    if (h % 100 < 6) break; // never renews
    const lead = h % 100 < 14 ? -(h % 40) : 10 + (h % 66); // a few apply only after it lapsed
    applied = addDays(expiresOn, -lead);
    if (applied > asOf || (closedOn !== null && applied >= closedOn)) break;
    const next = addDays(applied, 5 + (h % 9));
    if (next > asOf) {
      out.push({ facilityCode: code, terminal, appliedOn: applied, issuedOn: null, expiresOn: null });
      break;
    }
    issued = next;
  }
  return out;
}

export function seedCertificates(data: NationalData, years: number): SeedCertificate[] {
  const firsts = firstCertificateDays(data);
  const out: SeedCertificate[] = [];
  const start = dayFromIso("2020-07-01");
  for (const f of data.facilities) {
    let issued = firsts.get(f.code) ?? null;
    if (!issued && f.initialState === "online" && !f.sharesOqvTerminal) issued = isoOf(start + (hash(f.code, 1) % 900));
    if (!issued || issued > data.asOf) continue;
    out.push(...terminalHistory(f.code, "1", issued, data.asOf, years, f.closedOn));
    if (f.category === "hospital")
      out.push(
        ...terminalHistory(f.code, "2", addDays(issued, 3 + (hash(f.code, 2) % 20)), data.asOf, years, f.closedOn),
      );
  }
  return out.filter((c) => (c.issuedOn ?? c.appliedOn ?? "") <= data.asOf);
}

/** 開設日 for a few facilities (see the module comment); null for the rest. */
export function seedOpenedOn(f: SeedFacility, firstEventOn: string | null, asOf: string): string | null {
  const h = hash(f.code, 3);
  if (h % 40 !== 0) return null;
  const recent = isoOf(dayFromIso("2024-04-01") + (h % 500));
  if (f.initialState === "optical_disk" && recent <= asOf && (firstEventOn === null || recent < firstEventOn))
    return recent;
  return isoOf(dayFromIso("1975-01-01") + (h % 15000));
}
