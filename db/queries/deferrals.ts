import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { facilityFilter } from "./progress";
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
  const rows = await readWithoutJit<{ dim: string; key: string | null; n: number }>(
    db,
    sql`with open as materialized (
          select ${sql.join(DIMS.map(({ dim }) => sql`${deferralKey(dim, asOf)} as ${sql.identifier(dim)}`), sql`, `)},
                 (${deferralPopulation(asOf)}) as in_force, (${deferralPopulation(asOf, "lapsed")}) as lapsed
          from ${statesOn(asOf, NOT_YET_ONLINE, facilityFilter(scope, filter))} f
          ${filingOn(asOf, sql`f.code`)}
          where g.facility_code is not null
        )
        select 'lapsed' as dim, null as key, count(*)::int as n from open where lapsed
        ${sql.join(
          DIMS.map(({ dim }) => sql`union all select ${dim}, ${sql.identifier(dim)}::text, count(*)::int from open where in_force and ${sql.identifier(dim)} is not null group by 2`),
          sql` `,
        )}`,
  );
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
    lapsed: rows.find((r) => r.dim === "lapsed")?.n ?? 0,
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
