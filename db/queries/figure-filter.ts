import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../client";
import { PLAN_DATE } from "./on-date";
import { normalizeContractorName } from "../../lib/contractors";
import { DEFERRAL_DIMS, usesDeferral, type DeferralDim, type FigureFilter } from "../../lib/figure-filter";

/**
 * The key of each deferral figure over a row of `f` (the facility with its state `st` on the date, see statesOn) and
 * `g` (its filing on the date, see filingOn): the deferral panel groups by these and the list filters on them, so a
 * count and its list cannot disagree. Contractors group by the raw name here and are merged by
 * normalizeContractorName afterwards.
 */
export function deferralKey(dim: DeferralDim, asOf: string): SQL {
  const a = sql`${asOf}::date`;
  switch (dim) {
    case "reason":
      return sql`g.reason`;
    case "reasonSub":
      return sql`case when g.reason = 'transitional' then g.reason_sub::text end`;
    case "readiness":
      return sql`g.readiness`;
    case "network":
      return sql`g.network`;
    case "rececom":
      return sql`g.rececom`;
    case "usageApplied":
      return sql`case when not g.usage_applied then 'not_yet' when f.st >= 'applied'
                   or f.first_applied_on <= ${a} then 'done' else 'unconfirmed' end`;
    case "certApplied":
      return sql`case when not g.cert_applied then 'not_yet'
        when f.shares_oqv_terminal or f.st >= 'certificate_issued' or f.first_certificate_on <= ${a} then 'done'
          else 'unconfirmed' end`;
    case "deferralEnds":
      return sql`to_char(g.deferral_until, 'YYYY-MM')`;
    case "contractor":
      return sql`case when g.reason = 'outsourced' then g.outsourcer end`;
  }
}

/** Whose filing counts in the deferral figures: its period covers the date, or (lapsed) has ended. */
export function deferralPopulation(asOf: string, which: "inForce" | "lapsed" = "inForce"): SQL {
  return which === "lapsed"
    ? sql`g.facility_code is not null and g.deferral_until < ${asOf}::date`
    : sql`g.facility_code is not null and g.deferral_until >= ${asOf}::date`;
}

/**
 * The plan bucket of a facility still to move: 'none' without a
 * filing, 'slipped' when the plan date has passed, else its month.
 */
export function planKey(asOf: string): SQL {
  return sql`case when g.facility_code is null then 'none' when ${PLAN_DATE} < ${asOf}::date then 'slipped'
               else to_char(${PLAN_DATE}, 'YYYY-MM') end`;
}

/** The raw spellings on file that normalise to a contractor key (the rule stays in one place, lib/contractors.ts). */
export async function contractorSpellings(db: Db, key: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select distinct outsourcer as name from filings where reason = 'outsourced' and outsourcer is not null`,
  );
  return rows.map((r) => r.name).filter((name) => normalizeContractorName(name) === key);
}

/** How a contractor key is shown: the spelling most filings use. */
export async function contractorDisplayName(db: Db, key: string): Promise<string> {
  const rows = await queryRows<{ name: string; n: number }>(
    db,
    sql`select outsourcer as name, count(*)::int as n from filings
        where reason = 'outsourced' and outsourcer is not null group by 1 order by 2 desc`,
  );
  return rows.find((r) => normalizeContractorName(r.name) === key)?.name ?? key;
}

// Every deferral dimension but the contractor, which is matched by its normalised name below.
const DEFERRAL_VALUE_DIMS = DEFERRAL_DIMS.filter((d): d is Exclude<DeferralDim, "contractor"> => d !== "contractor");

/** The figure filter as one condition over s, f and g (a filing must be joined whenever needsFiling says so). */
export async function figureCondition(db: Db, asOf: string, filter: FigureFilter): Promise<SQL> {
  const parts: SQL[] = [sql`true`];
  if (usesDeferral(filter)) {
    parts.push(deferralPopulation(asOf, filter.deferral));
    for (const dim of DEFERRAL_VALUE_DIMS) {
      const value = filter[dim];
      if (value !== undefined) parts.push(sql`${deferralKey(dim, asOf)} = ${value}`);
    }
    if (filter.contractor !== undefined) {
      const names = await contractorSpellings(db, filter.contractor);
      parts.push(
        names.length === 0
          ? sql`false`
          : sql`g.reason = 'outsourced' and g.outsourcer in (${sql.join(
              names.map((n) => sql`${n}`),
              sql`, `,
            )})`,
      );
    }
  }
  if (filter.plan !== undefined && filter.plan !== "remaining") parts.push(sql`${planKey(asOf)} = ${filter.plan}`);
  if (filter.reached !== undefined) parts.push(funnelReached(asOf, filter.reached));
  return sql.join(parts, sql` and `);
}

/** A filing must be joined for deferral and plan filters. */
export const needsFiling = (filter: FigureFilter) => usesDeferral(filter) || filter.plan !== undefined;

/** Only the facilities still to move (below online on the date) count in the deferral and plan figures. */
export const stillToMove = (filter: FigureFilter) => needsFiling(filter);

const FIRST_ON: Record<string, string | null> = {
  optical_disk: null,
  deferred: "first_deferred_on",
  applied: "first_applied_on",
  certificate_issued: "first_certificate_on",
  online: "first_online_on",
};

/** The funnel's facilities (started on optical disk, not closed by the date) that reached `step` by the date. */
export function funnelReached(asOf: string, step: string): SQL {
  const base = sql`f.initial_state = 'optical_disk' and (f.closed_on is null or f.closed_on > ${asOf}::date)`;
  const column = FIRST_ON[step];
  return column ? sql`${base} and f.${sql.raw(column)} <= ${asOf}::date` : base;
}
