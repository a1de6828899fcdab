import { sql } from "drizzle-orm";
import type { EventState } from "../../lib/states";
import { copyInto } from "../bulk/copy";
import { withIndexesRebuiltAfter } from "../bulk/rebuild";
import { withTransaction } from "../transaction";
import { queryRows, type Db } from "../client";
import { refreshMonthlySummary } from "../queries/monthly-summary";
import { refreshClaimsSummary } from "../queries/claims-summary";
import { seedMonthlyClaims } from "./claims";
import { seedFollowUps } from "./follow-ups";
import { seedCertificates, seedOpenedOn } from "./certificates";
import { refreshCertificateRenewals } from "../queries/certificates";
import { refreshAlertWindows } from "../queries/alert-windows";
import { certificateValidYears } from "../../lib/certificates";
import { normalizeContractorName } from "../../lib/contractors";
import { countByStatus, generateNationalData, type GenerateOptions, type NationalData } from "./generate";

export { generateNationalData, DEFAULT_FACILITIES, DEFAULT_SEED } from "./generate";

export interface SeedOptions extends GenerateOptions {
  /** Empty facilities, events and filings first (users are kept). Without it a non-empty database is refused. */
  reset?: boolean;
  /** Progress lines (the script prints them); silent by default. */
  log?: (line: string) => void;
}

export interface SeedResult {
  asOf: string;
  seed: number;
  facilities: number;
  events: number;
  filings: number;
  byStatus: Record<EventState, number>;
  timingsMs: { generate: number; write: number; analyze: number };
}

export class DatabaseNotEmptyError extends Error {
  constructor(readonly facilities: number) {
    super(`the database already holds ${facilities} facilities; seed with --reset to replace them`);
  }
}

const FACILITY_COLUMNS = [
  "code",
  "prefecture",
  "table_type",
  "category",
  "name",
  "address",
  "postal_code",
  "phone",
  "specialties",
  "claim_method",
  "monthly_claims",
  "shares_oqv_terminal",
  "closed_on",
  "initial_state",
  "status",
  "status_since",
  "first_deferred_on",
  "first_applied_on",
  "first_certificate_on",
  "first_online_on",
  "opened_on",
];
const CERTIFICATE_COLUMNS = ["facility_code", "terminal", "applied_on", "issued_on", "expires_on"];
const EVENT_COLUMNS = ["facility_code", "state", "effective_on", "source", "note", "backward"];
const FILING_COLUMNS = [
  "facility_code",
  "filed_on",
  "facility_name",
  "phone",
  "specialties",
  "deferral_until",
  "reason",
  "reason_sub",
  "outsourcer",
  "reason_other",
  "readiness",
  "readiness_date",
  "readiness_other",
  "rececom",
  "rececom_month",
  "network",
  "network_month",
  "usage_applied",
  "cert_applied",
  "remarks",
  "founder_name",
  "address",
  "email",
  "in_force",
  "contractor",
];

/** The first day each step was reached, per facility, as refreshFacilityStatus keeps it for imports. */
function firstStepDates(data: NationalData): Map<string, Partial<Record<EventState, string>>> {
  const firsts = new Map<string, Partial<Record<EventState, string>>>();
  for (const e of data.events) {
    const seen = firsts.get(e.facilityCode) ?? {};
    const known = seen[e.state];
    if (!known || e.effectiveOn < known) seen[e.state] = e.effectiveOn;
    firsts.set(e.facilityCode, seen);
  }
  return firsts;
}

function* facilityRows(data: NationalData) {
  const firsts = firstStepDates(data);
  const firstEvent = new Map<string, string>();
  for (const e of data.events)
    if ((firstEvent.get(e.facilityCode) ?? "9999") > e.effectiveOn) firstEvent.set(e.facilityCode, e.effectiveOn);
  for (const f of data.facilities) {
    const first = firsts.get(f.code) ?? {};
    yield [
      f.code,
      f.prefecture,
      f.tableType,
      f.category,
      f.name,
      f.address,
      f.postalCode,
      f.phone,
      f.specialties,
      f.claimMethod,
      f.monthlyClaims,
      f.sharesOqvTerminal,
      f.closedOn,
      f.initialState,
      f.status,
      f.statusSince,
      first.deferred ?? null,
      first.applied ?? null,
      first.certificate_issued ?? null,
      first.online ?? null,
      seedOpenedOn(f, firstEvent.get(f.code) ?? null, data.asOf),
    ];
  }
}

