import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { makeFacilityCode } from "../lib/facility-code";

/**
 * A Tokyo editor's day on the follow-up list. The list gets four facilities of its own first, uploaded the
 * way staff do it (a CSV through the import API), still on optical disk and never filed, so the rule
 * no_filing holds for them; their names and phones begin with = + @ so the export's escaping shows.
 */
const ours = [1, 2, 3, 4].map((n) => makeFacilityCode("13", "1", 97, 9900 + n));
const listCsv = [
  "医療機関コード,名称,請求方法,所在地,電話番号",
  `${ours[0]},"=HYPERLINK(""http://example.jp"",""x"")",光ディスク,東京都千代田区1-1,03-0000-0001`,
  `${ours[1]},@取り込み医院,光ディスク,東京都港区2-2,+81-3-0000-0002`,
  `${ours[2]},フォロー確認医院,光ディスク,東京都新宿区3-3,03-0000-0003`,
  `${ours[3]},連絡確認クリニック,光ディスク,東京都渋谷区4-4,03-0000-0004`,
].join("\r\n");

async function uploadOurFacilities(page: Page) {
  const res = await page.request.post("/api/v1/imports", {
    multipart: {
      kind: "facilities",
      file: { name: "follow-up-e2e.csv", mimeType: "text/csv", buffer: Buffer.from(listCsv, "utf8") },
    },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).rejected).toBe(0);
}

