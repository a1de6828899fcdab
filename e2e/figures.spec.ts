import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parseCount, signIn } from "./helpers";

const AS_OF = "2025-03-31";

test(
  "a count on the overview opens exactly its facilities on its date, " + "says so in words, and exports the same rows",
  async ({ page }) => {
    await signIn(page, "viewer@example.jp");
    await page.goto(`/?asOf=${AS_OF}`);
    const tokyo = page.getByTestId("progress-table").locator('tr[data-key="13"]');
    // The fourth cell is optical disk (after the name, the total and those not yet online).
    const cell = tokyo.locator("td").nth(3).getByRole("link");
    const shown = parseCount(await cell.textContent());
    await cell.click();
    await expect(page).toHaveURL(/\/facilities\?/);
    await expect(page.getByTestId("list-caption")).toContainText(
      `東京都・光ディスク等・2025年3月31日時点: ${shown.toLocaleString("ja-JP")}施設`,
    );
    await page.screenshot({ path: "test-results/screenshots/facility-list.png", fullPage: true });
    const api = await (
      await page.request.get(`/api/v1/facilities?prefecture=13&status=optical_disk&asOf=${AS_OF}&pageSize=1`)
    ).json();
    expect(api.total).toBe(shown);
    const csv = await page.request.get((await page.getByTestId("list-export").getAttribute("href"))!);
    const lines = (await csv.body())
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines.length - 1).toBe(shown);
  },
);

test("a deferral reason, a plan bucket and a funnel step open lists of as many facilities as they count", async ({
  page,
}) => {
  await signIn(page, "viewer@example.jp");
  await page.goto(`/?asOf=${AS_OF}`);
  for (const locate of [
    () => page.getByTestId("deferral-reasons").getByRole("link").first(),
    () => page.getByTestId("plan-slipped"),
    () => page.getByTestId("funnel").locator("tbody tr").nth(1).getByRole("link"),
  ]) {
    const link = locate();
    const shown = parseCount(await link.textContent());
    expect(shown).toBeGreaterThan(0);
    await link.click();
    await expect(page.getByTestId("list-total")).toHaveText(`${shown.toLocaleString("ja-JP")}施設`);
    await page.goBack();
  }
});

test("the committee pack prints on A4 landscape: numbered pages, no table row cut between pages", async ({
  page,
}, testInfo) => {
  await signIn(page, "viewer@example.jp");
  await page.goto(`/report?asOf=${AS_OF}`);
  await expect(page.getByTestId("report-as-of")).toContainText("2025年3月31日");
  await expect(page.getByTestId("report-scope")).toHaveText("全国");
  await expect(page.locator(".report details")).toHaveCount(0); // every table open
  await page.locator(".recharts-surface").first().waitFor();
  await page.emulateMedia({ media: "print" });
  const file = testInfo.outputPath("report.pdf");
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync("pdfinfo", [file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/); // A4 landscape
  expect(pages).toBeGreaterThanOrEqual(5);
  expect(pages).toBeLessThanOrEqual(9);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().split("\f").slice(0, pages);
  text.forEach((pageText, i) => expect(pageText, `page ${i + 1}`).toContain(`${i + 1} / ${pages}`));
  // Each row of every table: its first and last cells on one line of one page (a row cut in two would split them).
  const rows = await page.locator(".report table tr").evaluateAll((trs) =>
    // Words for screen readers only (.sr-only) are not printed.
    trs.map((tr) =>
      [...tr.querySelectorAll("td, th")]
        .filter(
          (c) =>
            !c.querySelector(".sr-only") ||
            (c.textContent ?? "").trim() !== (c.querySelector(".sr-only")?.textContent ?? "").trim(),
        )
        .map((c) => (c.textContent ?? "").trim())
        .filter((s) => s !== ""),
    ),
  );
  const lines = text.flatMap((p) => p.split("\n"));
  let checked = 0;
  for (const cells of rows.filter((c) => c.length >= 2)) {
    const [first, last] = [cells[0], cells.at(-1)!];
    expect(
      lines.some((l) => l.includes(first) && l.indexOf(last, l.indexOf(first) + first.length) >= 0),
      `row ${cells.join(" | ")}`,
    ).toBe(true);
    checked++;
  }
  expect(checked).toBeGreaterThan(100);
});

test("a Tokyo user's pack is Tokyo's, and Osaka's answers 404", async ({ page }) => {
  await signIn(page, "tokyo@example.jp");
  await page.goto(`/report?asOf=${AS_OF}`);
  await expect(page.getByTestId("report-scope")).toHaveText("東京都");
  expect((await page.goto(`/report?asOf=${AS_OF}&prefecture=27`))?.status()).toBe(404);
});
