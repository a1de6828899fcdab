import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { seedNationalData } from "../seed";
import { eachFacility, listFacilities } from "./facilities";
import { progress } from "./progress";
import { deferralFigures } from "./deferrals";
import { planForecast } from "./plan";
import { funnel } from "./funnel";
import { monthlyTrend } from "./trend";
import type { FigureFilter } from "../../lib/figure-filter";
import { NATIONAL } from "../../lib/scope";
import { EVENT_STATES, LADDER, type EventState } from "../../lib/states";
import { CATEGORIES, TABLE_TYPES } from "../../lib/table-types";

let db: Db;
let close: () => Promise<void>;

// The seeded national history: a facility's state moves on many days, some close, a few step back.
const DATES = ["2024-03-31", "2024-10-09", "2025-06-17", "2026-05-31"];
const PREFECTURES = ["13", "27", "47"];

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 4000, seed: 7, asOf: "2026-06-30" });
});
afterAll(async () => close?.());

/** The rule of contracts.md over the raw rows, in JavaScript: each facility's state on a date. */
async function directStates(asOf: string): Promise<Map<string, EventState>> {
  const rows = await queryRows<{
    code: string;
    initial_state: EventState;
    closed_on: string | null;
    state: EventState | null;
    effective_on: string | null;
  }>(
    db,
    sql`select f.code, f.initial_state, f.closed_on::text, e.state, e.effective_on::text
        from facilities f left join status_events e on e.facility_code = f.code`,
  );
  const rank = (s: EventState) => EVENT_STATES.indexOf(s);
  const latest = new Map<string, { state: EventState; on: string }>();
  const out = new Map<string, EventState>();
  for (const r of rows) {
    out.set(r.code, r.closed_on && r.closed_on <= asOf ? "closed" : r.initial_state);
    if (!r.state || !r.effective_on || r.effective_on > asOf) continue;
    const seen = latest.get(r.code);
    if (!seen || r.effective_on > seen.on || (r.effective_on === seen.on && rank(r.state) > rank(seen.state)))
      latest.set(r.code, { state: r.state, on: r.effective_on });
  }
  for (const [code, state] of out) if (state !== "closed" && latest.has(code)) out.set(code, latest.get(code)!.state);
  return out;
}