test("a Tokyo editor filters to one rule, assigns three, logs a call, prints a letter and downloads the list", async ({
  page,
}) => {
  await signIn(page, "tokyo@example.jp");
  await uploadOurFacilities(page);

  // The list, filtered to one rule: the URL carries the filter; every row has that alert; API agrees.
  await page.getByRole("link", { name: "フォローアップ" }).click();
  await expect(page).toHaveURL(/\/follow-ups/);
  await page.getByLabel("アラート").selectOption("no_filing");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/alert=no_filing/);
  const api = await (await page.request.get("/api/v1/follow-ups?alert=no_filing&pageSize=500")).json();
  expect(api.total).toBeGreaterThanOrEqual(4);
  expect(api.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(ours));
  expect(
    api.items.every(
      (i: { prefecture: string; alerts: { rule: string }[] }) =>
        i.prefecture === "13" && i.alerts.some((a) => a.rule === "no_filing"),
    ),
  ).toBe(true);
  const rows = page.getByTestId("follow-up-table").locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(api.total, 50));
  await expect(page.getByTestId("follow-up-table").locator('[data-rule="no_filing"]')).toHaveCount(
    Math.min(api.total, 50),
  );

  // Assign three of ours to myself with a next action date, in one go.
  const three = ours.slice(1, 4);
  for (const code of three) await page.getByLabel(`選択 ${code}`).check();
  await page.getByLabel("担当者に割り当て").selectOption({ label: "tokyo@example.jp" });
  await page.getByTestId("bulk-form").getByLabel("次回対応日").fill("2030-01-15");
  await page.getByRole("button", { name: "更新", exact: true }).click();
  await expect(page.getByTestId("bulk-status")).toHaveText("3 件を更新しました");
  await page.goto("/follow-ups?alert=no_filing&assignee=me");
  await expect(rows).toHaveCount(3);
  await expect(rows.locator("td:nth-child(2)")).toHaveText(three);
  await expect(rows.first()).toContainText("tokyo@example.jp");
  await expect(rows.first()).toContainText("2030-01-15");

  // Log a call on the first one; it shows on the facility page and stays after a reload.
  await page.getByRole("link", { name: three[0] }).click();
  await expect(page).toHaveURL(new RegExp(`/facilities/${three[0]}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("@取り込み医院");
  await expect(page.getByTestId("facility-alerts")).toContainText("猶予未届出");
  const form = page.getByTestId("contact-form");
  await form.getByLabel("方法").selectOption("phone");
  await form.getByLabel("結果").selectOption("promised");
  await form.getByLabel("約束の期日").fill("2030-01-31");
  await form.getByLabel("次回対応日").fill("2030-02-01");
  await form.getByLabel("メモ").fill("院長と話した。1月末までに届出予定");
  await form.getByRole("button", { name: "連絡を記録" }).click();
  await expect(form.getByRole("status")).toHaveText("保存しました");
  await page.reload();
  const log = page.getByTestId("contact-log").locator("tbody tr");
  await expect(log).toHaveCount(1);
  await expect(log.first()).toContainText("電話");
  await expect(log.first()).toContainText("期日の約束あり");
  await expect(log.first()).toContainText("院長と話した。1月末までに届出予定");
  await expect(log.first()).toContainText("tokyo@example.jp");
  // The contact's next action date becomes the facility's next action on the list.
  await expect(page.getByTestId("follow-up-form").getByLabel("次回対応日")).toHaveValue("2030-02-01");
  const detail = await (await page.request.get(`/api/v1/facilities/${three[0]}`)).json();
  expect(detail.contacts).toHaveLength(1);
  expect(detail.followUp).toMatchObject({ assignee: "tokyo@example.jp", nextActionOn: "2030-02-01" });

  // A letter for it: Japanese, dates in 和暦, its address.
  await page.getByRole("link", { name: "督促状を印刷" }).click();
  await expect(page).toHaveURL(new RegExp(`/follow-ups/letters\\?codes=${three[0]}`));
  const letter = page.getByTestId("letter");
  await expect(letter).toHaveCount(1);
  await expect(letter).toContainText("@取り込み医院 御中");
  await expect(letter).toContainText("東京都港区2-2");
  await expect(letter).toContainText(/令和\d+年\d+月\d+日/);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "印刷する" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // Download the filtered list: UTF-8 with BOM, one line per row, cells Excel would run are escaped.
  await page.goto("/follow-ups?alert=no_filing");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV（UTF-8）" }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  expect(lines[0].split(",")[0]).toBe("医療機関コード");
  expect(lines).toHaveLength(1 + api.total);
  expect(lines.find((l) => l.startsWith(ours[0]))).toContain(`"'=HYPERLINK(""http://example.jp"",""x"")"`);
  expect(lines.find((l) => l.startsWith(ours[1]))).toContain(",'@取り込み医院,");
  expect(lines.find((l) => l.startsWith(ours[1]))).toContain(",'+81-3-0000-0002,");

  // The same list in Shift_JIS, on request.
  const sjis = await page.request.get("/api/v1/export/follow-ups.csv?alert=no_filing&encoding=shift_jis");
  expect(sjis.headers()["content-type"]).toContain("Shift_JIS");
  const decoded = new TextDecoder("shift_jis", { fatal: true }).decode(await sjis.body());
  expect(decoded.trimEnd().split("\r\n")).toHaveLength(1 + api.total);
  expect(decoded).toContain("連絡確認クリニック");
});

test("outside Tokyo nothing is confirmed: facility page, API, list and exports; a viewer cannot log contacts", async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, "admin@example.jp");
  const osaka = (await (await admin.request.get("/api/v1/facilities?prefecture=27&pageSize=1")).json()).items[0]
    .code as string;
  expect(osaka).toMatch(/^27/);
  await admin.close();

  const page = await browser.newPage();
  await signIn(page, "tokyo@example.jp");
  expect((await page.goto(`/facilities/${osaka}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/facilities/${osaka}`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/facilities/2799999999`)).status()).toBe(404);
  expect((await (await page.request.get("/api/v1/follow-ups?prefecture=27")).json()).total).toBe(0);
  expect((await (await page.request.get("/api/v1/facilities?prefecture=27")).json()).total).toBe(0);
  const csv = (await (await page.request.get("/api/v1/export/facilities.csv?prefecture=27")).body()).toString("utf8");
  expect(csv.slice(1).trimEnd().split("\r\n")).toHaveLength(1);
  const all = (await (await page.request.get("/api/v1/export/facilities.csv")).body())
    .toString("utf8")
    .slice(1)
    .trimEnd()
    .split("\r\n");
  expect(all.slice(1).every((l) => l.startsWith("13"))).toBe(true);
  const letters = await page.goto(`/follow-ups/letters?codes=${osaka}`);
  expect(letters?.status()).toBe(200);
  await expect(page.getByTestId("letter")).toHaveCount(0);
  await page.close();

  const viewer = await browser.newPage();
  await signIn(viewer, "viewer@example.jp");
  await viewer.goto(`/facilities/${osaka}`);
  await expect(viewer.getByTestId("follow-up-readonly")).toBeVisible();
  await expect(viewer.getByTestId("contact-form")).toHaveCount(0);
  await viewer.goto("/follow-ups");
  await expect(viewer.getByLabel("担当者に割り当て")).toHaveCount(0);
  expect((await viewer.request.get("/api/v1/export/follow-ups.csv")).status()).toBe(200);
  expect((await viewer.request.get("/api/v1/follow-ups")).status()).toBe(200);
  await viewer.close();
});

test("the prefecture page lists its facilities, sorted and paged in the URL, and opens a facility", async ({
  page,
}) => {
  await signIn(page, "viewer@example.jp");
  await page.goto("/prefectures/13");
  const table = page.getByTestId("facility-table");
  const api = await (
    await page.request.get("/api/v1/facilities?prefecture=13&sort=name&dir=desc&pageSize=25&page=2")
  ).json();
  await table.getByRole("link", { name: "名称" }).click();
  await expect(page).toHaveURL(/fSort=name&fDir=asc/);
  await table.getByRole("link", { name: /名称/ }).click();
  await expect(page).toHaveURL(/fSort=name&fDir=desc/);
  await table.getByRole("link", { name: "次へ" }).click();
  await expect(page).toHaveURL(/fPage=2/);
  const codes = await table.locator("tbody tr td:first-child").allTextContents();
  expect(codes).toEqual(api.items.map((i: { code: string }) => i.code));
  await expect(page.getByTestId("facility-table-total")).toContainText(api.total.toLocaleString());
  await table.getByRole("link", { name: codes[0] }).click();
  await expect(page).toHaveURL(new RegExp(`/facilities/${codes[0]}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(api.items[0].name);
});
