import { expect, test } from "@playwright/test";
import { parseCount, signIn } from "./helpers";

test("the ranking opens a prefecture page whose figures equal the API's for that prefecture", async ({ page }) => {
  await signIn(page, "viewer@example.jp");
  await page.screenshot({ path: "test-results/screenshots/overview.png", fullPage: true });
  await page.getByTestId("ranking").getByRole("link", { name: "東京都", exact: true }).click();
  await expect(page).toHaveURL(/\/prefectures\/13/);
  await expect(page.getByRole("heading", { name: "東京都" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/prefecture-13.png", fullPage: true });
  const api = await (await page.request.get("/api/v1/progress?prefecture=13&groupBy=tableType")).json();
  expect(parseCount(await page.getByTestId("table-type-table-total").textContent())).toBe(api.total);
});

test("filters live in the URL and the chart CSV carries the same numbers as the API", async ({ page }) => {
  await signIn(page, "admin@example.jp");
  await page.getByLabel("点数表").selectOption("dental");
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/tableType=dental/);
  const api = await (await page.request.get("/api/v1/progress?groupBy=prefecture&tableType=dental")).json();
  expect(parseCount(await page.getByTestId("progress-table-total").textContent())).toBe(api.total);

  const csv = await page.request.get("/api/v1/export/progress.csv?groupBy=prefecture&tableType=dental");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = (await csv.body()).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split("\r\n");
  expect(lines).toHaveLength(1 + api.groups.length + 1);
  const totalLine = lines.at(-1)!.split(",");
  expect(Number(totalLine[3])).toBe(api.total);
  const column = (name: string) => lines[0].split(",").indexOf(name);
  expect(Number(totalLine[column("オンライン割合 (onlineRate)")])).toBeCloseTo(api.onlineRate, 4);
  // The share by claim volume beside it, the same as the API's.
  expect(Number(totalLine[column("件数ベースのオンライン割合 (claimsOnlineRate)")])).toBeCloseTo(
    api.claims.onlineRate,
    4,
  );
  // Which counts the share is from (the payers' reported counts of a month, or the listed volumes), in the CSV and
  // under the table.
  expect(totalLine[column("件数の出所 (claimsSource)")]).toBe(api.claimsSource);
  expect(totalLine[column("報告件数の月 (claimsMonth)")]).toBe(api.claimsMonth ?? "");
  await expect(page.getByTestId("progress-table-claims-source")).toHaveAttribute("data-source", api.claimsSource);
});

test("a past month's claim share is the payers' reported counts of that month", async ({ page }) => {
  await signIn(page, "viewer@example.jp");
  // The seed imports six months of counts before today's month: the first of them is a past month end.
  const trend = await (await page.request.get("/api/v1/trend")).json();
  const reported = trend.points.find((p: { reportedClaims?: unknown }) => p.reportedClaims);
  expect(reported).toBeTruthy();
  const asOf = reported.date as string;
  const api = await (await page.request.get(`/api/v1/progress?groupBy=prefecture&asOf=${asOf}`)).json();
  expect(api.claimsSource).toBe("reported");
  expect(api.claimsMonth).toBe(asOf.slice(0, 7));
  expect(api.claims.total).toBe(reported.reportedClaims.total);
  expect(api.claims.online).toBe(reported.reportedClaims.online);
  await page.goto(`/?asOf=${asOf}`);
  await expect(page.getByTestId("progress-table-claims-source")).toHaveAttribute("data-source", "reported");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/screenshots/claims-source-1440.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screenshots/claims-source-390.png", fullPage: true });
});

test("the trend table lists every month end since January 2023", async ({ page }) => {
  await signIn(page, "viewer@example.jp");
  await page.goto("/?asOf=2024-06-30");
  await page.getByText("表で見る").first().click();
  const rows = page.getByTestId("trend-table").locator("tbody tr");
  await expect(rows).toHaveCount(18);
  await expect(rows.first().locator("td").first()).toHaveText("2023-01-31");
});

test("a Tokyo editor cannot open another prefecture's page or CSV", async ({ page }) => {
  await signIn(page, "tokyo@example.jp");
  // A one-prefecture user gets no ranking and no map: the page is about Tokyo.
  await expect(page.getByTestId("progress-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("ranking")).toHaveCount(0);
  const res = await page.goto("/prefectures/27");
  expect(res?.status()).toBe(404);
  const csv = await page.request.get("/api/v1/export/progress.csv?groupBy=prefecture&prefecture=27");
  const lines = (await csv.body()).toString("utf8").slice(1).trim().split("\r\n");
  // Header and the total row only, with zero facilities.
  expect(lines).toHaveLength(2);
  expect(lines[1].split(",")[3]).toBe("0");
  const trend = await page.request.get("/api/v1/export/trend.csv?prefecture=27&asOf=2024-03-31");
  const trendLines = (await trend.body()).toString("utf8").slice(1).trim().split("\r\n");
  expect(trendLines.slice(1).every((l) => l.split(",")[1] === "0")).toBe(true);
});

test("the funnel, the filed-plan forecast and the deferral figures are shown and agree with each other", async ({
  page,
}) => {
  await signIn(page, "admin@example.jp");
  const funnelRows = page.getByTestId("funnel").locator("tbody tr");
  await expect(funnelRows).toHaveCount(5);
  await expect(funnelRows.first().locator("td").first()).toHaveText("光ディスク等");
  const api = await (await page.request.get("/api/v1/progress")).json();
  const notOnline = api.total - api.counts.online;
  // Every active facility not online is counted once in the plan: planned, slipped or without a filing.
  await expect(page.getByTestId("plan").locator(".tile").first().locator(".value")).toHaveText(
    notOnline.toLocaleString("ja-JP"),
  );
  await expect(page.getByTestId("deferrals").getByText("イ 経過措置")).toBeVisible();
});

test("switching the as-of date puts it in the URL and recomputes every figure for that day", async ({ page }) => {
  await signIn(page, "admin@example.jp");
  const today = parseCount(await page.getByTestId("facility-total").textContent());
  const todayRate = await page.getByTestId("online-rate").textContent();
  await page.getByLabel("基準日").fill("2024-01-31");
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/asOf=2024-01-31/);
  await expect(page.getByTestId("as-of-note")).toContainText("2024-01-31");
  const api = await (await page.request.get("/api/v1/progress?asOf=2024-01-31")).json();
  expect(parseCount(await page.getByTestId("facility-total").textContent())).toBe(api.total);
  expect(await page.getByTestId("online-rate").textContent()).not.toBe(todayRate);
  expect(api.total).not.toBe(0);
  expect(today).toBeGreaterThan(0);
});
