import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseCount, signIn } from "./helpers";
import { makeFacilityCode } from "../lib/facility-code";
import { addDays, todayIso } from "../lib/dates";
import { certificateExpiry } from "../lib/certificates";

/**
 * The guidance's real cases on the follow-up list, API and CSV, under scope. A Tokyo editor uploads seven
 * facilities and their payer records the way staff do (CSV through the import API), each one a case the
 * first nine rules missed, then finds each under its own rule; Osaka's are never shown to her.
 */
const today = todayIso();
const code = (n: number) => makeFacilityCode("13", "1", 96, 9800 + n);
const C = {
  newOnDisk: code(1),
  appliedNoFiling: code(2),
  expiring: code(3),
  expired: code(4),
  regressed: code(5),
  shared: code(6),
  outsourcedA: code(7),
  outsourcedB: code(8),
};
const expiringIssued = addDays(today, -3 * 365 + 30);
const facilitiesCsv = [
  "医療機関コード,名称,請求方法,開設日,オンライン資格確認端末共用",
  `${C.newOnDisk},新規開設クリニック,光ディスク,2024-06-01,`,
  `${C.appliedNoFiling},申請済医院,光ディスク,,`,
  `${C.expiring},証明書更新前医院,オンライン,,`,
  `${C.expired},証明書切れ医院,オンライン,,`,
  `${C.regressed},後退医院,オンライン,,`,
  `${C.shared},端末共用医院,光ディスク,,有`,
  `${C.outsourcedA},委託先確認医院,光ディスク,,`,
  `${C.outsourcedB},委託先確認歯科,光ディスク,,`,
].join("\r\n");
// Two filings naming one contractor, spelled two ways (⑥ア), deferred to 30 Sep 2026: ended by now.
const filingsCsv = [
  "医療機関コード,届出日,継続希望期間,理由,委託先名,体制整備予定,ネットワーク,利用申請,電子証明書申請",
  `${C.outsourcedA},2025-08-20,2026-09-30,ア,株式会社テスト医事サービス,ウ,ウ,未,未`,
  `${C.outsourcedB},2025-08-21,2026-09-30,ア,テスト医事サービス（株）,ウ,ウ,未,未`,
].join("\r\n");
const recordsCsv = [
  "医療機関コード,状態,日付,備考,端末番号,証明書申請日,証明書発行日,証明書有効期限",
  `${C.appliedNoFiling},利用申請,2024-06-10,,,,,`,
  `${C.expiring},,,,1,,${expiringIssued},`,
  `${C.expired},,,,1,2022-12-20,2023-01-10,`,
  `${C.regressed},光ディスク,${addDays(today, -10)},回線障害のため光ディスク等で請求,,,,`,
  `${C.shared},利用申請,2025-04-01,,,,,`,
].join("\r\n");

