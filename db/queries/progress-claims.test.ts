import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "../import/facilities";
import { upsertEvents } from "../import/events";
import { progress, progressByEveryGrouping } from "./progress";
import { refreshClaimsSummary } from "./claims-summary";
import { progressTable } from "../../lib/charts/csv-tables";
import { NATIONAL, type Scope } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

let db: Db;
let close: () => Promise<void>;

const tokyo = (n: number) => makeFacilityCode("13", "1", 3, n);
const tokyoDental = makeFacilityCode("13", "3", 3, 9);
const osaka = makeFacilityCode("27", "1", 3, 1);
const TOKYO: Scope = { kind: "prefectures", prefectures: ["13"] };

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  const present = new Set<FacilityColumn>(["claim_method", "closed_on", "monthly_claims"]);
  await withTransaction(async (tx) => {
    await upsertFacilities(
      tx,
      [
        // Listed volumes (the estimate): 1000 online, 3000 on disk in Tokyo medical; Osaka 500 on disk.
        {
          code: tokyo(1),
          prefecture: "13",
          tableType: "medical",
          name: "A",
          claimMethod: "optical_disk",
          closedOn: null,
          monthlyClaims: 1000,
        },
        {
          code: tokyo(2),
          prefecture: "13",
          tableType: "medical",
          name: "B",
          claimMethod: "optical_disk",
          closedOn: null,
          monthlyClaims: 3000,
        },
        {
          code: tokyoDental,
          prefecture: "13",
          tableType: "dental",
          name: "D",
          claimMethod: "optical_disk",
          closedOn: null,
          monthlyClaims: 200,
        },
        {
          code: osaka,
          prefecture: "27",
          tableType: "medical",
          name: "C",
          claimMethod: "optical_disk",
          closedOn: null,
          monthlyClaims: 500,
        },
      ],
      present,
      null,
    );
    await upsertEvents(tx, [{ code: tokyo(1), state: "online", effectiveOn: "2024-02-01", note: null }], null);
  });
  // The payers' counts: Tokyo for February and March 2024 (not what the lists say), none for Osaka.
  await db.execute(sql`insert into monthly_claims (facility_code, month, claims, online_claims) values
    (${tokyo(1)}, '2024-02-01', 900, 850), (${tokyo(2)}, '2024-02-01', 2800, 0), (${tokyoDental}, '2024-02-01', 100, 0),
    (${tokyo(1)}, '2024-03-01', 1100, 1100), (${tokyo(2)}, '2024-03-01', 2900, 100),
      (${tokyoDental}, '2024-03-01', 150, 30)`);
  // Written here by hand, so the summary every figure reads is rebuilt as an import would.
  await withTransaction((tx) => refreshClaimsSummary(tx));
});
afterAll(async () => close?.());

const group = (r: Awaited<ReturnType<typeof progress>>, key: string) => r.groups.find((g) => g.key === key)!;

describe("the claim share of the group tables", () => {
  it("comes from the payers' reported counts of the month of asOf where a group has them", async () => {
    const r = await progress(db, NATIONAL, { asOf: "2024-03-31", groupBy: "prefecture" });
    expect(group(r, "13").claims).toEqual({ total: 4150, online: 1230, onlineRate: 1230 / 4150 });
    expect(group(r, "13").claimsSource).toBe("reported");
    // Osaka has no reported counts: the estimate from its listed volume stays, and the totals say so.
    expect(group(r, "27").claims).toEqual({ total: 500, online: 0, onlineRate: 0 });
    expect(group(r, "27").claimsSource).toBe("estimated");
    expect(r.claimsSource).toBe("mixed");
    expect(r.claimsMonth).toBe("2024-03");
    expect(r.claims).toEqual({ total: 4650, online: 1230, onlineRate: 1230 / 4650 });
    expect(r.claimsEstimated).toEqual({ total: 4700, online: 1000, onlineRate: 1000 / 4700 });
  });

  it("reads the month before when the month of asOf has no counts yet, and the estimate when neither has", async () => {
    const april = await progress(db, TOKYO, { asOf: "2024-04-15", groupBy: "prefecture" });
    expect(april.claimsMonth).toBe("2024-03");
    expect(april.claimsSource).toBe("reported");
    expect(april.claims.total).toBe(4150);
    const february = await progress(db, TOKYO, { asOf: "2024-02-29", groupBy: "prefecture" });
    expect(february.claims).toEqual({ total: 3800, online: 850, onlineRate: 850 / 3800 });
    const june = await progress(db, TOKYO, { asOf: "2024-06-30", groupBy: "prefecture" });
    expect(june.claimsSource).toBe("estimated");
    expect(june.claimsMonth).toBeUndefined();
    expect(june.claims).toEqual({ total: 4200, online: 1000, onlineRate: 1000 / 4200 });
  });

  it("keeps the filters and the scope, in every grouping", async () => {
    const medical = await progress(db, NATIONAL, { asOf: "2024-03-31", groupBy: "prefecture", tableType: "medical" });
    expect(group(medical, "13").claims.total).toBe(4000);
    const all = await progressByEveryGrouping(db, TOKYO, { asOf: "2024-03-31" });
    expect(all.prefecture.groups.map((g) => g.key)).toEqual(["13"]);
    expect(all.tableType.groups.map((g) => [g.key, g.claims.total, g.claimsSource])).toEqual([
      ["medical", 4000, "reported"],
      ["dental", 150, "reported"],
    ]);
    expect(all.tableType.claims.online).toBe(1230);
    // The Tokyo-scoped caller asking for Osaka sees nothing of Osaka's.
    const osakaAsked = await progress(db, TOKYO, { asOf: "2024-03-31", groupBy: "prefecture", prefecture: "27" });
    expect(osakaAsked.groups).toEqual([]);
    expect(osakaAsked.claims.total).toBe(0);
  });

  it("says in the CSV which counts are shown", async () => {
    const r = await progress(db, NATIONAL, { asOf: "2024-03-31", groupBy: "prefecture" });
    const table = progressTable(r.asOf, r.groups, r);
    const header = table[0] as string[];
    const at = (row: unknown[], title: string) => row[header.indexOf(title)];
    const tokyoRow = table.find((row) => row[1] === "13")!;
    expect(at(tokyoRow, "月間レセプト件数 (claims)")).toBe(4150);
    expect(at(tokyoRow, "件数の出所 (claimsSource)")).toBe("reported");
    expect(at(tokyoRow, "報告件数の月 (claimsMonth)")).toBe("2024-03");
    expect(
      at(
        table.find((row) => row[1] === "27")!,
        "件数の出所 (claimsSource)",
      ),
    ).toBe("estimated");
    expect(at(table.at(-1)!, "件数の出所 (claimsSource)")).toBe("mixed");
  });
});
