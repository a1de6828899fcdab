import { createReadStream, createWriteStream, mkdtempSync } from "node:fs";
import { finished } from "node:stream/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readImportFile } from "./file-reader";
import { xlsxBook } from "../xlsx-export";
import { makeFacilityCode } from "../facility-code";
import type { FacilityRow } from "./types";

const tmp = mkdtempSync(path.join(os.tmpdir(), "xlsx-read-"));

async function* inChunks(rows: unknown[][], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

describe("a workbook of our own export, imported again", () => {
  it(
    "reads back every row of a sheet far larger than one chunk, " + "Japanese text whole, below the export's notes",
    async () => {
      const rows = Array.from({ length: 4000 }, (_, i) => [
        makeFacilityCode(
          String(1 + (i % 47)).padStart(2, "0"),
          "1",
          1 + Math.floor(i / 47 / 9999),
          1 + (Math.floor(i / 47) % 9999),
        ),
        `髙﨑ひまわり診療所〜第${i}分院`,
        `東京都千代田区霞が関一丁目${i}番地　合同庁舎`,
        i % 10 === 0 ? "2024-03-31" : null,
      ]);
      const file = path.join(tmp, "list.xlsx");
      const out = createWriteStream(file);
      const book = xlsxBook(out, { title: "施設一覧", description: "" });
      await book.addSheet(
        {
          name: "施設一覧",
          notes: ["施設一覧 (facilities)", "基準日 (asOf): 2026年12月1日", "条件 (filters): なし (none)"],
          header: ["医療機関コード", "名称", "所在地", "廃止日"],
        },
        inChunks(rows, 1000),
      );
      await book.finish();
      await finished(out);

      const reader = readImportFile("facilities", createReadStream(file, { highWaterMark: 16 * 1024 }), {
        today: "2026-12-04",
      });
      const read: { row: number; value: FacilityRow }[] = [];
      for await (const batch of reader.batches) {
        expect(batch.errors).toEqual([]);
        read.push(...batch.rows);
      }
      expect(read).toHaveLength(4000);
      expect(read[0].row).toBe(6); // three notes, a blank row, the header on row 5
      expect(read.map((r) => [r.value.code, r.value.name, r.value.address, r.value.closedOn])).toEqual(rows);
      expect(reader.sheet()).toEqual({ name: "施設一覧", names: ["施設一覧"] });
    },
  );
});