async function upload(page: Page, kind: string, csv: string) {
  const res = await page.request.post("/api/v1/imports", {
    multipart: { kind, file: { name: `guidance-${kind}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).rejected).toBe(0);
}

type Item = {
  code: string;
  prefecture: string;
  alerts: { rule: string; dueOn: string; message: string | { ja: string } }[];
};
async function listed(page: Page, rule: string, extra = ""): Promise<{ total: number; items: Item[] }> {
  const res = await page.request.get(`/api/v1/follow-ups?alert=${rule}&pageSize=500${extra}`);
  expect(res.status()).toBe(200);
  return res.json();
}

test.describe.configure({ mode: "serial" });

test("each of the guidance's cases raises its own rule on the list, the API and the CSV, within Tokyo", async ({
  page,
}) => {
  await signIn(page, "tokyo@example.jp");
  await upload(page, "facilities", facilitiesCsv);
  await upload(page, "events", recordsCsv);
  await upload(page, "filings", filingsCsv);

  // A promise logged on the facility page that has passed.
  await page.goto(`/facilities/${C.appliedNoFiling}`);
  const form = page.getByTestId("contact-form");
  await form.getByLabel("連絡日").fill(addDays(today, -20));
  await form.getByLabel("結果").selectOption("promised");
  await form.getByLabel("約束の期日").fill(addDays(today, -5));
  await form.getByLabel("メモ").fill("念のための届出をお願いした");
  await form.getByRole("button", { name: "連絡を記録" }).click();
  await expect(form.getByRole("status")).toHaveText("保存しました");

  const expected: [string, string, RegExp][] = [
    ["new_on_disk", C.newOnDisk, /2024年6月1日開設/],
    ["no_filing", C.appliedNoFiling, /念のため/],
    ["promise_missed", C.appliedNoFiling, /約束した期日/],
    ["certificate_expiring", C.expiring, /更新の申請がありません/],
    ["certificate_expired", C.expired, /有効期限（2026年1月9日）が切れています/],
    ["regression", C.regressed, /オンライン請求から後退/],
    ["start_missed", C.shared, /オンライン資格確認端末を共用/],
  ];
  for (const [rule, ours, message] of expected) {
    const api = await listed(page, rule);
    const item = api.items.find((i) => i.code === ours);
    expect(item, `${rule} lists ${ours}`).toBeDefined();
    expect(api.items.every((i) => i.prefecture === "13" && i.alerts.some((a) => a.rule === rule))).toBe(true);
    const alert = item!.alerts.find((a) => a.rule === rule)!;
    expect(JSON.stringify(alert.message)).toMatch(message);
    // Osaka asked for by a Tokyo editor: nothing.
    expect((await listed(page, rule, "&prefecture=27")).total).toBe(0);
    // The CSV with the same filter carries the facility and the rule's name.
    const csv = await (await page.request.get(`/api/v1/export/follow-ups.csv?alert=${rule}`)).text();
    expect(csv).toContain(ours);
  }
  // No contradictions: the new facility is not told it never filed; the regressed one not that it never started.
  const newOne = (await listed(page, "new_on_disk")).items.find((i) => i.code === C.newOnDisk)!;
  expect(newOne.alerts.map((a) => a.rule)).not.toContain("no_filing");
  const back = (await listed(page, "regression")).items.find((i) => i.code === C.regressed)!;
  expect(back.alerts.map((a) => a.rule)).not.toContain("start_missed");

  // On the page, filtered to a new rule; the facility page shows the certificate.
  await page.goto("/follow-ups?alert=certificate_expired");
  await expect(page.getByTestId("follow-up-table")).toContainText(C.expired);
  await page.goto(`/facilities/${C.expiring}`);
  await expect(page.getByTestId("certificates")).toContainText(certificateExpiry(expiringIssued, 3));
  await expect(page.getByTestId("facility-alerts")).toContainText("電子証明書期限間近");
});

test(
  "the overview's renewal and regression figures open " + "lists of exactly that many, and Tokyo sees only Tokyo",
  async ({ page }) => {
    await signIn(page, "tokyo@example.jp");
    const panel = page.getByTestId("watch-panel");
    await expect(panel).toBeVisible();
    const expired = panel.getByTestId("certificates-by-month").getByRole("link").last();
    const figure = parseCount(await expired.textContent());
    expect(figure).toBeGreaterThan(0);
    await expired.click();
    await expect(page).toHaveURL(/alert=certificate_expired/);
    const api = await listed(page, "certificate_expired");
    expect(api.total).toBe(figure);

    await page.goto("/");
    const since = parseCount(await page.getByTestId("regression-counts").getByRole("link").nth(1).textContent());
    await page.getByTestId("regression-counts").getByRole("link").nth(1).click();
    await expect(page).toHaveURL(/\/regressions/);
    const rows = page.getByTestId("regressions").locator("tbody tr");
    await expect(rows).toHaveCount(Math.min(since, 500));
    await expect(page.getByTestId("regressions")).toContainText(C.regressed);
    await expect(page.getByTestId("regressions")).toContainText("回線障害のため光ディスク等で請求");
    await page.goto("/regressions?prefecture=27");
    await expect(page.getByTestId("regressions").locator("tbody tr")).toHaveCount(0);
  },
);

test("grouped by contractor, a Tokyo editor assigns one contractor's facilities to herself in one go", async ({
  page,
}) => {
  await signIn(page, "tokyo@example.jp");
  await page.goto("/follow-ups?view=contractors");
  // Both spellings of the contractor fall into one group.
  const first = page.getByTestId("contractor-groups").locator("tbody tr", { hasText: "テスト医事サービス" });
  await expect(first).toHaveCount(1);
  const count = parseCount(await first.getByRole("link").textContent());
  expect(count).toBe(2);
  const link = await first.getByRole("link").getAttribute("href");
  const contractor = new URLSearchParams(link!.split("?")[1]).get("contractor")!;
  await first.locator("select").selectOption({ label: "tokyo@example.jp" });
  await first.getByRole("button", { name: "割り当て" }).click();
  await expect(page.getByRole("status")).toContainText(`${count} 件を割り当てました`);
  const api = await (
    await page.request.get(`/api/v1/follow-ups?contractor=${encodeURIComponent(contractor)}&pageSize=500`)
  ).json();
  expect(api.total).toBe(count);
  expect(
    api.items.every(
      (i: { assignee: string; prefecture: string }) => i.assignee === "tokyo@example.jp" && i.prefecture === "13",
    ),
  ).toBe(true);
});

test("a national viewer sees the new rules across prefectures and cannot assign", async ({ page }) => {
  await signIn(page, "viewer@example.jp");
  const api = await listed(page, "certificate_expiring");
  expect(new Set(api.items.map((i) => i.prefecture)).size).toBeGreaterThan(1);
  await page.goto("/follow-ups?view=contractors");
  await expect(page.getByTestId("contractor-groups")).toBeVisible();
  await expect(page.getByTestId("contractor-groups").getByRole("button", { name: "割り当て" })).toHaveCount(0);
});

test(
  "letters: the office's sender and the facility's deadline, " +
    "and printing a batch leaves a letter in the contact log",
  async ({ page }) => {
    await signIn(page, "tokyo@example.jp");
    await page.goto(`/follow-ups/letters?codes=${C.newOnDisk},${C.expired}`);
    await expect(page.getByTestId("letter")).toHaveCount(2);
    await expect(page.getByTestId("letter-deadline").first()).toContainText("令和");
    await page.getByRole("button", { name: "送付を記録して印刷する" }).click();
    await expect(page.getByTestId("letters-status")).toHaveText("2 件の送付を連絡記録に残しました");
    await page.goto(`/facilities/${C.newOnDisk}`);
    await expect(page.getByTestId("contact-log")).toContainText("督促状を送付");
    await expect(page.getByTestId("contact-log")).toContainText("文書");
  },
);

test(
  "letters with form 1: each letter is followed by a pre-filled 様式第1号 page, " +
    "one A4 pair per facility, never Osaka's",
  async ({ page, browser }, testInfo) => {
    const adminContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const admin = await adminContext.newPage();
    await signIn(admin, "admin@example.jp");
    const osaka = (
      (await (await admin.request.get("/api/v1/facilities?prefecture=27&pageSize=1")).json()).items[0] as {
        code: string;
      }
    ).code;
    await adminContext.close();
    await signIn(page, "tokyo@example.jp");
    await page.goto(`/follow-ups/letters?codes=${C.outsourcedA},${C.newOnDisk},${osaka}`);
    await expect(page.getByTestId("form1")).toHaveCount(0);
    await page.getByTestId("form1-option").check();
    await page.getByRole("button", { name: "表示", exact: true }).click();
    await expect(page).toHaveURL(/form=1/);
    // Osaka's code is refused: two letters, two forms, in letter–form order.
    await expect(page.getByTestId("letter")).toHaveCount(2);
    const forms = page.getByTestId("form1");
    await expect(forms).toHaveCount(2);
    expect(
      await page.locator("main article").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid"))),
    ).toEqual(["letter", "form1", "letter", "form1"]);
    await expect(page.locator(`[data-code="${osaka}"]`)).toHaveCount(0);
    // ①–④ from the facility record; the rest left to tick.
    const first = forms.first();
    await expect(first.getByTestId("form1-name")).toHaveText("委託先確認医院");
    await expect(first.getByTestId("form1-code")).toHaveText(C.outsourcedA);
    await expect(first.getByTestId("form1-prefecture")).toHaveText("東京都");
    expect(await first.locator(".form1-box").count()).toBeGreaterThan(15);
    await page.screenshot({ path: testInfo.outputPath("letters-form1-1440.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath("letters-form1-390.png"), fullPage: true });
    // Printed: A4 portrait, exactly one page per letter and one per form, each form whole on its page.
    await page.emulateMedia({ media: "print" });
    const file = testInfo.outputPath("letters-form1.pdf");
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync("pdfinfo", [file]).toString();
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts/ /* A4 portrait */);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(4);
    const pages = execFileSync("pdftotext", ["-layout", file, "-"]).toString().split("\f");
    for (const [i, code] of [
      [1, C.outsourcedA],
      [3, C.newOnDisk],
    ] as const) {
      expect(pages[i], `page ${i + 1}`).toContain("様式第1号");
      expect(pages[i].replace(/\s/g, ""), `page ${i + 1}`).toContain(code); // the code is letter-spaced
      expect(pages[i], `page ${i + 1}`).toContain("⑪");
      expect(pages[i - 1], `page ${i}`).not.toContain("様式第1号");
    }
    expect(pages.join("")).not.toContain(osaka);
  },
);

test("an import preview lists per facility what would change, with repaired codes, and writes nothing", async ({
  page,
}) => {
  await signIn(page, "tokyo@example.jp");
  const csv = [
    "医療機関コード,状態,日付",
    `${C.newOnDisk},利用申請,${addDays(today, -3)}`,
    `${C.outsourcedA.replace(/(\d{2})(\d)/, "$1-$2")},廃止,${addDays(today, -1)}`,
  ].join("\r\n");
  await page.goto("/imports");
  await page.getByLabel("種類").selectOption("events");
  await page
    .getByLabel("ファイル")
    .setInputFiles({ name: "records.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: /内容を確認/ }).click();
  const diff = page.getByTestId("import-diff");
  await expect(diff.getByTestId("diff-forward")).toContainText("1");
  await expect(diff.getByTestId("diff-closed")).toContainText("1");
  await expect(diff.getByTestId("diff-repaired")).toContainText("1");
  const href = await diff.getByRole("link", { name: "変更内容をCSVで保存" }).getAttribute("href");
  const body = await (await page.request.get(href!)).text();
  expect(body).toContain("区切り（ハイフン・空白）を除きました");
  expect(body).toContain(C.outsourcedA);
  // Nothing written: the facility is still where it was.
  const detail = await (await page.request.get(`/api/v1/facilities/${C.outsourcedA}`)).json();
  expect(detail.facility?.status ?? detail.status).not.toBe("closed");
});
