import { withTransaction } from "./executor";
import { refreshFacilityStatus, markBackwardSteps } from "./queries/status";
import { refreshMonthlySummary } from "./queries/monthly-summary";
import type { BulkTx } from "./bulk";

/**
 * `npm run db:check`: are the derived data what the source data say? The derived data (the monthly
 * summary; each facility's current state, its date and the first day of each step; the backward flag on
 * events) are rebuilt from the source (facilities as imported, the status events) in a scratch schema, by
 * the same code the imports use, and compared with the live ones row for row. All of it happens in one
 * transaction that is rolled back, so the check writes nothing (it takes a copy of the two source tables,
 * so allow a few seconds and some temporary space at national size). Run it after a restore, or whenever
 * a figure is in doubt.
 */
export interface DerivedCheck {
  table: string;
  what: string;
  rows: number;
  mismatched: number;
  examples: string[];
}

export interface CheckReport {
  ok: boolean;
  checks: DerivedCheck[];
  ms: number;
}

const SCRATCH = "db_check_scratch";

const STATUS_COLUMNS = [
  "status",
  "status_since",
  "first_deferred_on",
  "first_applied_on",
  "first_certificate_on",
  "first_online_on",
];
const SUMMARY_COLUMNS = "month_end, prefecture, table_type, category, state, facilities, claims";

async function count(tx: BulkTx, text: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(text);
  return Number(row.n);
}

async function examples(tx: BulkTx, text: string): Promise<string[]> {
  return (await tx.query<{ e: string }>(`${text} limit 5`)).map((r) => r.e);
}

export async function checkDerived(): Promise<CheckReport> {
  const started = performance.now();
  const checks = await withTransaction(
    async (tx) => {
      await tx.query("set local jit = off");
      await tx.query(`create schema ${SCRATCH}`);
      // The source tables as they are, with their derived columns put back to what a fresh import gives.
      await tx.query(`create table ${SCRATCH}.facilities (like public.facilities including defaults)`);
      await tx.query(`insert into ${SCRATCH}.facilities select * from public.facilities`);
      await tx.query(
        `update ${SCRATCH}.facilities set status = initial_state, status_since = null, first_deferred_on = null, first_applied_on = null, first_certificate_on = null, first_online_on = null`,
      );
      await tx.query(`alter table ${SCRATCH}.facilities add primary key (code)`);
      await tx.query(`create table ${SCRATCH}.status_events (like public.status_events including defaults)`);
      await tx.query(`insert into ${SCRATCH}.status_events select * from public.status_events`);
      await tx.query(`update ${SCRATCH}.status_events set backward = false where backward`);
      await tx.query(`create index on ${SCRATCH}.status_events (facility_code, effective_on)`);
      await tx.query(`create table ${SCRATCH}.monthly_summary (like public.monthly_summary including all)`);
      await tx.query(`create table ${SCRATCH}.summary_state (like public.summary_state including all)`);
      await tx.query(`analyze ${SCRATCH}.facilities`);
      await tx.query(`analyze ${SCRATCH}.status_events`);

      // Rebuilt by the imports' own code: unqualified names now find the scratch tables first.
      await tx.query(`set local search_path = ${SCRATCH}, public`);
      const codes = (
        await tx.query<{ code: string }>(
          `select facility_code as code from ${SCRATCH}.status_events group by 1 order by 1`,
        )
      ).map((r) => r.code);
      for (let i = 0; i < codes.length; i += 20_000) {
        const part = codes.slice(i, i + 20_000);
        await markBackwardSteps(tx, part);
        await refreshFacilityStatus(tx, part);
      }
      const [live] = await tx.query<{ through: string | null }>(
        "select computed_through::text as through from public.summary_state where id = 1",
      );
      if (live?.through) await refreshMonthlySummary(tx, live.through);
      await tx.query("set local search_path = public");

      const differs = STATUS_COLUMNS.map((c) => `l.${c} is distinct from s.${c}`).join(" or ");
      const facilities: DerivedCheck = {
        table: "facilities",
        what: `current state and step dates (${STATUS_COLUMNS.join(", ")})`,
        rows: await count(tx, "select count(*)::int as n from public.facilities"),
        mismatched: await count(
          tx,
          `select count(*)::int as n from public.facilities l join ${SCRATCH}.facilities s using (code) where ${differs}`,
        ),
        examples: await examples(
          tx,
          `select l.code || ': ' || l.status || ' since ' || coalesce(l.status_since::text, '-') || ', rebuilt ' || s.status || ' since ' || coalesce(s.status_since::text, '-') as e from public.facilities l join ${SCRATCH}.facilities s using (code) where ${differs} order by l.code`,
        ),
      };
      const events: DerivedCheck = {
        table: "status_events",
        what: "backward flag",
        rows: await count(tx, "select count(*)::int as n from public.status_events"),
        mismatched: await count(
          tx,
          `select count(*)::int as n from public.status_events l join ${SCRATCH}.status_events s using (id) where l.backward is distinct from s.backward`,
        ),
        examples: await examples(
          tx,
          `select l.facility_code || ' ' || l.state || ' ' || l.effective_on || ': ' || l.backward || ', rebuilt ' || s.backward as e from public.status_events l join ${SCRATCH}.status_events s using (id) where l.backward is distinct from s.backward order by l.id`,
        ),
      };
      const onlyLive = `select ${SUMMARY_COLUMNS} from public.monthly_summary except all select ${SUMMARY_COLUMNS} from ${SCRATCH}.monthly_summary`;
      const onlyRebuilt = `select ${SUMMARY_COLUMNS} from ${SCRATCH}.monthly_summary except all select ${SUMMARY_COLUMNS} from public.monthly_summary`;
      const summary: DerivedCheck = {
        table: "monthly_summary",
        what: `every month end through ${live?.through ?? "(never computed)"}`,
        rows: await count(tx, "select count(*)::int as n from public.monthly_summary"),
        mismatched:
          (await count(tx, `select count(*)::int as n from (${onlyLive}) x`)) +
          (await count(tx, `select count(*)::int as n from (${onlyRebuilt}) x`)),
        examples: [
          ...(await examples(
            tx,
            `select 'live ' || month_end || ' ' || prefecture || ' ' || table_type || ' ' || category || ' ' || state || ' = ' || facilities as e from (${onlyLive}) x order by 1`,
          )),
          ...(await examples(
            tx,
            `select 'rebuilt ' || month_end || ' ' || prefecture || ' ' || table_type || ' ' || category || ' ' || state || ' = ' || facilities as e from (${onlyRebuilt}) x order by 1`,
          )),
        ],
      };
      return [facilities, events, summary];
    },
    { rollback: true },
  );
  return { ok: checks.every((c) => c.mismatched === 0), checks, ms: Math.round(performance.now() - started) };
}
