import { expect, test } from "@playwright/test";
import { parseCount, signIn } from "./helpers";

for (const email of ["admin@example.jp", "viewer@example.jp"]) {
  test(`${email} sees the national figures for all 47 prefectures, equal to the API`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByRole("heading", { name: "全国の進捗" })).toBeVisible();
    const rows = page.getByTestId("progress-table").locator("tbody tr");
    await expect(rows).toHaveCount(47);
    const pageTotal = parseCount(await page.getByTestId("progress-table-total").textContent());
    const api = await (await page.request.get("/api/v1/progress?groupBy=prefecture")).json();
    expect(api.groups).toHaveLength(47);
    expect(pageTotal).toBe(api.total);
    expect(api.total).toBeGreaterThan(3000);
    const rate = await page.getByTestId("online-rate").textContent();
    expect(rate).toBe(`${(api.onlineRate * 100).toFixed(1)}%`);
  });
}

test("a past date shows the figures of that date", async ({ page }) => {
  await signIn(page, "viewer@example.jp");
  await page.getByLabel("基準日").fill("2023-01-31");
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/asOf=2023-01-31/);
  const api = await (await page.request.get("/api/v1/progress?asOf=2023-01-31")).json();
  expect(parseCount(await page.getByTestId("progress-table-total").textContent())).toBe(api.total);
  const today = await (await page.request.get("/api/v1/progress")).json();
  expect(api.onlineRate).toBeLessThan(today.onlineRate);
});

test("the Tokyo editor sees only Tokyo on the page and in the API", async ({ page }) => {
  await signIn(page, "tokyo@example.jp");
  await expect(page.getByRole("heading", { name: "東京都", level: 1 })).toBeVisible();
  const rows = page.getByTestId("progress-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-key", "13");

  const own = await (await page.request.get("/api/v1/progress?groupBy=prefecture")).json();
  expect(own.groups.map((g: { key: string }) => g.key)).toEqual(["13"]);
  expect(parseCount(await page.getByTestId("progress-table-total").textContent())).toBe(own.total);

  // Asking for Osaka by filter, or grouping another way, never yields another prefecture's figures.
  const osaka = await (await page.request.get("/api/v1/progress?prefecture=27")).json();
  expect(osaka.total).toBe(0);
  expect(osaka.groups).toEqual([]);
  const byType = await (await page.request.get("/api/v1/progress?groupBy=tableType")).json();
  expect(byType.total).toBe(own.total);
});

test("bad query parameters get a 400 with the reason", async ({ page }) => {
  await signIn(page, "viewer@example.jp");
  const res = await page.request.get("/api/v1/progress?asOf=2024-13-45&prefecture=99");
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error).toBe("invalid_query");
  expect(body.issues.map((i: { param: string }) => i.param).sort()).toEqual(["asOf", "prefecture"]);
});
