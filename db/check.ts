import { sql, type SQL } from "drizzle-orm";
import { withSetting, withTransaction, type Tx } from "./transaction";
import { refreshFacilityStatus, markBackwardSteps } from "./queries/status";
import { refreshMonthlySummary } from "./queries/monthly-summary";
import { alertWindowRows, WINDOW_COLUMNS } from "./queries/alert-sql";
import { ALERT_RULES_KEY } from "./queries/alert-windows";

/**
 * `npm run db:check`: are the derived data what the source data say? The derived data (the monthly
 * summary; each facility's current state, its date and the first day of each step; the backward flag on
 * events) are rebuilt from the source (facilities as imported, the status events) in a scratch schema, by
 * the same code the imports use, and compared with the live ones row for row; the follow-up alert windows
 * are compared with those the live facts give. All of it happens in one
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
const COLS = sql.raw("month_end, prefecture, table_type, category, state, facilities, claims");
const S = sql.raw(SCRATCH);

async function count(tx: Tx, query: SQL): Promise<number> {
  const [row] = await tx.query<{ n: number }>(query);
  return Number(row.n);
}

async function examples(tx: Tx, query: SQL): Promise<string[]> {
  return (await tx.query<{ e: string }>(sql`${query} limit 5`)).map((r) => r.e);
}

export async function checkDerived(): Promise<CheckReport> {
  const started = performance.now();
  const checks = await withTransaction(compare, { rollback: true, settings: { jit: "off" } });
  return { ok: checks.every((c) => c.mismatched === 0), checks, ms: Math.round(performance.now() - started) };
}

/** Copies the source tables into a scratch schema, rebuilds their derived data there and compares. */
async function compare(tx: Tx): Promise<DerivedCheck[]> {
  await tx.query(sql`create schema ${S}`);
  // The source tables as they are, with their derived columns put back to what a fresh import gives.
  await tx.query(sql`create table ${S}.facilities (like public.facilities including defaults)`);
  await tx.query(sql`insert into ${S}.facilities select * from public.facilities`);
  await tx.query(
    sql`update ${S}.facilities
          set status = initial_state, status_since = null, first_deferred_on = null, first_applied_on = null,
            first_certificate_on = null, first_online_on = null`,
  );
  await tx.query(sql`alter table ${S}.facilities add primary key (code)`);
  await tx.query(sql`create table ${S}.status_events (like public.status_events including defaults)`);
  await tx.query(sql`insert into ${S}.status_events select * from public.status_events`);
  await tx.query(sql`update ${S}.status_events set backward = false where backward`);
  await tx.query(sql`create index on ${S}.status_events (facility_code, effective_on)`);
  await tx.query(sql`create table ${S}.monthly_summary (like public.monthly_summary including all)`);
  await tx.query(sql`create table ${S}.summary_state (like public.summary_state including all)`);
  await tx.query(sql`analyze ${S}.facilities`);
  await tx.query(sql`analyze ${S}.status_events`);

  // Rebuilt by the imports' own code: unqualified names find the scratch tables first.
  const live = await withSetting(tx, "search_path", `${SCRATCH}, public`, () => rebuild(tx));

  const differs = sql.raw(STATUS_COLUMNS.map((c) => `l.${c} is distinct from s.${c}`).join(" or "));
  const facilities: DerivedCheck = {
    table: "facilities",
    what: `current state and step dates (${STATUS_COLUMNS.join(", ")})`,
    rows: await count(tx, sql`select count(*)::int as n from public.facilities`),
    mismatched: await count(
      tx,
      sql`select count(*)::int as n from public.facilities l join ${S}.facilities s using (code) where ${differs}`,
    ),
    examples: await examples(
      tx,
      sql`select l.code || ': ' || l.status || ' since ' || coalesce(l.status_since::text, '-') || ', rebuilt '
            || s.status || ' since ' || coalesce(s.status_since::text, '-') as e from public.facilities l
            join ${S}.facilities s using (code) where ${differs} order by l.code`,
    ),
  };
  const events: DerivedCheck = {
    table: "status_events",
    what: "backward flag",
    rows: await count(tx, sql`select count(*)::int as n from public.status_events`),
    mismatched: await count(
      tx,
      sql`select count(*)::int as n from public.status_events l join ${S}.status_events s using (id)
          where l.backward is distinct from s.backward`,
    ),
    examples: await examples(
      tx,
      sql`select l.facility_code || ' ' || l.state || ' ' || l.effective_on || ': ' || l.backward || ', rebuilt '
            || s.backward as e from public.status_events l join ${S}.status_events s using (id)
            where l.backward is distinct from s.backward order by l.id`,
    ),
  };
  const onlyLive = sql`select ${COLS} from public.monthly_summary except all select ${COLS} from ${S}.monthly_summary`;
  const onlyRebuilt = sql`select ${COLS} from ${S}.monthly_summary except all select ${COLS}
                          from public.monthly_summary`;
  const summary: DerivedCheck = {
    table: "monthly_summary",
    what: `every month end through ${live?.through ?? "(never computed)"}`,
    rows: await count(tx, sql`select count(*)::int as n from public.monthly_summary`),
    mismatched:
      (await count(tx, sql`select count(*)::int as n from (${onlyLive}) x`)) +
      (await count(tx, sql`select count(*)::int as n from (${onlyRebuilt}) x`)),
    examples: [
      ...(await examples(
        tx,
        sql`select 'live ' || month_end || ' ' || prefecture || ' ' || table_type || ' ' || category || ' ' || state
              || ' = ' || facilities as e from (${onlyLive}) x order by 1`,
      )),
      ...(await examples(
        tx,
        sql`select 'rebuilt ' || month_end || ' ' || prefecture || ' ' || table_type || ' ' || category || ' ' || state
              || ' = ' || facilities as e from (${onlyRebuilt}) x order by 1`,
      )),
    ],
  };
  return [facilities, events, summary, await alertWindowsCheck(tx)];
}

