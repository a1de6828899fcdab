import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync } from "node:fs";
import { finished } from "node:stream/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { xlsxBook } from "./xlsx-export";
import { pythonWithOpenpyxl } from "./__fixtures__/python";

const python = pythonWithOpenpyxl();
const readBack = (file: string) => {
  const run = spawnSync(python!, [path.join(import.meta.dirname, "__fixtures__", "read_xlsx.py"), file, "8"], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
};

async function* chunks(rows: unknown[][], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

// Read back with openpyxl, a program other than the exceljs that wrote it.
describe.skipIf(!python)(
  "an exported workbook read back by openpyxl (skipped only when no python3 with openpyxl is installed)",
  () => {
    it(
      "keeps codes as text with their zeros, numbers as numbers, " +
        "dates as dates, formula-like text as text; frozen, filtered, sized",
      async () => {
        const file = path.join(mkdtempSync(path.join(os.tmpdir(), "xlsx-export-")), "book.xlsx");
        const out = createWriteStream(file);
        const book = xlsxBook(out, { title: "施設一覧", description: "基準日 2026年12月1日 / prefecture=01" });
        const rows: unknown[][] = [
          ["0110112349", '=HYPERLINK("http://x")', "北海道", "2024-03-31", 1200, "060-0001"],
          ["1311041246", "+81 テスト", "東京都", null, 0, "03-5203-4353"],
          ...Array.from({ length: 1200 }, (_, i) => [
            `01101${String(i).padStart(5, "0")}`,
            `医院${i}`,
            "北海道",
            "2025-01-01",
            i,
            null,
          ]),
        ];
        const written = await book.addSheet(
          {
            name: "施設一覧",
            notes: ["施設一覧 (facilities)", "基準日 (asOf): 2026年12月1日"],
            header: ["医療機関コード", "名称", "都道府県", "廃止日", "月間レセプト件数", "電話番号"],
          },
          chunks(rows, 500),
        );
        await book.finish();
        await finished(out);
        expect(written).toBe(1202);
        const { title, description, sheets } = readBack(file);
        expect([title, description]).toEqual(["施設一覧", "基準日 2026年12月1日 / prefecture=01"]);
        const [sheet] = sheets;
        expect(sheet.name).toBe("施設一覧");
        expect(sheet.rows[0][0].v).toBe("施設一覧 (facilities)");
        expect(sheet.rows[3].map((c: { v: unknown }) => c.v)).toEqual([
          "医療機関コード",
          "名称",
          "都道府県",
          "廃止日",
          "月間レセプト件数",
          "電話番号",
        ]);
        const [code, name, , closed, claims] = sheet.rows[4];
        expect([code.v, code.t]).toEqual(["0110112349", "s"]);
        expect([name.v, name.t]).toEqual(['=HYPERLINK("http://x")', "s"]);
        expect([closed.v, closed.t, closed.f]).toEqual(["2024-03-31T00:00:00", "d", 'yyyy"年"m"月"d"日"']);
        expect([claims.v, claims.t]).toEqual([1200, "n"]);
        expect(sheet.formulas).toBe(0);
        expect(sheet.freeze).toBe("A5");
        expect(sheet.autoFilter).toBe("A4:F1206");
        expect(sheet.maxRow).toBe(1206);
        expect(sheet.ignoredNumberAsText).toBe("A5:F1206");
        // Wide enough for a ten-digit code and for the Japanese header (full-width characters count two).
        expect(sheet.widths.A).toBeGreaterThanOrEqual(14);
        expect(sheet.widths.E).toBeGreaterThanOrEqual(16);
      },
    );
  },
);
