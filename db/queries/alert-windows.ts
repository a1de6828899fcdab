import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { arrayParam, type Tx } from "../transaction";
import { withIndexesRebuiltAfter } from "../bulk/rebuild";
import { alertWindowRows, WINDOW_COLUMNS } from "./alert-sql";
import { ALERT_RULES, DEFAULT_ALERT_SETTINGS } from "../../lib/alerts/rules";

/**
 * alert_windows (db/schema.ts): each facility's rules as windows of dates, kept with the data. A facility's
 * windows are valid for every date on or after its latest record (event, filing, contact or certificate);
 * for an earlier date its alerts are evaluated for that date (alertFacts). Every write to those records
 * calls refreshAlertWindows for the facilities it touched, in its own transaction, so a reader sees the
 * windows and the data of one commit.
 */

/**
 * The rules the windows are built with: a hash of their SQL and settings. Windows built with other rules
 * (an older release) are not read: every facility is then evaluated for the date until they are rebuilt,
 * which the next refresh or `npm run db:migrate` does.
 */
export const ALERT_RULES_KEY = createHash("sha256")
  .update(JSON.stringify(new PgDialect().sqlToQuery(alertWindowRows(DEFAULT_ALERT_SETTINGS))))
  .update(JSON.stringify(ALERT_RULES))
  .digest("hex")
  .slice(0, 32);

const columns = sql.raw(WINDOW_COLUMNS.join(", "));

/**
 * Refreshes take turns (a transaction-scoped lock, held to commit), so that each reads the records after the
 * one before it committed: two writes to the same facility in parallel transactions cannot leave windows that
 * saw only one of them. An import takes its turn before it writes anything (else two imports, each holding
 * rows the other is about to update, could wait for each other); taking it again is free.
 */
export async function takeAlertWindowsTurn(tx: Tx): Promise<void> {
  await tx.query(sql`select pg_advisory_xact_lock(hashtext('alert-windows'))`);
}

/**
 * Rebuilds the windows of the given facilities (all when `codes` is null, or when the stored windows were
 * built with other rules) from their records as they are in this transaction: called after every write to
 * those records, in its transaction. Only the rows that differ are written.
 */
export async function refreshAlertWindows(tx: Tx, codes: readonly string[] | null): Promise<void> {
  if (codes !== null && codes.length === 0) return;
  await takeAlertWindowsTurn(tx);
  const [state] = await tx.query<{ rules_key: string }>(sql`select rules_key from alert_windows_state where id = 1`);
  // Many facilities: all are worked out (the planner, taking the list for a few, would probe each one's
  // records by key), and only the rows that differ written, so the others stay as they are.
  if (codes === null || codes.length > BY_KEY_MAX || state?.rules_key !== ALERT_RULES_KEY) {
    const [{ empty }] = await tx.query<{ empty: boolean }>(
      sql`select not exists (select 1 from alert_windows) as empty`,
    );
    // Into an empty table (the seed, a first facility list): its indexes are built once afterwards.
    if (empty)
      await withIndexesRebuiltAfter(tx, ["alert_windows"], () =>
        tx.query(sql`insert into alert_windows (${columns}) ${alertWindowRows()}`),
      );
    else await mergeWindows(tx, alertWindowRows(), sql`true`);
    await tx.query(sql`insert into alert_windows_state (id, rules_key) values (1, ${ALERT_RULES_KEY})
      on conflict (id) do update set rules_key = excluded.rules_key, built_at = now()`);
    return;
  }
  const only = sql`select unnest(${arrayParam(codes)}::text[])`;
  await mergeWindows(tx, alertWindowRows(DEFAULT_ALERT_SETTINGS, only), sql`w.facility_code in (${only})`);
}

/**
 * Where a write's touched facilities go: their windows refreshed at once ("now", a write on its own), or
 * gathered in a set for one refresh before an import commits (each of its batches would otherwise refresh
 * its own: 200 refreshes for a million events).
 */
export type WindowsRefresh = "now" | Set<string>;

export async function alertWindowsTouched(tx: Tx, codes: readonly string[], refresh: WindowsRefresh): Promise<void> {
  if (refresh === "now") await refreshAlertWindows(tx, codes);
  else for (const code of codes) refresh.add(code);
}

/** Up to this many facilities, a refresh reads their records by key (working out all costs about as much). */
const BY_KEY_MAX = 5000;

const SAME_WINDOW = sql.raw(
  "w.facility_code = f.facility_code and w.rule = f.rule" +
    ` and (${WINDOW_COLUMNS.slice(2).map((c) => `w.${c}`)})` +
    ` is not distinct from (${WINDOW_COLUMNS.slice(2).map((c) => `f.${c}`)})`,
);

/** Makes the windows of the facilities `mine` selects (over alert_windows w) those of `fresh`, row by row. */
async function mergeWindows(tx: Tx, fresh: SQL, mine: SQL): Promise<void> {
  await tx.query(sql`with f as materialized (${fresh}),
      gone as (delete from alert_windows w where ${mine} and not exists (select 1 from f where ${SAME_WINDOW}))
    insert into alert_windows (${columns})
    select * from f where not exists (select 1 from alert_windows w where ${SAME_WINDOW})`);
}

/**
 * For a first facility list into an empty table: working out every new facility's windows would add a third to
 * that import (README, Performance), so the windows are marked as not built instead: the lists evaluate every
 * facility for the date (as correct, and as slow, as without windows) until the next write or
 * `npm run db:migrate` builds them all.
 */
export async function setAsideAlertWindows(tx: Tx): Promise<void> {
  await takeAlertWindowsTurn(tx);
  await tx.query(sql`delete from alert_windows_state`);
  await tx.query(sql`delete from alert_windows`);
}

/** Builds the windows when they are missing or were built with other rules (after the migrations). */
export async function ensureAlertWindows(tx: Tx): Promise<boolean> {
  const [state] = await tx.query<{ rules_key: string }>(sql`select rules_key from alert_windows_state where id = 1`);
  if (state?.rules_key === ALERT_RULES_KEY) return false;
  await refreshAlertWindows(tx, null);
  return true;
}