/** alert_windows against the windows the live facilities, filings, contacts and certificates give now. */
async function alertWindowsCheck(tx: Tx): Promise<DerivedCheck> {
  const W = sql.raw(WINDOW_COLUMNS.join(", "));
  const fresh = sql`select ${W} from (${alertWindowRows()}) w`;
  const onlyLive = sql`select ${W} from public.alert_windows except all ${fresh}`;
  const onlyRebuilt = sql`${fresh} except all select ${W} from public.alert_windows`;
  const [state] = await tx.query<{ current: boolean }>(
    sql`select rules_key = ${ALERT_RULES_KEY} as current from public.alert_windows_state where id = 1`,
  );
  const describe = (which: string) =>
    sql`select ${which}::text || ' ' || facility_code || ' rule ' || rule || ' due ' || due_on
          || ' from ' || fires_from || ' until ' || coalesce(fires_until::text, '-') as e`;
  return {
    table: "alert_windows",
    what:
      "every facility's follow-up rules as windows of dates" +
      (state?.current ? "" : " (built with other rules: not read until rebuilt)"),
    rows: await count(tx, sql`select count(*)::int as n from public.alert_windows`),
    mismatched:
      (await count(tx, sql`select count(*)::int as n from (${onlyLive}) x`)) +
      (await count(tx, sql`select count(*)::int as n from (${onlyRebuilt}) x`)),
    examples: [
      ...(await examples(tx, sql`${describe("live")} from (${onlyLive}) x order by 1`)),
      ...(await examples(tx, sql`${describe("rebuilt")} from (${onlyRebuilt}) x order by 1`)),
    ],
  };
}

async function rebuild(tx: Tx): Promise<{ through: string | null } | undefined> {
  const codes = (
    await tx.query<{ code: string }>(sql`select facility_code as code from ${S}.status_events group by 1 order by 1`)
  ).map((r) => r.code);
  for (let i = 0; i < codes.length; i += 20_000) {
    const part = codes.slice(i, i + 20_000);
    await markBackwardSteps(tx, part);
    await refreshFacilityStatus(tx, part);
  }
  const [live] = await tx.query<{ through: string | null }>(
    sql`select computed_through::text as through from public.summary_state where id = 1`,
  );
  if (live?.through) await refreshMonthlySummary(tx, live.through);
  return live;
}
