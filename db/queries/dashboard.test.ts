import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import type { Db } from "../client";
import { seedNationalData } from "../seed";
import { runImport } from "../import/run";
import { loadDashboard } from "./dashboard";
import { progress } from "./progress";
import { NATIONAL, type Scope } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

let db: Db;
let close: () => Promise<void>;
let asOf: string;
beforeAll(async () => {
  ({ db, close } = await openTestDb());
  asOf = (await seedNationalData(db, { facilities: 800, seed: 3 })).asOf;
});
afterAll(async () => close?.());

const tokyo: Scope = { kind: "prefectures", prefectures: ["13"] };

describe("the dashboard cache", () => {
  it("answers a repeated view from the cache, keeps scopes apart, and sees an import at once", async () => {
    const first = await loadDashboard(db, NATIONAL, { asOf });
    expect(await loadDashboard(db, NATIONAL, { asOf })).toBe(first);
    const scoped = await loadDashboard(db, tokyo, { asOf });
    expect(scoped).not.toBe(first);
    expect(scoped.byPrefecture.total).toBe((await progress(db, tokyo, { asOf, groupBy: "prefecture" })).total);
    expect(scoped.byPrefecture.total).toBeLessThan(first.byPrefecture.total);

    const code = makeFacilityCode("13", "1", 49, 9001);
    const summary = await runImport({
      kind: "facilities",
      fileName: "one.csv",
      actor: { id: null, email: "test", scope: NATIONAL },
      dryRun: false,
      source: Readable.from([Buffer.from(`医療機関コード,名称\n${code},キャッシュ確認医院\n`)]),
    });
    expect(summary.inserted).toBe(1);
    const after = await loadDashboard(db, NATIONAL, { asOf });
    expect(after).not.toBe(first);
    expect(after.byPrefecture.total).toBe(first.byPrefecture.total + 1);
    expect((await loadDashboard(db, tokyo, { asOf })).byPrefecture.total).toBe(scoped.byPrefecture.total + 1);
  });
});
