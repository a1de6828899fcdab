import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { seedNationalData } from "../seed";
import { progress } from "./progress";
import { monthlyTrend } from "./trend";
import { NATIONAL } from "../../lib/scope";
import { EVENT_STATES, type EventState } from "../../lib/states";

let db: Db;
let close: () => Promise<void>;

interface Fac {
  code: string;
  prefecture: string;
  initial_state: EventState;
  closed_on: string | null;
}
interface Ev {
  facility_code: string;
  state: EventState;
  effective_on: string;
}
let facilitiesRows: Fac[];
let eventsRows: Ev[];

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 3000, seed: 11, asOf: "2026-06-30" });
  facilitiesRows = await queryRows<Fac>(
    db,
    sql`select code, prefecture, initial_state, closed_on::text from facilities`,
  );
  eventsRows = await queryRows<Ev>(db, sql`select facility_code, state, effective_on::text from status_events`);
});
afterAll(async () => close?.());

/** The rule of contracts.md, written out plainly in JavaScript over the raw rows: the reference answer. */
function directCount(asOf: string): Map<string, Record<EventState, number>> {
  const latest = new Map<string, Ev>();
  const rank = (s: EventState) => EVENT_STATES.indexOf(s);
  for (const e of eventsRows) {
    if (e.effective_on > asOf) continue;
    const seen = latest.get(e.facility_code);
    if (
      !seen ||
      e.effective_on > seen.effective_on ||
      (e.effective_on === seen.effective_on && rank(e.state) > rank(seen.state))
    )
      latest.set(e.facility_code, e);
  }
  const out = new Map<string, Record<EventState, number>>();
  for (const f of facilitiesRows) {
    const state: EventState =
      f.closed_on && f.closed_on <= asOf ? "closed" : (latest.get(f.code)?.state ?? f.initial_state);
    const counts =
      out.get(f.prefecture) ?? (Object.fromEntries(EVENT_STATES.map((s) => [s, 0])) as Record<EventState, number>);
    counts[state] += 1;
    out.set(f.prefecture, counts);
  }
  return out;
}

describe("progress on seeded national data", () => {
  // Month ends read the monthly summary as it is; days within a month correct it by that month's moves.
  for (const asOf of [
    "2023-01-01",
    "2023-09-30",
    "2024-08-31",
    "2024-09-15",
    "2025-03-31",
    "2025-10-01",
    "2026-06-17",
    "2026-06-30",
  ]) {
    it(`equals a direct count of the history on ${asOf}`, async () => {
      const result = await progress(db, NATIONAL, { asOf, groupBy: "prefecture" });
      const expected = directCount(asOf);
      expect(result.groups.length).toBe(expected.size);
      for (const g of result.groups) {
        const { closed, ...ladder } = expected.get(g.key)!;
        expect({ key: g.key, counts: g.counts, closed: g.closed }).toEqual({ key: g.key, counts: ladder, closed });
      }
    });
  }

  it("within a scope, a day inside a month equals the direct count for those prefectures only", async () => {
    for (const asOf of ["2024-10-09", "2026-02-14"]) {
      const result = await progress(
        db,
        { kind: "prefectures", prefectures: ["13", "27"] },
        { asOf, groupBy: "prefecture" },
      );
      const expected = directCount(asOf);
      expect(result.groups.map((g) => g.key)).toEqual(["13", "27"]);
      for (const g of result.groups) {
        const { closed, ...ladder } = expected.get(g.key)!;
        expect({ key: g.key, counts: g.counts, closed: g.closed }).toEqual({ key: g.key, counts: ladder, closed });
      }
    }
  });

  it("each facility's first day at each step equals its event history", async () => {
    const [row] = await queryRows<{ off: number }>(
      db,
      sql`select count(*)::int as off from facilities f
          left join (select facility_code,
                            min(effective_on) filter (where state = 'deferred') as d1,
                              min(effective_on) filter (where state = 'applied') as d2,
                            min(effective_on) filter (where state = 'certificate_issued') as d3,
                              min(effective_on) filter (where state = 'online') as d4
                     from status_events group by 1) e on e.facility_code = f.code
          where (f.first_deferred_on, f.first_applied_on, f.first_certificate_on, f.first_online_on) is distinct from
            (e.d1, e.d2, e.d3, e.d4)`,
    );
    expect(row.off).toBe(0);
  });

  it("the seeded history looks like the published figures: ~70% online at the start, far more now", async () => {
    const start = await progress(db, NATIONAL, { asOf: "2023-01-01", groupBy: "tableType" });
    expect(start.onlineRate).toBeGreaterThan(0.62);
    expect(start.onlineRate).toBeLessThan(0.78);
    const dental = start.groups.find((g) => g.key === "dental")!;
    const pharmacy = start.groups.find((g) => g.key === "pharmacy")!;
    expect(pharmacy.onlineRate).toBeGreaterThan(dental.onlineRate);
    const now = await progress(db, NATIONAL, { asOf: "2026-06-30", groupBy: "tableType" });
    expect(now.onlineRate).toBeGreaterThan(0.88);
    expect(now.closed).toBeGreaterThan(0);
  });

  it(
    "the monthly summary behind the trend equals the history " + "replayed at every month end, in and out of scope",
    async () => {
      const points = await monthlyTrend(db, NATIONAL, { from: "2023-01-01", to: "2026-06-30" });
      expect(points).toHaveLength(42);
      for (const point of points) {
        const exact = await progress(db, NATIONAL, { asOf: point.date, groupBy: "prefecture" });
        expect({ date: point.date, counts: point.counts, closed: point.closed }).toEqual({
          date: point.date,
          counts: exact.counts,
          closed: exact.closed,
        });
      }
      const kanagawaDental = { kind: "prefectures" as const, prefectures: ["14"] };
      const scoped = await monthlyTrend(db, kanagawaDental, {
        from: "2024-01-01",
        to: "2026-06-30",
        tableType: "dental",
      });
      for (const point of scoped) {
        const exact = await progress(db, kanagawaDental, {
          asOf: point.date,
          groupBy: "prefecture",
          tableType: "dental",
        });
        expect({ date: point.date, counts: point.counts }).toEqual({ date: point.date, counts: exact.counts });
      }
    },
  );
});
