import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { arrayParam } from "../transaction";
import { facilityFilter } from "./scope";
import { NOT_YET_ONLINE, PLAN_DATE, readWithoutJit, filingOn, statesOn } from "./on-date";
import { deferralKey, deferralPopulation, planKey } from "./figure-filter";
import {
  combineParts,
  currentFacts,
  foldCurrent,
  stillToMoveFigures as figuresOf,
  type CurrentFacts,
  type StillToMoveFigures,
  type StillToMovePart,
} from "../../lib/figures/still-to-move";
import { toEpochDay } from "../../lib/dates";
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

/** Had been online by the date (the regression alert's condition). */
const wasOnlineBy = (asOf: string) =>
  sql`(f.initial_state = 'online' or coalesce(f.first_online_on <= ${asOf}::date, false))`;

const day = (value: SQL) => sql`(${value} - date '1970-01-01')`;

/**
 * The figures of the facilities still to move on the date (not online, not closed) within the scope and filter
 * (in SQL), or of those of them in `only` (a condition on `facilities f`), in one statement over them and each
 * one's filing on the date (filingOn): the deferral figures (⑥–⑩, contractors, ending months; a grouping set
 * each, keyed as the facility list filters), the plan buckets, the slipped sample, the lapsed filings and those
 * back below online after having been online (the regression alert's still-off count).
 */
async function countedOn(
  db: Db,
  scope: Scope,
  filter: StillToMoveFilter,
  sampleSize: number,
  only: SQL = sql`true`,
  named: readonly string[] = [],
): Promise<StillToMovePart & { names: Map<string, string> }> {
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
                 ${wasOnlineBy(asOf)} as was_online
          from ${statesOn(asOf, NOT_YET_ONLINE, sql`${facilityFilter(scope, filter)} and ${only}`, FACILITY_COLUMNS)} f
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
        join facilities f on f.code = s.code
        union all
        select 'named', f.code, 0, 0, 0, 0, f.name, null, null, null from facilities f
        where f.code = any(${arrayParam(named)}::text[])`,
  );
  const slipped = rows.filter((r) => r.dim === "slipped");
  return {
    names: new Map(rows.filter((r) => r.dim === "named").map((r) => [r.key!, r.name!])),
    groups: rows
      .filter((r) => r.dim !== "slipped" && r.dim !== "named")
      .map((r) => ({
        dim: r.dim,
        key: r.key,
        inForce: Number(r.in_force),
        lapsed: Number(r.lapsed),
        all: Number(r.total),
        wasOnline: Number(r.was_online),
      })),
    sample: slipped.map((r) => ({
      code: r.key!,
      name: r.name!,
      prefecture: r.prefecture!,
      planOn: r.plan_on!,
      status: r.status!,
    })),
  };
}

/**
 * Everything the overview says about the facilities still to move on the date: the deferral figures, the plan
 * buckets with the slipped sample, and the still-off count, within the scope and filter (in SQL). With `current`
 * (the facilities still to move as of their latest record, kept for the data version), only those whose state
 * or filing on the date differs from it are read; the rest are counted from it.
 */
export async function stillToMove(
  db: Db,
  scope: Scope,
  filter: StillToMoveFilter,
  sampleSize = 20,
  current?: CurrentFacts,
): Promise<StillToMoveFigures> {
  const held = current && foldCurrent(current, toEpochDay(filter.asOf), sampleSize);
  // Far enough back, most records are later than the date: then reading them all costs less than naming them.
  if (!held || held.changed.length * 2 > current.facilities.length) {
    const { groups, sample } = await countedOn(db, scope, filter, sampleSize);
    return figuresOf(filter.asOf, groups, sample);
  }
  // Moved after the date (their state then is an earlier one), or refiled after it (their filing then is).
  const changed = sql`(f.status_since > ${filter.asOf}::date or f.code = any(${arrayParam(held.changed)}::text[]))`;
  // The facts carry no names (so they are read from an index alone): those of their slipped sample come here.
  const counted = await countedOn(
    db,
    scope,
    filter,
    sampleSize,
    changed,
    held.sample.map((f) => f.code),
  );
  const named = held.sample.map((f) => ({ ...f, name: counted.names.get(f.code) ?? f.name }));
  const { groups, sample } = combineParts([{ ...held, sample: named }, counted], sampleSize);
  return figuresOf(filter.asOf, groups, sample);
}

/**
 * The facilities still to move as of their latest record, within the scope and filter (in SQL): their state and
 * latest filing with the figure keys, which hold for every date from the later of the two on (see
 * CurrentFacts). They change only with the data, so one read serves every date of a data version.
 */
export async function stillToMoveFacts(
  db: Db,
  scope: Scope,
  filter: Omit<StillToMoveFilter, "asOf">,
): Promise<CurrentFacts> {
  // Keyed as on a date past every record: the keys that compare a step's first day with the date then only ask
  // whether it was reached, which is the answer on every date from the record on.
  const after = "infinity";
  const id = sql.identifier;
  const rows = await readWithoutJit<Record<string, string | number | boolean | null>>(
    db,
    sql`select f.code, f.prefecture, f.st::text as st, ${day(sql`f.closed_on`)} as closed_on,
               ${day(sql`greatest(f.st_since, g.filed_on)`)} as valid_from,
               ${sql.join(
                 DEFERRAL_DIMS.map((dim) => sql`${deferralKey(dim, after)} as ${id(dim)}`),
                 sql`, `,
               )},
               ${day(sql`g.deferral_until`)} as until, (${PLAN_DATE})::text as plan_on, ${day(PLAN_DATE)} as plan_day,
               to_char(${PLAN_DATE}, 'YYYY-MM') as plan_month, ${wasOnlineBy(after)} as was_online
        from (
          select ${sql.raw(FACILITY_COLUMNS.map((c) => `f.${c}`).join(", "))}, f.closed_on,
                 f.status as st, f.status_since as st_since
          from facilities f
          where ${facilityFilter(scope, filter)} and f.status in (${sql.join(
            NOT_YET_ONLINE.map((s) => sql`${s}::facility_state`),
            sql`, `,
          )})
        ) f
        ${filingOn(after, sql`f.code`)}`,
  );
  const num = (v: unknown) => (v === null ? null : Number(v));
  const facilities = rows.map((r) => ({
    code: String(r.code),
    prefecture: String(r.prefecture),
    st: String(r.st),
    closedOn: num(r.closed_on),
    validFrom: num(r.valid_from),
    keys: Object.fromEntries(DEFERRAL_DIMS.filter((dim) => r[dim] !== null).map((dim) => [dim, String(r[dim])])),
    until: num(r.until),
    planOn: r.plan_on === null ? null : String(r.plan_on),
    planDay: num(r.plan_day),
    planMonth: r.plan_month === null ? null : String(r.plan_month),
    wasOnline: Boolean(r.was_online),
  }));
  return currentFacts(facilities);
}
