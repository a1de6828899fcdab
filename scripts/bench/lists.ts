import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { listFacilities } from "../../db/queries/facilities";
import { NATIONAL } from "../../lib/scope";
import { measure, round, type BenchResult } from "./measure";
import type { BenchServer } from "./server";

/**
 * The national facility list on a date a year back, status=optical_disk, first page with its total, beside
 * the plain way to get the same: every facility's latest event on or before the date (DISTINCT ON over the
 * events, with the index), filtered, counted and paged.
 */
export async function benchListAsOf(db: Db, pastYear: string, runs: number): Promise<BenchResult> {
  const ours = await measure(() => listFacilities(db, NATIONAL, { asOf: pastYear, status: "optical_disk" }, 1, 50), {
    runs,
  });
  const stateThen = sql`select f.code, f.name, case when f.closed_on <= ${pastYear}::date then 'closed'::facility_state
                          else coalesce(l.state, f.initial_state) end as st
    from facilities f
    left join (select distinct on (facility_code) facility_code, state from status_events
      where effective_on <= ${pastYear}::date
               order by facility_code, effective_on desc nulls first,
                 state desc nulls first) l on l.facility_code = f.code`;
  const base = await measure(
    () =>
      Promise.all([
        queryRows(db, sql`select * from (${stateThen}) s where s.st = 'optical_disk' order by s.code limit 50`),
        queryRows(db, sql`select count(*)::int from (${stateThen}) s where s.st = 'optical_disk'`),
      ]),
    { runs },
  );
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from facilities`);
  const page = await listFacilities(db, NATIONAL, { asOf: pastYear, status: "optical_disk" }, 1, 50);
  return {
    name: "list.asOfPastYear",
    p50Ms: ours.p50Ms,
    p95Ms: ours.p95Ms,
    baselineMs: base.p50Ms,
    ratio: round(ours.p50Ms / base.p50Ms, 2),
    rows: page.total,
    peakRssMb: null,
    note:
      `national, status=optical_disk, asOf ${pastYear}, first page of ${page.total} (of ${n} facilities); ` +
      `baseline: DISTINCT ON over the events`,
  };
}

/**
 * GET /api/v1/deferrals for the whole country a year back, over HTTP,
 * signed in (a new day each run is not needed: nothing is cached).
 */
export async function benchDeferralsApi(server: BenchServer, pastYear: string, runs: number): Promise<BenchResult> {
  let inForce = 0;
  const timing = await measure(
    async () => {
      const res = await fetch(`${server.baseUrl}/api/v1/deferrals?asOf=${pastYear}`, {
        headers: { cookie: server.cookie },
      });
      if (!res.ok) throw new Error(`deferrals answered ${res.status}`);
      inForce = ((await res.json()) as { inForce: number }).inForce;
    },
    { runs },
  );
  return {
    name: "api.deferrals.pastYear",
    ...timing,
    baselineMs: null,
    ratio: null,
    rows: inForce,
    peakRssMb: server.rssMb(),
    note: `GET /api/v1/deferrals?asOf=${pastYear}, national, ${inForce} filings in force`,
  };
}
