import { normalizeContractorName } from "../contractors";
import type { DeferralFigures } from "../figure-filter";
import type { PlanForecast } from "./types";

/**
 * One group of the facilities still to move on a date (db/queries/still-to-move.ts): `dim` names the figure
 * (a deferral dimension, "plan" for the plan bucket, null for the whole population) and `key` its value.
 * `inForce` counts those whose filing's period covers the date, `lapsed` those whose period has ended, `all`
 * everyone in the group (filing or not), `wasOnline` those that had been online by the date.
 */
export interface StillToMoveGroup {
  dim: string | null;
  key: string | null;
  inForce: number;
  lapsed: number;
  all: number;
  wasOnline: number;
}

export type SlippedFacility = PlanForecast["slippedSample"][number];

export interface StillToMoveFigures {
  deferrals: DeferralFigures;
  plan: PlanForecast;
  /** Back below online on the date after having been online by it (the follow-up list's regression alert). */
  stillOff: number;
}

/** The deferral panel from the groups: every figure counts the filings in force, keyed as the facility list is. */
function deferralsOf(asOf: string, groups: StillToMoveGroup[]): DeferralFigures {
  const whole = groups.find((g) => g.dim === null);
  const rows = groups.filter((g) => g.dim !== null && g.dim !== "plan" && g.key !== null && g.inForce > 0);
  const pick = (dim: string) => Object.fromEntries(rows.filter((r) => r.dim === dim).map((r) => [r.key!, r.inForce]));
  const reasons = pick("reason");
  const contractors = new Map<string, { key: string; name: string; count: number; top: number }>();
  for (const r of rows.filter((row) => row.dim === "contractor")) {
    const key = normalizeContractorName(r.key!);
    const seen = contractors.get(key) ?? { key, name: r.key!, count: 0, top: 0 };
    seen.count += r.inForce;
    // The spelling most filings use names the group.
    if (r.inForce > seen.top) Object.assign(seen, { name: r.key!, top: r.inForce });
    contractors.set(key, seen);
  }
  return {
    asOf,
    inForce: Object.values(reasons).reduce((a, b) => a + b, 0),
    lapsed: whole?.lapsed ?? 0,
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

/** The plan panel from the plan buckets ('none', 'slipped' or a plan month) and the slipped sample. */
function planOf(asOf: string, groups: StillToMoveGroup[], slippedSample: SlippedFacility[]): PlanForecast {
  let slipped = 0;
  let withoutPlan = 0;
  let remaining = 0;
  const plannedByMonth: { month: string; count: number }[] = [];
  for (const g of groups.filter((row) => row.dim === "plan" && row.key !== null)) {
    remaining += g.all;
    if (g.key === "none") withoutPlan += g.all;
    else if (g.key === "slipped") slipped += g.all;
    else plannedByMonth.push({ month: g.key!, count: g.all });
  }
  plannedByMonth.sort((a, b) => a.month.localeCompare(b.month));
  return { asOf, remaining, plannedByMonth, slipped, withoutPlan, slippedSample };
}

/** Every figure of the facilities still to move on the date, from the groups one statement counted. */
export function stillToMoveFigures(
  asOf: string,
  groups: StillToMoveGroup[],
  slippedSample: SlippedFacility[],
): StillToMoveFigures {
  return {
    deferrals: deferralsOf(asOf, groups),
    plan: planOf(asOf, groups, slippedSample),
    stillOff: groups.find((g) => g.dim === null)?.wasOnline ?? 0,
  };
}