describe("the facility list on a date", () => {
  it(
    "for every date × prefecture × state, the list's total equals " +
      "the progress count (also by table type and category)",
    async () => {
      let checked = 0;
      let nonZero = 0;
      for (const asOf of DATES) {
        for (const prefecture of PREFECTURES) {
          const figures = await progress(db, NATIONAL, { asOf, groupBy: "tableType", prefecture });
          for (const status of LADDER) {
            const list = await listFacilities(db, NATIONAL, { asOf, prefecture, status }, 1, 5);
            expect({ asOf, prefecture, status, total: list.total }).toEqual({
              asOf,
              prefecture,
              status,
              total: figures.counts[status],
            });
            if (list.total > 0) nonZero++;
            for (const g of figures.groups) {
              const byType = await listFacilities(
                db,
                NATIONAL,
                { asOf, prefecture, status, tableType: g.key as (typeof TABLE_TYPES)[number] },
                1,
                1,
              );
              expect({ asOf, prefecture, status, tableType: g.key, total: byType.total }).toEqual({
                asOf,
                prefecture,
                status,
                tableType: g.key,
                total: g.counts[status],
              });
            }
            checked++;
          }
          const all = await listFacilities(db, NATIONAL, { asOf, prefecture }, 1, 1);
          expect(all.total).toBe(figures.total);
          const withClosed = await listFacilities(db, NATIONAL, { asOf, prefecture, closed: "include" }, 1, 1);
          expect(withClosed.total).toBe(figures.total + figures.closed);
          expect((await listFacilities(db, NATIONAL, { asOf, prefecture, status: "closed" }, 1, 1)).total).toBe(
            figures.closed,
          );
        }
        const byCategory = await progress(db, NATIONAL, { asOf, groupBy: "category" });
        for (const g of byCategory.groups) {
          for (const status of LADDER) {
            const list = await listFacilities(
              db,
              NATIONAL,
              { asOf, status, category: g.key as (typeof CATEGORIES)[number] },
              1,
              1,
            );
            expect({ asOf, category: g.key, status, total: list.total }).toEqual({
              asOf,
              category: g.key,
              status,
              total: g.counts[status],
            });
          }
        }
      }
      expect(checked).toBe(DATES.length * PREFECTURES.length * LADDER.length);
      expect(nonZero).toBeGreaterThan(checked / 2);
    },
  );

  it(
    "lists exactly the facilities in that state on the date, " + "with that state, and the export gives the same rows",
    async () => {
      const asOf = "2025-06-17";
      const direct = await directStates(asOf);
      const prefectureOf = new Map(
        (await queryRows<{ code: string; prefecture: string }>(db, sql`select code, prefecture from facilities`)).map(
          (r) => [r.code, r.prefecture],
        ),
      );
      // Some facility in Tokyo must have moved after the date, or the test would not test the history.
      const moved = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from facilities where prefecture = '13' and status_since > ${asOf}::date`,
      );
      expect(moved[0].n).toBeGreaterThan(0);
      for (const status of ["optical_disk", "deferred", "online"] as const) {
        const expected = [...direct]
          .filter(([code, s]) => s === status && prefectureOf.get(code) === "13")
          .map(([code]) => code)
          .sort();
        const page = await listFacilities(db, NATIONAL, { asOf, prefecture: "13", status }, 1, 500);
        expect(page.items.map((i) => i.code)).toEqual(expected.slice(0, 500));
        expect(new Set(page.items.map((i) => i.status))).toEqual(new Set(expected.length ? [status] : []));
        const exported: string[] = [];
        for await (const chunk of eachFacility(db, NATIONAL, { asOf, prefecture: "13", status }, 50))
          exported.push(...chunk.map((i) => i.code));
        expect(exported).toEqual(expected);
      }
    },
  );

  it(
    "today's list still leaves closed facilities out unless asked, " + "and a scope keeps other prefectures out",
    async () => {
      const asOf = "2026-06-30";
      const tokyo = { kind: "prefectures" as const, prefectures: ["13"] };
      expect((await listFacilities(db, tokyo, { asOf, prefecture: "27", status: "optical_disk" })).total).toBe(0);
      const scoped = await listFacilities(db, tokyo, { asOf, status: "deferred" }, 1, 500);
      expect(scoped.items.every((i) => i.prefecture === "13")).toBe(true);
      const closed = await listFacilities(db, NATIONAL, { asOf, closed: "include" }, 1, 1);
      const open = await listFacilities(db, NATIONAL, { asOf }, 1, 1);
      expect(closed.total).toBeGreaterThan(open.total);
    },
  );

  it("on the seeded history, each deferral, plan and funnel count equals its list on the date", async () => {
    for (const asOf of ["2024-10-09", "2025-06-17"]) {
      for (const prefecture of ["13", "27"]) {
        const f = { asOf, prefecture };
        const d = await deferralFigures(db, NATIONAL, f);
        expect(d.inForce).toBeGreaterThan(0);
        const total = async (figure: FigureFilter) =>
          (await listFacilities(db, NATIONAL, { ...f, figure }, 1, 1)).total;
        expect(await total({ deferral: "inForce" })).toBe(d.inForce);
        expect(await total({ deferral: "lapsed" })).toBe(d.lapsed);
        for (const [reason, n] of Object.entries(d.reasons))
          expect(await total({ reason: reason as FigureFilter["reason"] })).toBe(n);
        for (const [v, n] of Object.entries(d.readiness))
          expect(await total({ readiness: v as FigureFilter["readiness"] })).toBe(n);
        for (const [v, n] of Object.entries(d.usageApplied))
          expect(await total({ usageApplied: v as FigureFilter["usageApplied"] })).toBe(n);
        for (const x of d.contractors.slice(0, 3)) expect(await total({ contractor: x.key })).toBe(x.count);
        const plan = await planForecast(db, NATIONAL, f);
        expect(await total({ plan: "slipped" })).toBe(plan.slipped);
        expect(await total({ plan: "none" })).toBe(plan.withoutPlan);
        for (const m of plan.plannedByMonth.slice(0, 3)) expect(await total({ plan: m.month })).toBe(m.count);
        for (const step of await funnel(db, NATIONAL, f))
          expect(await total({ reached: step.state })).toBe(step.reached);
      }
    }
  });

  it("the trend's share by claim volume at each month end equals the progress figures on that day", async () => {
    const points = await monthlyTrend(db, NATIONAL, { from: "2024-01-01", to: "2025-06-17", prefecture: "13" });
    expect(points.at(-1)!.date).toBe("2025-06-17");
    for (const p of points) {
      const exact = await progress(db, NATIONAL, { asOf: p.date, groupBy: "prefecture", prefecture: "13" });
      expect(exact.claims.total).toBeGreaterThan(0);
      expect({ date: p.date, total: p.claims.total, online: p.claims.online }).toEqual({
        date: p.date,
        total: exact.claims.total,
        online: exact.claims.online,
      });
      expect(p.claims.onlineRate).toBeCloseTo(exact.claims.onlineRate, 10);
    }
  });

  it(
    "the seed's monthly claim counts give a past month's " + "share of claims sent online, the same on any later day",
    async () => {
      const early = await monthlyTrend(db, NATIONAL, { from: "2025-06-01", to: "2026-05-31" });
      const reported = early.filter((p) => p.reportedClaims);
      expect(reported.length).toBe(6);
      const rates = reported.map((p) => p.reportedClaims!.onlineRate);
      expect(rates.every((r) => r > 0.5 && r <= 1)).toBe(true);
      expect(rates.at(-1)!).toBeGreaterThanOrEqual(rates[0]);
      const later = await monthlyTrend(db, NATIONAL, { from: "2025-06-01", to: "2026-06-30" });
      expect(later.find((p) => p.date === "2026-01-31")!.reportedClaims).toEqual(
        early.find((p) => p.date === "2026-01-31")!.reportedClaims,
      );
    },
  );
});
