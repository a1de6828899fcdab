import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../executor";
import { makeFacilityCode } from "../../lib/facility-code";
import { refreshMonthlySummary } from "./monthly-summary";

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
  { code: makeFacilityCode("13", "1", 1, 1), prefecture: "13", tableType: "medical", category: "clinic", initial: "optical_disk", claims: 100, closedOn: null },
  { code: makeFacilityCode("13", "1", 1, 2), prefecture: "13", tableType: "medical", category: "clinic", initial: "optical_disk", claims: 50, closedOn: "2023-03-31" },
  { code: makeFacilityCode("13", "1", 1, 3), prefecture: "13", tableType: "medical", category: "hospital", initial: "online", claims: null, closedOn: "2023-02-14" },
  { code: makeFacilityCode("27", "4", 1, 4), prefecture: "27", tableType: "pharmacy", category: "pharmacy", initial: "online", claims: 7, closedOn: null },
  { code: makeFacilityCode("27", "3", 1, 5), prefecture: "27", tableType: "dental", category: "clinic", initial: "optical_disk", claims: 20, closedOn: "2022-12-01" },
];
const events: { code: string; state: string; on: string }[] = [];

const MONTH_ENDS = ["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31"];

/** The summary worked out by hand: each facility's state at each month end, counted. */
function expected(): string[] {
  const counts = new Map<string, { n: number; claims: number }>();
  for (const d of MONTH_ENDS) {
    for (const f of facilities) {
      const latest = events.filter((e) => e.code === f.code && e.on <= d).sort((a, b) => (a.on === b.on ? 0 : a.on < b.on ? -1 : 1)).pop();
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
      sql`select concat_ws(' ', month_end::text, prefecture, table_type::text, category::text, state::text, facilities, claims) as line from monthly_summary`,
    )
  )
    .map((r) => r.line)
    .sort();

describe("the monthly summary with and without an event history", () => {
  it("counts a first list (no events at all) at its starting states until each closing date", async () => {
    for (const f of facilities) {
      await db.execute(sql`insert into facilities (code, prefecture, table_type, category, name, initial_state, status, monthly_claims, closed_on)
        values (${f.code}, ${f.prefecture}, ${f.tableType}::table_type, ${f.category}::facility_category, 'テスト', ${f.initial}::facility_state,
                ${f.initial}::facility_state, ${f.claims}, ${f.closedOn})`);
    }
    await withTransaction((tx) => refreshMonthlySummary(tx, THROUGH));
    expect(await stored()).toEqual(expected());
  });

  it("gives the same counts for the facilities without events once some others have them", async () => {
    events.push({ code: facilities[0].code, state: "deferred", on: "2023-02-01" }, { code: facilities[0].code, state: "online", on: "2023-04-30" });
    for (const e of events) await db.execute(sql`insert into status_events (facility_code, state, effective_on, source) values (${e.code}, ${e.state}::facility_state, ${e.on}, 'test')`);
    await withTransaction((tx) => refreshMonthlySummary(tx, THROUGH));
    expect(await stored()).toEqual(expected());
  });
});
