import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { progress } from "../../db/queries/progress";
import { NATIONAL } from "../../lib/scope";
import { measure, round, type BenchResult } from "./measure";

/**
 * The progress query by prefecture beside the best hand-written SQL for the same counts: for today a
 * plain GROUP BY on the maintained status; for a past date DISTINCT ON over the events with the index.
 */
export async function benchProgress(db: Db, today: string, pastYear: string, runs: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const baselines: Record<string, () => Promise<unknown>> = {
    today: () =>
      queryRows(
        db,
        sql`select prefecture, case when closed_on <= ${today}::date then 'closed'::facility_state
              else status end as s, count(*)::int
                        from facilities group by 1, 2`,
      ),
    pastYear: () =>
      queryRows(
        db,
        sql`select f.prefecture,
                          case when f.closed_on <= ${pastYear}::date then 'closed'::facility_state
                            else coalesce(l.state, f.initial_state) end as s,
                          count(*)::int
                        from facilities f
                        left join (select distinct on (facility_code) facility_code, state from status_events
                                   where effective_on <= ${pastYear}::date
                                   order by facility_code, effective_on desc nulls first, state desc nulls first) l
                          on l.facility_code = f.code
                        group by 1, 2`,
      ),
  };
  for (const [name, asOf] of [
    ["today", today],
    ["pastYear", pastYear],
  ] as const) {
    const ours = await measure(() => progress(db, NATIONAL, { asOf, groupBy: "prefecture" }), { runs });
    const base = await measure(baselines[name], { runs });
    results.push({
      name: `progress.${name}`,
      p50Ms: ours.p50Ms,
      p95Ms: ours.p95Ms,
      baselineMs: base.p50Ms,
      ratio: round(ours.p50Ms / base.p50Ms, 2),
      rows: null,
      peakRssMb: null,
      note: `asOf ${asOf}`,
    });
  }
  return results;
}
