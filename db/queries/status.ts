import type { Executor } from "../executor";

/**
 * Keeps facilities.status / status_since in step with the event history for the given codes: the latest
 * event (for one day, the furthest state), or the starting state when there is none. Called in the same
 * transaction as the writes to status_events.
 */
export async function refreshFacilityStatus(tx: Executor, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await tx.query(
    `with latest as (
       select distinct on (e.facility_code) e.facility_code, e.state, e.effective_on
       from status_events e
       where e.facility_code = any($1::text[])
       order by e.facility_code, e.effective_on desc nulls first, e.state desc nulls first
     ), target as (
       select f.code, coalesce(l.state, f.initial_state) as state, l.effective_on
       from facilities f left join latest l on l.facility_code = f.code
       where f.code = any($1::text[])
     )
     update facilities f set status = t.state, status_since = t.effective_on, updated_at = now()
     from target t
     where f.code = t.code and (f.status, f.status_since) is distinct from (t.state, t.effective_on)`,
    [codes],
  );
}

/**
 * Flags every event of the given facilities that goes left on the ladder from the state before it
 * (closure excluded), so a backward step is kept and shown, never silent.
 */
export async function markBackwardSteps(tx: Executor, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await tx.query(
    `with ordered as (
       select e.id, e.state,
              coalesce(lag(e.state) over (partition by e.facility_code order by e.effective_on, e.state), f.initial_state) as before
       from status_events e join facilities f on f.code = e.facility_code
       where e.facility_code = any($1::text[])
     )
     update status_events e
     set backward = (o.state <> 'closed' and o.before <> 'closed' and o.state < o.before)
     from ordered o
     where e.id = o.id and e.backward is distinct from (o.state <> 'closed' and o.before <> 'closed' and o.state < o.before)`,
    [codes],
  );
}
