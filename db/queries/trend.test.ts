import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "../import/facilities";
import { upsertEvents, type EventInput } from "../import/events";
import { monthlyTrend, trendDates } from "./trend";
import { progress } from "./progress";
import { NATIONAL } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

let db: Db;
let close: () => Promise<void>;

const code = (n: number, pref = "13") => makeFacilityCode(pref, "1", 3, n);

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  const present = new Set<FacilityColumn>(["claim_method", "closed_on"]);
  await withTransaction(async (tx) => {
    await upsertFacilities(
      tx,
      [
        {
          code: code(1),
          prefecture: "13",
          tableType: "medical",
          name: "A",
          claimMethod: "optical_disk",
          closedOn: null,
        },
        {
          code: code(2),
          prefecture: "13",
          tableType: "medical",
          name: "B",
          claimMethod: "online",
          closedOn: "2024-03-10",
        },
        {
          code: code(3, "27"),
          prefecture: "27",
          tableType: "medical",
          name: "C",
          claimMethod: "optical_disk",
          closedOn: null,
        },
        {
          code: code(4),
          prefecture: "13",
          tableType: "medical",
          name: "D",
          claimMethod: "optical_disk",
          closedOn: null,
        },
      ],
      present,
      null,
    );
    const events: EventInput[] = [
      { code: code(1), state: "deferred", effectiveOn: "2024-01-31", note: null },
      { code: code(1), state: "applied", effectiveOn: "2024-02-15", note: null },
      { code: code(1), state: "online", effectiveOn: "2024-04-01", note: null },
      { code: code(3, "27"), state: "online", effectiveOn: "2024-02-01", note: null },
      { code: code(3, "27"), state: "optical_disk", effectiveOn: "2024-03-01", note: null },
      { code: code(3, "27"), state: "online", effectiveOn: "2024-03-01", note: null },
      { code: code(4), state: "closed", effectiveOn: "2024-02-10", note: null },
    ];
    await upsertEvents(tx, events, null);
  });
});
afterAll(async () => close?.());

describe("monthly trend", () => {
  it("every month end equals the as-of progress figures of that day", async () => {
    const points = await monthlyTrend(db, NATIONAL, { from: "2023-12-01", to: "2024-04-20" });
    expect(points.map((p) => p.date)).toEqual(["2023-12-31", "2024-01-31", "2024-02-29", "2024-03-31", "2024-04-20"]);
    for (const point of points) {
      const exact = await progress(db, NATIONAL, { asOf: point.date, groupBy: "prefecture" });
      expect({ date: point.date, counts: point.counts, total: point.total, closed: point.closed }).toEqual({
        date: point.date,
        counts: exact.counts,
        total: exact.total,
        closed: exact.closed,
      });
    }
    expect(points.at(-1)!.counts.online).toBe(2);
    expect(points.at(-1)!.closed).toBe(2);
  });

  it("keeps to the scope", async () => {
    const points = await monthlyTrend(
      db,
      { kind: "prefectures", prefectures: ["27"] },
      { from: "2024-01-01", to: "2024-03-31" },
    );
    expect(points.map((p) => p.total)).toEqual([1, 1, 1]);
    expect(points.map((p) => p.counts.online)).toEqual([0, 1, 1]);
  });

  it("refuses a range of more month ends than the cap instead of one query per month without end", async () => {
    await expect(monthlyTrend(db, NATIONAL, { from: "2023-01-01", to: "9999-12-31" })).rejects.toThrow(RangeError);
    expect(() => trendDates("2023-01-01", "2043-01-31")).toThrow(/more than 240 points/);
    expect(trendDates("2023-01-01", "2042-12-31")).toHaveLength(240);
  });
});
