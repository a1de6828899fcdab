import { normalizeContractorName } from "../contractors";
import { DEFERRAL_DIMS, type DeferralFigures } from "../figure-filter";
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

/**
 * A facility still to move as of its latest record (state and latest filing), with what the figures read of it
 * on any date from `validFrom` (the later of its last state change and its latest filing, as a day number; null
 * when it has neither) on: on those dates its state and its filing are these, and only the comparisons of the
 * date with its closing day, its deferral's end and its plan date change. The deferral keys are the SQL's own
 * (figure-filter.ts deferralKey), null-free.
 */
export interface CurrentFacility {
  code: string;
  prefecture: string;
  st: string;
  closedOn: number | null;
  validFrom: number | null;
  keys: Partial<Record<(typeof DEFERRAL_DIMS)[number], string>>;
  /** The deferral's last day (day number); null without a filing. */
  until: number | null;
  /** The plan date (ISO and day number) and its month; null without a filing. */
  planOn: string | null;
  planDay: number | null;
  planMonth: string | null;
  wasOnline: boolean;
}

/**
 * The facilities of a data version with each one's groups numbered once (its deferral keys and its plan month do
 * not change with the date), so that counting them for a date is a pass over numbers.
 */
export interface CurrentFacts {
  facilities: readonly CurrentFacility[];
  /** The groups, by number; 0 is the whole population, 1 the facilities without a plan, 2 the slipped. */
  groups: readonly { dim: string | null; key: string | null }[];
  /** Per facility: the numbers of its deferral groups, then of its plan month's group (last). */
  memberOf: readonly Int32Array[];
}

export function currentFacts(facilities: readonly CurrentFacility[]): CurrentFacts {
  const groups: { dim: string | null; key: string | null }[] = [
    { dim: null, key: null },
    { dim: "plan", key: "none" },
    { dim: "plan", key: "slipped" },
  ];
  const numbers = new Map<string, number>();
  const numberOf = (dim: string, key: string) => {
    const id = `${dim}\u0000${key}`;
    let n = numbers.get(id);
    if (n === undefined) {
      n = groups.push({ dim, key }) - 1;
      numbers.set(id, n);
    }
    return n;
  };
  const memberOf = facilities.map((f) => {
    const of = DEFERRAL_DIMS.filter((dim) => f.keys[dim] !== undefined).map((dim) => numberOf(dim, f.keys[dim]!));
    of.push(f.planMonth === null ? 1 : numberOf("plan", f.planMonth));
    return Int32Array.from(of);
  });
  return { facilities, groups, memberOf };
}

export interface StillToMovePart {
  groups: StillToMoveGroup[];
  sample: SlippedFacility[];
}

/** The latest plan first, then by code: the order of the slipped sample. */
const bySlippedOrder = (a: SlippedFacility, b: SlippedFacility) =>
  b.planOn.localeCompare(a.planOn) || a.code.localeCompare(b.code);

/**
 * The figures of the facilities whose record still holds on the date (validFrom on or before it, not closed by
 * it), counted as the SQL statement counts them (the slipped sample without names: the facts carry none);
 * `changed` lists the others, whose state or filing on the date is an earlier one (the statement counts them).
 */
export function foldCurrent(
  facts: CurrentFacts,
  day: number,
  sampleSize: number,
): StillToMovePart & { changed: string[] } {
  const size = facts.groups.length;
  const [all, inForce, lapsed, wasOnline] = [0, 1, 2, 3].map(() => new Int32Array(size));
  const count = (g: number, f: CurrentFacility, isInForce: boolean, isLapsed: boolean) => {
    all[g] += 1;
    if (isInForce) inForce[g] += 1;
    if (isLapsed) lapsed[g] += 1;
    if (f.wasOnline) wasOnline[g] += 1;
  };
  const changed: string[] = [];
  const slipped: SlippedFacility[] = [];
  facts.facilities.forEach((f, i) => {
    if (f.validFrom !== null && f.validFrom > day) {
      changed.push(f.code);
      return;
    }
    if (f.closedOn !== null && f.closedOn <= day) return;
    const isInForce = f.until !== null && f.until >= day;
    const isLapsed = f.until !== null && f.until < day;
    count(0, f, isInForce, isLapsed);
    const of = facts.memberOf[i];
    for (let k = 0; k < of.length - 1; k++) count(of[k], f, isInForce, isLapsed);
    // The plan bucket: its month while the plan date is ahead, slipped once it has passed.
    const isSlipped = f.planDay !== null && f.planDay < day;
    count(isSlipped ? 2 : of[of.length - 1], f, isInForce, isLapsed);
    if (isSlipped) slipped.push({ code: f.code, name: "", prefecture: f.prefecture, planOn: f.planOn!, status: f.st });
  });
  const groups = facts.groups
    .map((g, n) => ({ ...g, inForce: inForce[n], lapsed: lapsed[n], all: all[n], wasOnline: wasOnline[n] }))
    .filter((g) => g.all > 0);
  return { groups, sample: slipped.sort(bySlippedOrder).slice(0, sampleSize), changed };
}

/** Parts of the same population (disjoint facilities) as one: counts summed, the slipped samples merged. */
export function combineParts(parts: readonly StillToMovePart[], sampleSize: number): StillToMovePart {
  const groups = new Map<string, StillToMoveGroup>();
  for (const g of parts.flatMap((p) => p.groups)) {
    const id = `${g.dim}\u0000${g.key}`;
    const sum = groups.get(id);
    if (!sum) groups.set(id, { ...g });
    else {
      sum.inForce += g.inForce;
      sum.lapsed += g.lapsed;
      sum.all += g.all;
      sum.wasOnline += g.wasOnline;
    }
  }
  const sample = parts
    .flatMap((p) => p.sample)
    .sort(bySlippedOrder)
    .slice(0, sampleSize);
  return { groups: [...groups.values()], sample };
}
