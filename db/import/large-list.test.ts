import { createReadStream, mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { runImport } from "./run";
import { THREAD_FROM_BYTES } from "./read-stage";
import { makeFacilityCode } from "../../lib/facility-code";
import { NATIONAL, type Scope } from "../../lib/scope";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await openTestDb()));
afterAll(async () => close?.());

/**
 * A list large enough to be read in a thread of its own: 24,000 Tokyo and 4,000 Osaka facilities, with a
 * bad code, a mismatched prefecture and a duplicate among them, and an address with a comma (quoted).
 */
function largeList(): string {
  const tokyo = (i: number) => makeFacilityCode("13", "1", 10 + Math.floor(i / 10_000), i % 10_000);
  const lines = ["医療機関コード,医療機関名称,都道府県,所在地,請求方法,月間レセプト件数"];
  for (let i = 0; i < 24_000; i++)
    lines.push(
      `${tokyo(i)},髙﨑クリニック${i},東京都,"東京都千代田区千代田${i}番地, 2F",${i % 2 ? "オンライン" : "光ディスク"},${i}`,
    );
  lines.splice(101, 0, "1312345678,検証番号の誤り,東京都,,,");
  lines.splice(202, 0, `${makeFacilityCode("13", "1", 90, 1)},県の違う行,大阪府,,,`);
  lines.push(`${tokyo(5)},重複,東京都,,,`);
  for (let i = 0; i < 4_000; i++) lines.push(`${makeFacilityCode("27", "1", 10, i)},大阪医院${i},大阪府,,紙,`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "large-list-")), "large.csv");
  writeFileSync(file, iconv.encode(lines.join("\r\n") + "\r\n", "cp932"));
  expect(statSync(file).size).toBeGreaterThan(THREAD_FROM_BYTES);
  return file;
}

const importList = (file: string, scope: Scope, dryRun: boolean) =>
  runImport({
    kind: "facilities",
    fileName: "large.csv",
    actor: { id: null, email: "test", scope },
    dryRun,
    source: createReadStream(file, { highWaterMark: 256 * 1024 }),
  });

describe("a facility list read in a thread of its own", () => {
  it(
    "is checked and written by the same rules: counts, errors, " + "the rows stored, a scope's refusals left out",
    async () => {
      const file = largeList();
      const tokyoOnly = await importList(file, { kind: "prefectures", prefectures: ["13"] }, true);
      expect(tokyoOnly).toMatchObject({ rows: 28_003, inserted: 24_000, rejected: 4_003, errorsOmitted: 3_003 });
      expect(tokyoOnly.errors.slice(0, 3).map((e) => [e.row, e.code])).toEqual([
        [102, "import.row.badCode"],
        [203, "import.row.prefectureMismatch"],
        [24_004, "import.row.duplicate"],
      ]);
      expect(tokyoOnly.errors[3]).toMatchObject({ row: 24_005, code: "import.row.outsideScope" });

      const national = await importList(file, NATIONAL, false);
      expect(national).toMatchObject({ encoding: "shift_jis", rows: 28_003, inserted: 28_000, rejected: 3 });
      const stored = await queryRows<{ prefecture: string; n: number; online: number }>(
        db,
        sql`select prefecture, count(*)::int as n, count(*) filter (where status = 'online')::int as online
          from facilities group by prefecture order by prefecture`,
      );
      expect(stored).toEqual([
        { prefecture: "13", n: 24_000, online: 12_000 },
        { prefecture: "27", n: 4_000, online: 0 },
      ]);
      const [sample] = await queryRows<{
        name: string;
        address: string;
        monthly_claims: number;
        import_batch_id: number;
      }>(
        db,
        sql`select name, address, monthly_claims, import_batch_id from facilities
          where code = ${makeFacilityCode("13", "1", 11, 2345)}`,
      );
      expect(sample).toEqual({
        name: "髙﨑クリニック12345",
        address: "東京都千代田区千代田12345番地, 2F",
        monthly_claims: 12_345,
        import_batch_id: national.batchId,
      });
    },
  );
});
