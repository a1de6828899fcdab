import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "../import/facilities";
import { upsertClaims } from "../import/claims";
import { refreshMonthlySummary } from "./monthly-summary";
import { progress } from "./progress";
import { NATIONAL } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

let db: Db;
let close: () => Promise<void>;
const tokyo = (n: number) => makeFacilityCode("13", "1", 3, n);
const osaka = makeFacilityCode("27", "1", 3, 1);
const columns = new Set<FacilityColumn>(["claim_method", "category"]);
const facility = (code: string, prefecture: string, category: "hospital" | "clinic") => ({
  code,
  prefecture,
  tableType: "medical" as const,
  name: code,
  claimMethod: "optical_disk" as const,
  category,
});

/** What the summary must hold: the counts summed straight from the facilities' rows. */
const direct = () =>
  queryRows<{ month: string; prefecture: string; category: string; claims: number; online: number }>(
    db,
    sql`select to_char(m.month, 'YYYY-MM') as month, f.prefecture, f.category::text, sum(m.claims)::int as claims,
               sum(m.online_claims)::int as online
        from monthly_claims m join facilities f on f.code = m.facility_code group by 1, 2, 3 order by 1, 2, 3`,
  );
const summary = () =>
  queryRows<{ month: string; prefecture: string; category: string; claims: number; online: number }>(
    db,
    sql`select to_char(month, 'YYYY-MM') as month, prefecture, category::text, claims::int, online_claims::int as online
        from claims_summary order by 1, 2, 3`,
  );

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await withTransaction(async (tx) => {
    await upsertFacilities(
      tx,
      [facility(tokyo(1), "13", "hospital"), facility(tokyo(2), "13", "clinic"), facility(osaka, "27", "clinic")],
      columns,
      null,
    );
    await upsertClaims(
      tx,
      [
        { code: tokyo(1), month: "2025-01", claims: 1000, onlineClaims: 400 },
        { code: tokyo(2), month: "2025-01", claims: 300, onlineClaims: 0 },
        { code: osaka, month: "2025-01", claims: 200, onlineClaims: 200 },
        { code: tokyo(1), month: "2025-02", claims: 1100, onlineClaims: 1100 },
      ],
      null,
    );
    await refreshMonthlySummary(tx, "2025-02-28");
  });
});
afterAll(async () => close?.());

describe("the claims summary behind every reported share", () => {
  it("holds the counts summed by month, prefecture, table type and category", async () => {
    expect(await summary()).toEqual(await direct());
    expect((await summary()).length).toBe(4);
  });

  it("follows a facility into its new category when only its slice is refreshed", async () => {
    await withTransaction(async (tx) => {
      await upsertFacilities(tx, [facility(tokyo(1), "13", "clinic")], columns, null);
      await refreshMonthlySummary(tx, "2025-02-28", [{ prefecture: "13", tableType: "medical" }]);
    });
    expect(await summary()).toEqual(await direct());
    const byCategory = await progress(db, NATIONAL, { asOf: "2025-02-28", groupBy: "category" });
    expect(byCategory.claimsMonth).toBe("2025-02");
    expect(byCategory.groups.map((g) => [g.key, g.claims.total, g.claimsSource])).toEqual([
      ["clinic", 1100, "reported"],
    ]);
  });

  it("keeps other slices as they were when one slice is refreshed", async () => {
    await db.execute(sql`update monthly_claims set claims = 999 where facility_code = ${osaka}`);
    await withTransaction((tx) =>
      refreshMonthlySummary(tx, "2025-02-28", [{ prefecture: "13", tableType: "medical" }]),
    );
    const osakaRow = (await summary()).find((r) => r.prefecture === "27")!;
    expect(osakaRow.claims).toBe(200);
    await withTransaction((tx) => refreshMonthlySummary(tx, "2025-02-28"));
    expect(await summary()).toEqual(await direct());
  });
});
