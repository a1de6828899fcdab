import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { facilityFilter } from "./scope";
import { NOT_YET_ONLINE, PLAN_DATE, readWithoutJit, filingOn, statesOn } from "./on-date";
import { deferralKey, deferralPopulation, planKey } from "./figure-filter";
import {
  stillToMoveFigures as figuresOf,
  type SlippedFacility,
  type StillToMoveFigures,
  type StillToMoveGroup,
} from "../../lib/figures/still-to-move";
import { DEFERRAL_DIMS } from "../../lib/figure-filter";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";

export type { StillToMoveFigures };

export interface StillToMoveFilter {
  asOf: string;
  prefecture?: string;
  tableType?: TableType;
  category?: Category;
}

/**
 * The facility columns the figures read: all carried by facilities_status_idx, so the facilities not moved since
 * the date (nearly all of them for a recent date) are read from that index alone.
 */
const FACILITY_COLUMNS = [
  "code",
  "prefecture",
  "table_type",
  "category",
  "initial_state",
  "shares_oqv_terminal",
  "first_applied_on",
  "first_certificate_on",
  "first_online_on",
];

/**
 * Everything the overview says about the facilities still to move on the date (not online, not closed), in one
 * statement over them and each one's filing on the date (filingOn): the deferral figures (⑥–⑩, contractors,
 * ending months; a grouping set each, keyed as the facility list filters), the plan buckets, the slipped sample,
 * the lapsed filings and those back below online after having been online (the regression alert's still-off
 * count). Within the scope and filter, applied in SQL.
 */
export async function stillToMove(
  db: Db,
  scope: Scope,
  filter: StillToMoveFilter,
  sampleSize = 20,
): Promise<StillToMoveFigures> {
  const { asOf } = filter;
  const id = sql.identifier;
  const dims = [...DEFERRAL_DIMS, "plan"] as const;
  const keys = dims.map((dim) => sql`${dim === "plan" ? planKey(asOf) : deferralKey(dim, asOf)} as ${id(dim)}`);
  const rows = await readWithoutJit<{
    dim: string | null;
    key: string | null;
    in_force: number;
    lapsed: number;
    total: number;
    was_online: number;
    name: string | null;
    prefecture: string | null;
    plan_on: string | null;
    status: string | null;
  }>(
    db,
    sql`with open as materialized (
          select f.code, f.st, ${sql.join(keys, sql`, `)}, ${PLAN_DATE} as plan_on,
                 (${deferralPopulation(asOf)}) as in_force, (${deferralPopulation(asOf, "lapsed")}) as lapsed,
                 f.initial_state = 'online' or coalesce(f.first_online_on <= ${asOf}::date, false) as was_online
          from ${statesOn(asOf, NOT_YET_ONLINE, facilityFilter(scope, filter), FACILITY_COLUMNS)} f
          ${filingOn(asOf, sql`f.code`)}
        )
        select case ${sql.join(
          dims.map((dim) => sql`when grouping(${id(dim)}) = 0 then ${dim}`),
          sql` `,
        )} end as dim,
               case ${sql.join(
                 dims.map((dim) => sql`when grouping(${id(dim)}) = 0 then ${id(dim)}::text`),
                 sql` `,
               )} end as key,
               (count(*) filter (where in_force))::int as in_force, (count(*) filter (where lapsed))::int as lapsed,
               count(*)::int as total, (count(*) filter (where was_online))::int as was_online,
               null as name, null as prefecture, null as plan_on, null as status
        from open
        group by grouping sets (${sql.join(
          dims.map((dim) => sql`(${id(dim)})`),
          sql`, `,
        )}, ())
        union all
        select 'slipped', s.code, 0, 0, 0, 0, f.name, f.prefecture, s.plan_on::text, s.st::text
        from (select o.code, o.plan_on, o.st from open o where o.plan = 'slipped'
              order by o.plan_on desc, o.code limit ${sampleSize}) s
        join facilities f on f.code = s.code`,
  );
  const groups: StillToMoveGroup[] = rows
    .filter((r) => r.dim !== "slipped")
    .map((r) => ({
      dim: r.dim,
      key: r.key,
      inForce: Number(r.in_force),
      lapsed: Number(r.lapsed),
      all: Number(r.total),
      wasOnline: Number(r.was_online),
    }));
  const sample: SlippedFacility[] = rows
    .filter((r) => r.dim === "slipped")
    .map((r) => ({ code: r.key!, name: r.name!, prefecture: r.prefecture!, planOn: r.plan_on!, status: r.status! }))
    .sort((a, b) => b.planOn.localeCompare(a.planOn) || a.code.localeCompare(b.code));
  return figuresOf(asOf, groups, sample);
}
