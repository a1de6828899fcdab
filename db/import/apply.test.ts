import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn, type FacilityInput } from "./facilities";
import { upsertEvents } from "./events";
import { upsertFilings, type FilingInput } from "./filings";
import { makeFacilityCode } from "../../lib/facility-code";
import { sql } from "drizzle-orm";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await openTestDb()));
afterAll(async () => close?.());

const a = makeFacilityCode("13", "1", 2, 10);
const b = makeFacilityCode("13", "3", 2, 11);
const all = new Set<FacilityColumn>([
  "category",
  "address",
  "phone",
  "claim_method",
  "monthly_claims",
  "shares_oqv_terminal",
  "closed_on",
]);
const rowsV1: FacilityInput[] = [
  {
    code: a,
    prefecture: "13",
    tableType: "medical",
    category: "clinic",
    name: "青空クリニック",
    phone: "03-1111-2222",
    claimMethod: "optical_disk",
    monthlyClaims: 500,
    sharesOqvTerminal: true,
    address: "東京都",
    closedOn: null,
  },
  {
    code: b,
    prefecture: "13",
    tableType: "dental",
    category: "clinic",
    name: "みどり歯科",
    phone: null,
    claimMethod: "online",
    monthlyClaims: 100,
    sharesOqvTerminal: false,
    address: null,
    closedOn: null,
  },
];

const facilityState = async (code: string) =>
  (
    await queryRows<{ status: string; status_since: string | null }>(
      db,
      sql`select status, status_since from facilities where code = ${code}`,
    )
  )[0];

describe("facility upsert", () => {
  it("inserts, then counts an identical re-import as unchanged and a changed row as updated", async () => {
    expect(await withTransaction((tx) => upsertFacilities(tx, rowsV1, all, null))).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await withTransaction((tx) => upsertFacilities(tx, rowsV1, all, null))).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = [{ ...rowsV1[0], phone: "03-9999-0000" }, rowsV1[1]];
    expect(await withTransaction((tx) => upsertFacilities(tx, changed, all, null))).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
    expect((await facilityState(a)).status).toBe("optical_disk");
    expect((await facilityState(b)).status).toBe("online");
  });

  it("leaves columns the file does not carry as they were", async () => {
    const namesOnly = new Set<FacilityColumn>();
    const result = await withTransaction((tx) =>
      upsertFacilities(
        tx,
        [{ code: a, prefecture: "13", tableType: "medical", name: "青空クリニック" }],
        namesOnly,
        null,
      ),
    );
    expect(result).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    const [row] = await queryRows<{ phone: string }>(db, sql`select phone from facilities where code = ${a}`);
    expect(row.phone).toBe("03-9999-0000");
  });

  it("an empty category or terminal cell keeps a known facility's value and gives a new one the default", async () => {
    const d = makeFacilityCode("13", "4", 2, 13);
    const flags = new Set<FacilityColumn>(["category", "shares_oqv_terminal"]);
    const blank = { category: null, sharesOqvTerminal: null };
    const result = await withTransaction((tx) =>
      upsertFacilities(
        tx,
        [
          { code: a, prefecture: "13", tableType: "medical", name: "青空クリニック", ...blank },
          { code: d, prefecture: "13", tableType: "pharmacy", name: "さくら薬局", ...blank },
        ],
        flags,
        null,
      ),
    );
    expect(result).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    const rows = await queryRows<{ code: string; category: string; shares: boolean }>(
      db,
      sql`select code, category, shares_oqv_terminal as shares from facilities
          where code in (${a}, ${d}) order by code`,
    );
    expect(rows).toEqual([
      { code: a, category: "clinic", shares: true },
      { code: d, category: "pharmacy", shares: false },
    ]);
  });

  it("a dry run reports the counts and writes nothing", async () => {
    const c = makeFacilityCode("13", "1", 2, 12);
    const result = await withTransaction((tx) => upsertFacilities(tx, [{ ...rowsV1[0], code: c }], all, null), {
      rollback: true,
    });
    expect(result).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await facilityState(c)).toBeUndefined();
  });
});

describe("events and filings move the ladder", () => {
  const filing: FilingInput = {
    code: a,
    filedOn: "2024-08-20",
    facilityName: null,
    phone: null,
    specialties: null,
    deferralUntil: "2025-09-30",
    reason: "transitional",
    reasonSub: 1,
    outsourcer: null,
    reasonOther: null,
    readiness: "march",
    readinessDate: null,
    readinessOther: null,
    rececom: null,
    rececomMonth: null,
    network: "considering",
    networkMonth: null,
    usageApplied: false,
    certApplied: false,
    remarks: null,
    founderName: null,
    address: null,
    email: null,
  };

  it("a filing from a facility on disk adds a deferred event; re-filing the same is unchanged", async () => {
    expect(await withTransaction((tx) => upsertFilings(tx, [filing], null))).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(await facilityState(a)).toEqual({ status: "deferred", status_since: "2024-08-20" });
    expect(await withTransaction((tx) => upsertFilings(tx, [filing], null))).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await withTransaction((tx) => upsertFilings(tx, [{ ...filing, remarks: "訂正" }], null))).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
  });

  it("a later filing supersedes the earlier one", async () => {
    await withTransaction((tx) =>
      upsertFilings(tx, [{ ...filing, filedOn: "2025-07-01", deferralUntil: "2026-09-30" }], null),
    );
    const rows = await queryRows<{ filed_on: string; in_force: boolean }>(
      db,
      sql`select filed_on, in_force from filings where facility_code = ${a} order by filed_on`,
    );
    expect(rows).toEqual([
      { filed_on: "2024-08-20", in_force: false },
      { filed_on: "2025-07-01", in_force: true },
    ]);
    // Still deferred: the renewal adds no second step.
    expect((await facilityState(a)).status).toBe("deferred");
  });

  it("events set the state; a backward step is kept and flagged; the furthest same-day state wins", async () => {
    const counts = await withTransaction((tx) =>
      upsertEvents(
        tx,
        [
          { code: b, state: "optical_disk", effectiveOn: "2024-03-01", note: "障害" },
          { code: b, state: "online", effectiveOn: "2024-04-01", note: null },
          { code: a, state: "applied", effectiveOn: "2025-10-01", note: null },
          { code: a, state: "certificate_issued", effectiveOn: "2025-10-01", note: null },
        ],
        null,
      ),
    );
    expect(counts).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    const flags = await queryRows<{ state: string; backward: boolean }>(
      db,
      sql`select state, backward from status_events where facility_code = ${b} order by effective_on`,
    );
    expect(flags).toEqual([
      { state: "optical_disk", backward: true },
      { state: "online", backward: false },
    ]);
    expect(await facilityState(b)).toEqual({ status: "online", status_since: "2024-04-01" });
    expect(await facilityState(a)).toEqual({ status: "certificate_issued", status_since: "2025-10-01" });
  });

  it("a failure part-way rolls the whole transaction back", async () => {
    const before = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from status_events`);
    await expect(
      withTransaction(async (tx) => {
        await upsertEvents(tx, [{ code: a, state: "online", effectiveOn: "2025-11-01", note: null }], null);
        await upsertEvents(tx, [{ code: "0000000000", state: "online", effectiveOn: "2025-11-01", note: null }], null);
      }),
    ).rejects.toThrow();
    const after = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from status_events`);
    expect(after[0].n).toBe(before[0].n);
    expect((await facilityState(a)).status).toBe("certificate_issued");
  });
});
