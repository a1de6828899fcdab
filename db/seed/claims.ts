import { sql } from "drizzle-orm";
import type { Tx } from "../transaction";

/** How many complete months of claim counts the seed makes, ending with the month before the as-of date's. */
export const SEEDED_CLAIM_MONTHS = 6;

/**
 * A plausible history of the payers' monthly counts: for each facility open in the month, its listed
 * monthly volume (or a typical one for its category) varied by ±10% month to month, all sent online from
 * the month it first claimed online (or always, when it started online), none before. Written in SQL in
 * the seed's transaction: national six months are 1.3 million rows that never pass through JavaScript.
 * Deterministic: the variation comes from a hash of the code and the seed, stepped by the month.
 */
export async function seedMonthlyClaims(tx: Tx, asOf: string, seed: number): Promise<number> {
  const [row] = await tx.query<{ n: number }>(sql`with months as (
       select row_number() over (order by m) as k, m::date as month, (m + interval '1 month - 1 day')::date as month_end
       from generate_series(date_trunc('month', ${asOf}::date) - make_interval(months => ${SEEDED_CLAIM_MONTHS}::int),
                            date_trunc('month', ${asOf}::date) - interval '1 month', interval '1 month') m
     ), base as (
       -- One hash per facility; each month then varies it by arithmetic alone.
       select f.code, f.initial_state, f.first_online_on, f.closed_on,
              coalesce(f.monthly_claims,
                       case f.category when 'hospital' then 2400 when 'pharmacy' then 1300 else 450 end) as volume,
              abs(hashtext(f.code || ${String(seed)}::text)) as h
       from facilities f
     ), made as (
       insert into monthly_claims (facility_code, month, claims, online_claims)
       select b.code, m.month, c.claims,
              case when b.initial_state = 'online' or b.first_online_on <= m.month_end then c.claims else 0 end
       from base b cross join months m
       cross join lateral (
         select greatest(1, round(b.volume * (0.9 + ((b.h + m.k * 7919) % 201) / 1000.0)))::int as claims) c
       where b.closed_on is null or b.closed_on > m.month_end
       order by b.code, m.month
       returning 1
     )
     select count(*)::int as n from made`);
  return Number(row.n);
}
