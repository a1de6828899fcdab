import { createReadStream } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "./facilities";
import { runImport } from "./run";
import { monthlyTrend } from "../queries/trend";
import { NATIONAL } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

let db: Db;
let close: () => Promise<void>;
const c = (n: number) => makeFacilityCode("13", "1", 6, n);
const FILE = path.join(import.meta.dirname, "__fixtures__", "claims_sjis.csv");

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await withTransaction(async (tx) => {
    await upsertFacilities(
      tx,
      [1, 2, 3].map((n) => ({
        code: c(n),
        prefecture: "13",
        tableType: "medical" as const,
        name: `施設${n}`,
        claimMethod: "optical_disk" as const,
      })),
      new Set<FacilityColumn>(["claim_method"]),
      null,
    );
  });
});
afterAll(async () => close?.());

const importClaims = (dryRun = false) =>
  runImport({
    kind: "claims",
    fileName: "claims_sjis.csv",
    actor: { id: null, email: "t@example.jp", scope: NATIONAL },
    dryRun,
    source: createReadStream(FILE),
  });

describe("the payers' monthly claim counts", () => {
  it("import from Shift_JIS with 和暦 and written months; bad lines are rejected with their reason", async () => {
    const dry = await importClaims(true);
    expect(dry).toMatchObject({ encoding: "shift_jis", rows: 9, inserted: 5, rejected: 4, dryRun: true });
    expect(
      (await monthlyTrend(db, NATIONAL, { from: "2025-01-01", to: "2025-02-28" })).some((p) => p.reportedClaims),
    ).toBe(false);
    const s = await importClaims();
    expect(s).toMatchObject({ rows: 9, inserted: 5, updated: 0, unchanged: 0, rejected: 4 });
    expect(s.errors.map((e) => [e.row, e.column])).toEqual([
      [7, "code"], // the same code and month twice: the later line
      [8, "code"], // no such facility
      [9, "online_claims"], // more online than in all
      [10, "month"], // in the future
    ]);
    expect((await importClaims()).unchanged).toBe(5);
  });

  it("give the trend each month's share of claims sent online, exactly as reported", async () => {
    const points = await monthlyTrend(db, NATIONAL, { from: "2025-01-01", to: "2025-02-28" });
    expect(points.map((p) => [p.date, p.reportedClaims?.total, p.reportedClaims?.online])).toEqual([
      ["2025-01-31", 2000, 800],
      ["2025-02-28", 2500, 2320],
    ]);
    expect(points[1].reportedClaims!.onlineRate).toBeCloseTo(2320 / 2500, 10);
    const osaka = await monthlyTrend(
      db,
      { kind: "prefectures", prefectures: ["27"] },
      { from: "2025-01-01", to: "2025-02-28" },
    );
    expect(osaka.some((p) => p.reportedClaims)).toBe(false);
  });
});
