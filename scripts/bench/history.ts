import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { withTransaction } from "../../db/transaction";
import { refreshAlertWindows } from "../../db/queries/alert-windows";

/**
 * The benchmark's national data carries at least a million events, as issue 5 asks; the seed's story starts
 * in January 2023 and gives about 0.75 an event a facility. This adds each facility's years before that,
 * ending in the state the seed starts it in, so every figure from 2023 on is unchanged:
 * - a facility online at the start: on disk from 2010–2014, applied 2016–2018, certificate and online
 *   within weeks; six in ten also fell back to disk for a while in 2020–2021 (a backward step) and
 *   came back online before 2023;
 * - a facility on disk at the start: its first disk claim, 2010–2018.
 * Deterministic (setseed). Returns the number of events added.
 */
export async function addHistoryBefore2023(db: Db): Promise<number> {
  await queryRows(db, sql`select setseed(0.2023)`);
  const [{ added }] = await queryRows<{ added: number }>(
    db,
    sql`with f as (
          select code, initial_state,
                 date '2010-04-01' + (random() * 1800)::int as disk_on,
                 date '2016-01-01' + (random() * 1000)::int as applied_on,
                 20 + (random() * 60)::int as to_cert, 10 + (random() * 60)::int as to_online,
                 random() < 0.6 as fell_back,
                 date '2020-01-01' + (random() * 700)::int as back_on, 30 + (random() * 300)::int as to_return
          from facilities order by code
        ),
        steps as (
          select code, 'optical_disk'::facility_state as state, disk_on as on_day, false as backward from f
          union all select code, 'applied', applied_on, false from f where initial_state = 'online'
          union all select code, 'certificate_issued', applied_on + to_cert, false from f where initial_state = 'online'
          union all select code, 'online', applied_on + to_cert + to_online, false from f where initial_state = 'online'
          union all select code, 'optical_disk', back_on, true from f where initial_state = 'online' and fell_back
          union all select code, 'online', back_on + to_return, false from f
          where initial_state = 'online' and fell_back
        ),
        inserted as (
          insert into status_events (facility_code, state, effective_on, source, note, backward)
          select code, state, on_day, 'history', 'before 2023 (benchmark data)', backward from steps
          where on_day < date '2023-01-01'
          on conflict do nothing
          returning 1
        )
        select count(*)::int as added from inserted`,
  );
  await queryRows(
    db,
    sql`update facilities f set
          first_applied_on = least(f.first_applied_on, h.applied),
          first_certificate_on = least(f.first_certificate_on, h.certificate),
          first_online_on = least(f.first_online_on, h.online)
        from (select facility_code,
                     min(effective_on) filter (where state = 'applied') as applied,
                     min(effective_on) filter (where state = 'certificate_issued') as certificate,
                     min(effective_on) filter (where state = 'online') as online
              from status_events where source = 'history' group by facility_code) h
        where f.code = h.facility_code`,
  );
  // An earlier application can change a facility's alerts (no_filing's deadline, for one).
  await withTransaction((tx) => refreshAlertWindows(tx, null), { settings: { jit: "off" } });
  // The update rewrote every facility row: vacuum, as autovacuum would, so that scans read a compact table.
  await queryRows(db, sql`vacuum analyze facilities`);
  await queryRows(db, sql`vacuum analyze status_events`);
  // Filings are insert-only here: autovacuum's insert threshold would mark them all-visible within a minute,
  // which the follow-up list's index-only scan of the filings in force relies on.
  await queryRows(db, sql`vacuum analyze filings`);
  // As autovacuum would after the refresh: the follow-up list reads the windows by an index-only scan.
  await queryRows(db, sql`vacuum analyze alert_windows`);
  return added;
}
