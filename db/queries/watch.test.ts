import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { seedNationalData } from "../seed";
import { withTransaction } from "../transaction";
import { upsertEvents } from "../import/events";
import { countFollowUps } from "./follow-ups";
import { certificateWatch, listRegressions, regressionCounts } from "./watch";
import { NATIONAL, type Scope } from "../../lib/scope";

/** The overview's certificate and regression figures are the totals of the lists they link to. */
let db: Db;
let close: () => Promise<void>;
const AS_OF = "2026-03-31";

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 6000, seed: 5, asOf: AS_OF });
}, 120_000);
afterAll(async () => close?.());

describe("certificates lapsing in the next 90 days, by month", () => {
  it("gives each month (and the lapsed) exactly the follow-up list's total for the linked filter", async () => {
    const watch = await certificateWatch(db, NATIONAL, { asOf: AS_OF });
    expect(watch.months.map((m) => m.month)).toEqual(["2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(watch.months.at(-1)?.dueBefore).toBe("2026-06-29");
    expect(watch.months.reduce((n, m) => n + m.facilities, 0)).toBeGreaterThan(0);
    for (const m of watch.months) {
      expect(
        await countFollowUps(db, NATIONAL, {
          asOf: AS_OF,
          alert: "certificate_expiring",
          dueFrom: m.dueFrom,
          dueBefore: m.dueBefore,
        }),
      ).toBe(m.facilities);
    }
    expect(watch.expired).toBe(await countFollowUps(db, NATIONAL, { asOf: AS_OF, alert: "certificate_expired" }));
    expect(watch.expired).toBeGreaterThan(0);
  });

  it("a prefecture's scope counts only its own facilities", async () => {
    const tokyo: Scope = { kind: "prefectures", prefectures: ["13"] };
    const all = await certificateWatch(db, NATIONAL, { asOf: AS_OF });
    const own = await certificateWatch(db, tokyo, { asOf: AS_OF });
    const inTokyo = await certificateWatch(db, NATIONAL, { asOf: AS_OF, prefecture: "13" });
    expect(own).toEqual(inTokyo);
    expect(own.expired).toBeLessThan(all.expired);
  });
});

describe("regressions (online back to disk)", () => {
  it("counts the steps since the start and this month, lists them, and agrees with the backward events", async () => {
    const counts = await regressionCounts(db, NATIONAL, { asOf: AS_OF });
    const list = await listRegressions(db, NATIONAL, { asOf: AS_OF });
    expect(counts.sinceStart).toBeGreaterThan(0);
    expect(list).toHaveLength(counts.sinceStart);
    expect(list.filter((r) => r.leftOn >= "2026-03-01")).toHaveLength(counts.thisMonth);
    // Every backward step in the seed leaves online (the seed's only backward steps), so the lists agree.
    const [{ n }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from status_events where backward and effective_on <= ${AS_OF}::date`,
    );
    expect(counts.sinceStart).toBe(n);
    expect(list[0].note).toMatch(/光ディスク等で請求/);
    expect(list.every((r) => r.backOn === null || r.backOn > r.leftOn)).toBe(true);
    expect(counts.stillOff).toBe(list.filter((r) => r.backOn === null).length);
  });

  it("on an earlier date leaves out the later steps, and a scope sees its own", async () => {
    const earlier = await regressionCounts(db, NATIONAL, { asOf: "2025-01-31" });
    const now = await regressionCounts(db, NATIONAL, { asOf: AS_OF });
    expect(earlier.sinceStart).toBeLessThan(now.sinceStart);
    const osaka = await listRegressions(db, { kind: "prefectures", prefectures: ["27"] }, { asOf: AS_OF });
    expect(osaka.every((r) => r.prefecture === "27")).toBe(true);
  });

  it(
    "counts and lists only steps since the history's start (January 2023): " + "an older one is not in either",
    async () => {
      const before = await regressionCounts(db, NATIONAL, { asOf: AS_OF });
      const [online] = await queryRows<{ code: string }>(
        db,
        sql`select code from facilities where status = 'online' and initial_state = 'optical_disk' order by code
            limit 1`,
      );
      // Online in March 2021, back on disk that September: a backward step from online, before the history.
      await withTransaction((tx) =>
        upsertEvents(
          tx,
          [
            { code: online.code, state: "online", effectiveOn: "2021-03-01", note: null },
            { code: online.code, state: "optical_disk", effectiveOn: "2021-09-01", note: null },
          ],
          null,
        ),
      );
      const [{ n }] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from status_events
          where backward and facility_code = ${online.code} and effective_on < '2023-01-01'`,
      );
      expect(n).toBe(1);
      expect(await regressionCounts(db, NATIONAL, { asOf: AS_OF })).toEqual(before);
      expect(await listRegressions(db, NATIONAL, { asOf: AS_OF })).toHaveLength(before.sinceStart);
    },
  );
});
