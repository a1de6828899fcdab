import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { withTransaction } from "../transaction";
import { runImport } from "./run";
import { refreshMonthlySummary } from "../queries/monthly-summary";
import { makeFacilityCode } from "../../lib/facility-code";
import { todayIso } from "../../lib/dates";
import { NATIONAL } from "../../lib/scope";

// Two database connections are needed for imports to overlap: PGlite has one, so this runs on PostgreSQL
// (CI sets DATABASE_URL); on PGlite imports cannot overlap at all.
describe.skipIf(!process.env.DATABASE_URL)("facility lists uploaded at the same time", () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, close } = await openTestDb()));
  afterAll(async () => close?.());

  const list = (prefecture: string, name: string, from: number) => {
    const lines = ["医療機関コード,医療機関名称,都道府県"];
    for (let i = from; i < from + 3000; i++)
      lines.push(`${makeFacilityCode(prefecture, "1", 3, i)},${name}${i},${prefecture === "13" ? "東京都" : "大阪府"}`);
    return Buffer.from(lines.join("\n") + "\n");
  };
  const upload = (file: Buffer, name: string) =>
    runImport({
      kind: "facilities",
      fileName: name,
      actor: { id: null, email: "test", scope: NATIONAL },
      dryRun: false,
      source: Readable.from([file]),
    });

  it("into an empty table, take turns instead of deadlocking; both lists go in and the summary adds up", async () => {
    const [tokyo, osaka] = await Promise.all([
      upload(list("13", "東京テスト", 1), "tokyo.csv"),
      upload(list("27", "大阪テスト", 1), "osaka.csv"),
    ]);
    expect([tokyo.inserted, osaka.inserted]).toEqual([3000, 3000]);
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from facilities`);
    expect(n).toBe(6000);
    // Then two more lists at once, each touching its own prefecture's slice of the summary.
    const again = await Promise.all([
      upload(list("13", "東京改", 1), "tokyo2.csv"),
      upload(list("27", "大阪", 3001), "osaka2.csv"),
    ]);
    expect(again.map((s) => [s.inserted, s.updated])).toEqual([
      [0, 3000],
      [3000, 0],
    ]);
    const read =
      "select month_end::text, prefecture, table_type::text, category::text, " +
      "state::text, facilities from monthly_summary order by 1, 2, 3, 4, 5";
    const kept = await queryRows<Record<string, unknown>>(db, sql.raw(read));
    const recomputed = await withTransaction(
      async (tx) => {
        await refreshMonthlySummary(tx, todayIso());
        return tx.query<Record<string, unknown>>(sql.raw(read));
      },
      { rollback: true },
    );
    expect(kept).toEqual(recomputed);
  });
});
