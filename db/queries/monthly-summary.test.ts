import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { seedNationalData } from "../seed";
import { refreshMonthlySummary, type SummaryGroup } from "./monthly-summary";

let db: Db;
let close: () => Promise<void>;
const AS_OF = "2026-06-17";

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 2000, seed: 5, asOf: AS_OF });
});
afterAll(async () => close?.());

const summary = () =>
  queryRows<Record<string, string | number>>(
    db,
    sql`select month_end::text, prefecture, table_type::text, category::text, state::text, facilities, claims::text
        from monthly_summary order by 1, 2, 3, 4, 5`,
  );

/** A facility of the given prefecture and table type that has not closed. */
async function pick(prefecture: string, tableType: string): Promise<string> {
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`select code from facilities
        where prefecture = ${prefecture} and table_type = ${tableType}::table_type and closed_on is null order by code
        limit 1`,
  );
  return row.code;
}

describe("the monthly summary, refreshed slice by slice", () => {
  it("recomputing only the touched prefecture × table type slices gives what a full recomputation gives", async () => {
    const before = await summary();
    const tokyo = await pick("13", "medical");
    const osaka = await pick("27", "dental");
    await db.execute(
      sql`insert into status_events (facility_code, state, effective_on, source)
          values (${tokyo}, 'online', '2024-05-20', 'test')`,
    );
    await db.execute(
      sql`update facilities set category = case when category = 'hospital' then 'clinic'::facility_category
            else 'hospital'::facility_category end where code = ${tokyo}`,
    );
    await db.execute(sql`update facilities set closed_on = '2025-02-10', monthly_claims = 1234 where code = ${osaka}`);
    // A change outside the slices asked for stays out of the summary until its own slice is refreshed.
    await db.execute(sql`update facilities set closed_on = '2024-11-30' where code = ${await pick("01", "pharmacy")}`);
    const touched: SummaryGroup[] = [
      { prefecture: "13", tableType: "medical" },
      { prefecture: "27", tableType: "dental" },
    ];
    await withTransaction((tx) => refreshMonthlySummary(tx, AS_OF, touched));
    const partial = await summary();
    expect(partial).not.toEqual(before);
    const inside = (r: (typeof before)[number]) =>
      touched.some((t) => t.prefecture === r.prefecture && t.tableType === r.table_type);
    // the other slices as they were
    expect(partial.filter((r) => !inside(r))).toEqual(before.filter((r) => !inside(r)));
    await withTransaction((tx) => refreshMonthlySummary(tx, AS_OF));
    const full = await summary();
    expect(partial.filter(inside)).toEqual(full.filter(inside));
    // Hokkaido's closing, now counted
    expect(full.filter((r) => !inside(r))).not.toEqual(before.filter((r) => !inside(r)));
  });

  it("recomputes everything when the summary does not yet reach the new month end", async () => {
    await withTransaction((tx) =>
      refreshMonthlySummary(tx, "2026-07-02", [{ prefecture: "13", tableType: "medical" }]),
    );
    const [july] = await queryRows<{ slices: number }>(
      db,
      sql`select count(distinct (prefecture, table_type))::int as slices from monthly_summary
          where month_end = '2026-06-30'`,
    );
    const [june] = await queryRows<{ slices: number }>(
      db,
      sql`select count(distinct (prefecture, table_type))::int as slices from monthly_summary
          where month_end = '2026-05-31'`,
    );
    expect(july.slices).toBe(june.slices); // every slice has the new month end, not just Tokyo's medical one
    const [state] = await queryRows<{ through: string }>(
      db,
      sql`select computed_through::text as through from summary_state`,
    );
    expect(state.through).toBe("2026-07-02");
  });
});
