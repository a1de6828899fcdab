import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { pythonWithOpenpyxl } from "../lib/__fixtures__/python";
import { signIn } from "./helpers";

/** Excel both ways: a workbook through the import page, and workbooks downloaded, read back by openpyxl. */

const FIXTURES = path.join(import.meta.dirname, "..", "db", "import", "__fixtures__", "xlsx");
const python = pythonWithOpenpyxl();
const tmp = mkdtempSync(path.join(os.tmpdir(), "e2e-xlsx-"));

interface Cell {
  v: unknown;
  t: string;
  f: string;
}
interface Sheet {
  name: string;
  maxRow: number;
  freeze: string | null;
  autoFilter: string | null;
  ignoredNumberAsText: string | null;
  formulas: number;
  rows: Cell[][];
}

/** Downloads a workbook with the page's session and reads it back with openpyxl. */
async function workbook(
  request: APIRequestContext,
  url: string,
  limit = 60,
): Promise<{ title: string; sheets: Sheet[] }> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  expect(res.headers()["content-type"]).toContain("spreadsheetml");
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, await res.body());
  const run = spawnSync(
    python!,
    [path.join(import.meta.dirname, "..", "lib", "__fixtures__", "read_xlsx.py"), file, String(limit)],
    { encoding: "utf8" },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

const values = (row: Cell[]) => row.map((c) => c.v);

test(
  "an editor previews a workbook: " + "the first sheet below its title rows, errors by cell, and another sheet offered",
  async ({ page }) => {
    await signIn(page, "admin@example.jp");
    await page.goto("/imports");
    await page.getByLabel("種類").selectOption("facilities");
    await page.getByLabel("ファイル").setInputFiles(path.join(FIXTURES, "facilities_book.xlsx"));
    await page.getByRole("button", { name: /内容を確認/ }).click();
    const preview = page.getByTestId("import-preview");
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId("count-encoding").locator("dd")).toHaveText("Excel ブック（.xlsx）");
    await expect(preview.getByTestId("count-sheet").locator("dd")).toHaveText("医療機関一覧");
    await expect(preview.getByTestId("count-rows").locator("dd")).toHaveText("7");
    await expect(preview.getByTestId("count-rejected").locator("dd")).toHaveText("2");
    await expect(preview.locator(".import-errors th").first()).toHaveText("セル");
    await expect(preview.locator(".import-errors tbody td:first-child")).toHaveText(["A12", "B13"]);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: test.info().outputPath(`imports-xlsx-preview-${width}.png`), fullPage: true });
    }

    // The notes sheet holds no list: the failure says which sheet was read and offers the others again.
    await preview.getByLabel("シート").selectOption("メモ");
    await preview.getByRole("button", { name: "このシートで確認" }).click();
    const alert = page.locator("p.error[role=alert]");
    await expect(alert).toContainText("シート「メモ」: 必須の列がありません");
    await page.getByLabel("シート").selectOption("医療機関一覧");
    await page.getByRole("button", { name: "このシートで確認" }).click();
    await expect(page.getByTestId("import-preview").getByTestId("count-sheet").locator("dd")).toHaveText(
      "医療機関一覧",
    );
  },
);