function* eventRows(data: NationalData) {
  for (const e of data.events) yield [e.facilityCode, e.state, e.effectiveOn, "seed", e.note, e.backward];
}

function* filingRows(data: NationalData) {
  for (const f of data.filings) {
    yield [
      f.code,
      f.filedOn,
      f.facilityName,
      f.phone,
      f.specialties,
      f.deferralUntil,
      f.reason,
      f.reasonSub,
      f.outsourcer,
      f.reasonOther,
      f.readiness,
      f.readinessDate,
      f.readinessOther,
      f.rececom,
      f.rececomMonth,
      f.network,
      f.networkMonth,
      f.usageApplied,
      f.certApplied,
      f.remarks,
      f.founderName,
      f.address,
      f.email,
      f.inForce,
      f.outsourcer ? normalizeContractorName(f.outsourcer) || null : null,
    ];
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function facilityCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from facilities`);
  return Number(row.n);
}

/**
 * Writes the deterministic national data set (facilities, status events, filings) in one transaction
 * with COPY, computes the monthly summary, the demo contact log and the alert windows in the same
 * transaction, then refreshes the planner's statistics. Creates no users: the demo adds its own.
 */
export async function seedNationalData(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  if (!options.reset) {
    const existing = await facilityCount(db);
    if (existing > 0) throw new DatabaseNotEmptyError(existing);
  }
  let started = performance.now();
  const data = generateNationalData(options);
  const generateMs = performance.now() - started;
  log(
    `generated ${data.facilities.length} facilities, ${data.events.length} events, ${data.filings.length} filings ` +
      `(as of ${data.asOf}) in ${seconds(started)}`,
  );

  started = performance.now();
  await withTransaction(
    async (tx) => {
      // CASCADE also empties anything hanging off facilities (follow-ups, contact logs); users stay.
      if (options.reset)
        await tx.query(
          sql`truncate table status_events, filings, certificates, facilities, monthly_summary, claims_summary,
                summary_state, alert_windows restart identity cascade`,
        );
      await withIndexesRebuiltAfter(tx, ["facilities", "status_events", "filings"], async () => {
        await copyInto(tx, "facilities", FACILITY_COLUMNS, facilityRows(data));
        log(`  facilities copied (${seconds(started)})`);
        await copyInto(tx, "status_events", EVENT_COLUMNS, eventRows(data));
        log(`  status events copied (${seconds(started)})`);
        await copyInto(tx, "filings", FILING_COLUMNS, filingRows(data));
        log(`  filings copied (${seconds(started)})`);
        const certificates = seedCertificates(data, certificateValidYears(process.env.CERTIFICATE_VALID_YEARS));
        await copyInto(
          tx,
          "certificates",
          CERTIFICATE_COLUMNS,
          certificates.map((c) => [c.facilityCode, c.terminal, c.appliedOn, c.issuedOn, c.expiresOn]),
        );
        await refreshCertificateRenewals(tx, null);
        log(`  ${certificates.length} certificates copied (${seconds(started)})`);
      });
      log(`  indexes rebuilt (${seconds(started)})`);
      await refreshMonthlySummary(tx, data.asOf);
      log(`  monthly summary computed (${seconds(started)})`);
      // Into an empty table: its month index and foreign keys are built once afterwards, not row by row.
      const claims = await withIndexesRebuiltAfter(tx, ["monthly_claims"], () =>
        seedMonthlyClaims(tx, data.asOf, data.seed),
      );
      log(`  ${claims} monthly claim counts made (${seconds(started)})`);
      await refreshClaimsSummary(tx);
      const contacts = await seedFollowUps(tx.db, data.asOf);
      log(`  ${contacts} demo contacts logged (${seconds(started)})`);
      await refreshAlertWindows(tx, null);
      log(`  alert windows built (${seconds(started)})`);
    },
    { settings: { jit: "off" } },
  );
  const writeMs = performance.now() - started;
  log(`committed in ${seconds(started)}`);

  started = performance.now();
  await queryRows(
    db,
    sql`analyze facilities, status_events, filings, certificates, contacts, monthly_claims, alert_windows`,
  );
  const analyzeMs = performance.now() - started;
  return {
    asOf: data.asOf,
    seed: data.seed,
    facilities: data.facilities.length,
    events: data.events.length,
    filings: data.filings.length,
    byStatus: countByStatus(data.facilities),
    timingsMs: { generate: Math.round(generateMs), write: Math.round(writeMs), analyze: Math.round(analyzeMs) },
  };
}
