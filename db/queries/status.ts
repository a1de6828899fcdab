import { sql } from "drizzle-orm";
import { arrayParam, type Tx } from "../transaction";

/**
 * Keeps facilities.status / status_since (and the first day of each step) in step with the event history for the given
 * codes: the latest event (for one day, the furthest state), or the starting state when there is none. Called in the
 * same transaction as the writes to status_events.
 */
export async function refreshFacilityStatus(tx: Tx, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await tx.query(sql`with latest as (
       select distinct on (e.facility_code) e.facility_code, e.state, e.effective_on
       from status_events e
       where e.facility_code = any(${arrayParam(codes)}::text[])
       order by e.facility_code, e.effective_on desc nulls first, e.state desc nulls first
     ), firsts as (
       select e.facility_code,
              min(e.effective_on) filter (where e.state = 'deferred') as d1,
              min(e.effective_on) filter (where e.state = 'applied') as d2,
              min(e.effective_on) filter (where e.state = 'certificate_issued') as d3,
              min(e.effective_on) filter (where e.state = 'online') as d4
       from status_events e where e.facility_code = any(${arrayParam(codes)}::text[]) group by 1
     ), target as (
       select f.code, coalesce(l.state, f.initial_state) as state, l.effective_on, s.d1, s.d2, s.d3, s.d4
       from facilities f left join latest l on l.facility_code = f.code left join firsts s on s.facility_code = f.code
       where f.code = any(${arrayParam(codes)}::text[])
     )
     update facilities f set status = t.state, status_since = t.effective_on,
       first_deferred_on = t.d1, first_applied_on = t.d2, first_certificate_on = t.d3, first_online_on = t.d4,
       updated_at = now()
     from target t
     where f.code = t.code
       and (f.status, f.status_since, f.first_deferred_on, f.first_applied_on, f.first_certificate_on,
            f.first_online_on)
           is distinct from (t.state, t.effective_on, t.d1, t.d2, t.d3, t.d4)`);
}

/**
 * Flags every event of the given facilities that goes left on the ladder from the state before it
 * (closure excluded), so a backward step is kept and shown, never silent.
 */
export async function markBackwardSteps(tx: Tx, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await tx.query(sql`with ordered as (
       select e.id, e.state,
              coalesce(lag(e.state) over (partition by e.facility_code order by e.effective_on, e.state),
                       f.initial_state) as before
       from status_events e join facilities f on f.code = e.facility_code
       where e.facility_code = any(${arrayParam(codes)}::text[])
     )
     update status_events e
     set backward = (o.state <> 'closed' and o.before <> 'closed' and o.state < o.before)
     from ordered o
     where e.id = o.id and e.backward is distinct from
       (o.state <> 'closed' and o.before <> 'closed' and o.state < o.before)`);
}