test.describe("downloads as workbooks, read back by openpyxl", () => {
  test.skip(!python, "python3 with openpyxl is not installed: the workbooks cannot be read back by another program");

  test(
    "the facility list: codes as text with their zeros, " +
      "dates as dates, frozen and filtered; Tokyo gets no Osaka row",
    async ({ page }) => {
      await signIn(page, "tokyo@example.jp");
      const book = await workbook(page.request, "/api/v1/export/facilities.csv?format=xlsx&tableType=dental");
      const [sheet] = book.sheets;
      expect(sheet.name).toBe("施設一覧");
      expect(sheet.rows[1][0].v).toMatch(/^基準日 \(asOf\): \d{4}年\d{1,2}月\d{1,2}日$/);
      expect(sheet.rows[2][0].v).toBe("条件 (filters): tableType=dental");
      // The title, 基準日 and filters, a blank line, then the header.
      expect(values(sheet.rows[4]).slice(0, 3)).toEqual(["医療機関コード", "名称", "都道府県"]);
      expect([sheet.freeze, sheet.formulas]).toEqual(["A6", 0]);
      expect(sheet.autoFilter).toBe(`A5:K${sheet.maxRow}`);
      expect(sheet.ignoredNumberAsText).toBe(`A6:K${sheet.maxRow}`);
      const data = sheet.rows.slice(5);
      expect(data.length).toBeGreaterThan(10);
      for (const row of data) {
        expect(row[0].t).toBe("s");
        expect(row[0].v).toMatch(/^133\d{7}$/);
        expect(row[2].v).toBe("東京都");
      }
      // 状態の日付: a real date shown the Japanese way (no cell at all when the facility never moved).
      const moved = data.filter((row) => row[6].v !== null);
      expect(moved.length).toBeGreaterThan(0);
      for (const row of moved) expect([row[6].t, row[6].f]).toEqual(["d", 'yyyy"年"m"月"d"日"']);
      const osaka = await workbook(page.request, "/api/v1/export/facilities.csv?format=xlsx&prefecture=27");
      expect(osaka.sheets[0].maxRow).toBe(5); // the notes, a blank line and the header: no row of Osaka's
    },
  );

  test("the committee pack: a sheet a panel with the dashboard's figures; for Tokyo asking Osaka, only zeros", async ({
    page,
  }) => {
    await signIn(page, "viewer@example.jp");
    const progress = await (await page.request.get("/api/v1/progress")).json();
    const book = await workbook(page.request, "/api/v1/export/report.xlsx");
    expect(book.sheets.map((s) => s.name)).toEqual([
      "概要",
      "推移",
      "都道府県別",
      "点数表別",
      "区分別",
      "移行の流れ",
      "猶予届出",
      "整備計画",
    ]);
    const headline = book.sheets[0];
    expect(values(headline.rows[4]).slice(0, 3)).toEqual(["項目 (item)", "値 (value)", "備考 (note)"]);
    expect(values(headline.rows[6]).slice(0, 2)).toEqual(["施設数 (total)", progress.total]);
    const prefectures = book.sheets[2].rows.slice(5);
    expect(prefectures.length).toBeGreaterThanOrEqual(47);
    expect(prefectures[0][0].t).toBe("d");
    expect(prefectures[0][1]).toMatchObject({ v: "01", t: "s" }); // the prefecture code keeps its zero
    const rateColumn = values(book.sheets[2].rows[4]).findIndex((h) => String(h).includes("(onlineRate)"));
    expect(rateColumn).toBeGreaterThan(1);
    expect(prefectures[0][rateColumn].f).toBe("0.0%"); // the online share as a percentage

    await signIn(page, "tokyo@example.jp");
    const osaka = await workbook(page.request, "/api/v1/export/report.xlsx?prefecture=27");
    const osakaHeadline = osaka.sheets[0].rows.slice(5);
    expect(osakaHeadline.find((r) => r[0].v === "施設数 (total)")![1].v).toBe(0);
    expect(osaka.sheets[2].rows.slice(5).map((r) => r[1].v)).toEqual(["total"]); // no prefecture row, a zero total
  });
});

test("each list and figure offers its workbook beside its CSV, and the overview the committee pack", async ({
  page,
}) => {
  await signIn(page, "admin@example.jp");
  const pages: [string, string][] = [
    ["/", "/api/v1/export/report.xlsx?"],
    ["/prefectures/13", "/api/v1/export/facilities.csv?"],
    ["/follow-ups", "/api/v1/export/follow-ups.csv?"],
    ["/admin/audit", "/api/v1/export/audit.csv?"],
  ];
  for (const [path, href] of pages) {
    await page.goto(path);
    const links = page.locator(
      `a[href^="${href}"][href*="format=xlsx"], a[href^="${href}"][data-testid="report-xlsx"]`,
    );
    await expect(links.first(), path).toBeVisible();
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: test.info().outputPath(`${path.replace(/\W+/g, "_") || "root"}-${width}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  // The trend panel's link downloads a workbook.
  await page.goto("/");
  const download = page.waitForEvent("download");
  await page.locator('a[href^="/api/v1/export/trend.csv?"][href*="format=xlsx"]').click();
  expect((await download).suggestedFilename()).toMatch(/^trend_\d{4}-\d{2}-\d{2}\.xlsx$/);
});
