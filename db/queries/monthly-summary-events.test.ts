import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { makeFacilityCode } from "../../lib/facility-code";
import { refreshMonthlySummary } from "./monthly-summary";
import { seedNationalData } from "../seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await openTestDb()));
afterAll(async () => close?.());

const THROUGH = "2023-06-15"; // month ends January to May 2023

interface Facility {
  code: string;
  prefecture: string;
  tableType: "medical" | "dental" | "pharmacy";
  category: "hospital" | "clinic" | "pharmacy";
  initial: "optical_disk" | "online";
  claims: number | null;
  closedOn: string | null;
}
const facilities: Facility[] = [
  {
    code: makeFacilityCode("13", "1", 1, 1),
    prefecture: "13",
    tableType: "medical",
    category: "clinic",
    initial: "optical_disk",
    claims: 100,
    closedOn: null,
  },
  {
    code: makeFacilityCode("13", "1", 1, 2),
    prefecture: "13",
    tableType: "medical",
    category: "clinic",
    initial: "optical_disk",
    claims: 50,
    closedOn: "2023-03-31",
  },
  {
    code: makeFacilityCode("13", "1", 1, 3),
    prefecture: "13",
    tableType: "medical",
    category: "hospital",
    initial: "online",
    claims: null,
    closedOn: "2023-02-14",
  },
  {
    code: makeFacilityCode("27", "4", 1, 4),
    prefecture: "27",
    tableType: "pharmacy",
    category: "pharmacy",
    initial: "online",
    claims: 7,
    closedOn: null,
  },
  {
    code: makeFacilityCode("27", "3", 1, 5),
    prefecture: "27",
    tableType: "dental",
    category: "clinic",
    initial: "optical_disk",
    claims: 20,
    closedOn: "2022-12-01",
  },
];
const events: { code: string; state: string; on: string }[] = [];

const MONTH_ENDS = ["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31"];

/** The summary worked out by hand: each facility's state at each month end, counted. */
function expected(): string[] {
  const counts = new Map<string, { n: number; claims: number }>();
  for (const d of MONTH_ENDS) {
    for (const f of facilities) {
      const latest = events
        .filter((e) => e.code === f.code && e.on <= d)
        .sort((a, b) => (a.on === b.on ? 0 : a.on < b.on ? -1 : 1))
        .pop();
      const state = f.closedOn && f.closedOn <= d ? "closed" : (latest?.state ?? f.initial);
      const key = [d, f.prefecture, f.tableType, f.category, state].join(" ");
      const c = counts.get(key) ?? { n: 0, claims: 0 };
      counts.set(key, { n: c.n + 1, claims: c.claims + (f.claims ?? 0) });
    }
  }
  return [...counts].map(([key, c]) => `${key} ${c.n} ${c.claims}`).sort();
}

const stored = async () =>
  (
    await queryRows<{ line: string }>(
      db,
      sql`select concat_ws(' ', month_end::text, prefecture, table_type::text, category::text, state::text,
                           facilities, claims) as line
          from monthly_summary`,
    )
  )
    .map((r) => r.line)
    .sort();

describe("the monthly summary with and without an event history", () => {
  it("counts a first list (no events at all) at its starting states until each closing date", async () => {
    for (const f of facilities) {
      await db.execute(sql`insert into facilities
          (code, prefecture, table_type, category, name, initial_state, status, monthly_claims, closed_on)
        values (${f.code}, ${f.prefecture}, ${f.tableType}::table_type, ${f.category}::facility_category, 'テスト',
                ${f.initial}::facility_state, ${f.initial}::facility_state, ${f.claims}, ${f.closedOn})`);
    }
    await withTransaction((tx) => refreshMonthlySummary(tx, THROUGH));
    expect(await stored()).toEqual(expected());
  });

  it("gives the same counts for the facilities without events once some others have them", async () => {
    events.push(
      { code: facilities[0].code, state: "deferred", on: "2023-02-01" },
      { code: facilities[0].code, state: "online", on: "2023-04-30" },
    );
    for (const e of events)
      await db.execute(
        sql`insert into status_events (facility_code, state, effective_on, source)
            values (${e.code}, ${e.state}::facility_state, ${e.on}, 'test')`,
      );
    await withTransaction((tx) => refreshMonthlySummary(tx, THROUGH));
    expect(await stored()).toEqual(expected());
  });
});

describe("the monthly summary of a seeded national history", () => {
  it("equals each facility's state at each month end, worked out event by event", async () => {
    await seedNationalData(db, { facilities: 1500, seed: 11, asOf: "2025-03-20", reset: true });
    // The state on a day: closed from the closing date, else the latest event on or before it (the furthest
    // state on the same day), else the starting state.
    const [{ differences }] = await queryRows<{ differences: number }>(
      db,
      sql`with points as (
            select (date_trunc('month', m) + interval '1 month - 1 day')::date as d
            from generate_series('2023-01-01'::date, '2025-02-28'::date, interval '1 month') m
          ),
          replayed as (
            select p.d, f.prefecture, f.table_type, f.category,
                   case when f.closed_on <= p.d then 'closed'::facility_state
                     else coalesce(l.state, f.initial_state) end as state,
                   count(*)::int as n, coalesce(sum(f.monthly_claims), 0)::bigint as claims
            from points p cross join facilities f
            left join lateral (select e.state from status_events e
                               where e.facility_code = f.code and e.effective_on <= p.d
                               order by e.effective_on desc, e.state desc limit 1) l on true
            group by 1, 2, 3, 4, 5
          ),
          summary as (select month_end as d, prefecture, table_type, category, state, facilities as n, claims
            from monthly_summary)
          select count(*)::int as differences
          from ((select * from replayed except all select * from summary)
            union all (select * from summary except all select * from replayed)) x`,
    );
    expect(differences).toBe(0);
    const [{ rows }] = await queryRows<{ rows: number }>(
      db,
      sql`select count(*)::int as rows from monthly_summary where month_end <= '2025-02-28'`,
    );
    expect(rows).toBeGreaterThan(1000);
  });
});
