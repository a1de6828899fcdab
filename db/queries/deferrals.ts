import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { facilityFilter } from "./scope";
import { NOT_YET_ONLINE, readWithoutJit, filingOn, statesOn } from "./on-date";
import { deferralKey, deferralPopulation } from "./figure-filter";
import { normalizeContractorName } from "../../lib/contractors";
import type { DeferralDim, DeferralFigures } from "../../lib/figure-filter";
import type { Scope } from "../../lib/scope";
import type { Category, TableType } from "../../lib/table-types";

export type { DeferralFigures };

type Filter = { asOf: string; prefecture?: string; tableType?: TableType; category?: Category };

const DIMS: { dim: DeferralDim; out: keyof DeferralFigures }[] = [
  { dim: "reason", out: "reasons" },
  { dim: "reasonSub", out: "transitionalSub" },
  { dim: "readiness", out: "readiness" },
  { dim: "network", out: "network" },
  { dim: "rececom", out: "rececom" },
  { dim: "usageApplied", out: "usageApplied" },
  { dim: "certApplied", out: "certApplied" },
  { dim: "deferralEnds", out: "endingByMonth" },
  { dim: "contractor", out: "contractors" },
];

/**
 * What the filings say on the date, for the facilities still to move then: each facility's latest filing
 * filed on or before the date (a later one supersedes it from its own filing day), counted when its period
 * covers the date. Every count is a group of the same keys the facility list filters on (figure-filter.ts).
 */
export async function deferralFigures(db: Db, scope: Scope, filter: Filter): Promise<DeferralFigures> {
  const { asOf } = filter;
  // One pass over the open filings with a grouping set per figure (and the empty set for the lapsed count):
  // ten scans of a materialised CTE, one per figure, took most of the national as-of time.
  const id = (dim: DeferralDim) => sql.identifier(dim);
  const grouped = await readWithoutJit<{ dim: string | null; key: string | null; n: number; lapsed: number }>(
    db,
    sql`select case ${sql.join(
      DIMS.map(({ dim }) => sql`when grouping(${id(dim)}) = 0 then ${dim}`),
      sql` `,
    )} end as dim,
               case ${sql.join(
                 DIMS.map(({ dim }) => sql`when grouping(${id(dim)}) = 0 then ${id(dim)}::text`),
                 sql` `,
               )} end as key,
               (count(*) filter (where in_force))::int as n, (count(*) filter (where lapsed))::int as lapsed
        from (
          select ${sql.join(
            DIMS.map(({ dim }) => sql`${deferralKey(dim, asOf)} as ${id(dim)}`),
            sql`, `,
          )},
                 (${deferralPopulation(asOf)}) as in_force, (${deferralPopulation(asOf, "lapsed")}) as lapsed
          from ${statesOn(asOf, NOT_YET_ONLINE, facilityFilter(scope, filter))} f
          ${filingOn(asOf, sql`f.code`)}
          where g.facility_code is not null
        ) open
        group by grouping sets (${sql.join(
          DIMS.map(({ dim }) => sql`(${id(dim)})`),
          sql`, `,
        )}, ())`,
  );
  const lapsed = grouped.find((r) => r.dim === null)?.lapsed ?? 0;
  const rows = grouped.filter((r) => r.dim !== null && r.key !== null && r.n > 0);
  const pick = (dim: string) => Object.fromEntries(rows.filter((r) => r.dim === dim).map((r) => [r.key ?? "", r.n]));
  const reasons = pick("reason");
  const contractors = new Map<string, { key: string; name: string; count: number; top: number }>();
  for (const r of rows.filter((row) => row.dim === "contractor" && row.key)) {
    const key = normalizeContractorName(r.key!);
    const seen = contractors.get(key) ?? { key, name: r.key!, count: 0, top: 0 };
    seen.count += r.n;
    // The spelling most filings use names the group.
    if (r.n > seen.top) Object.assign(seen, { name: r.key!, top: r.n });
    contractors.set(key, seen);
  }
  return {
    asOf,
    inForce: Object.values(reasons).reduce((a, b) => a + b, 0),
    lapsed,
    reasons,
    transitionalSub: pick("reasonSub"),
    readiness: pick("readiness"),
    network: pick("network"),
    rececom: pick("rececom"),
    usageApplied: pick("usageApplied"),
    certApplied: pick("certApplied"),
    contractors: [...contractors.values()]
      .filter((c) => c.key !== "")
      .map(({ key, name, count }) => ({ key, name, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    endingByMonth: Object.entries(pick("deferralEnds"))
      .map(([month, count]) => ({ month, count }))
      .sort((a, b) => a.month.localeCompare(b.month)),
  };
}
