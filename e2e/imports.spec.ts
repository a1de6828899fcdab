import { expect, test } from "@playwright/test";
import iconv from "iconv-lite";
import { makeFacilityCode } from "../lib/facility-code";
import { parseCount, signIn } from "./helpers";

// Codes far above what the seed hands out in Tokyo (district 49, numbers 9991–9993).
const tokyo = [9991, 9992, 9993].map((n) => makeFacilityCode("13", "1", 49, n));
const osaka = makeFacilityCode("27", "1", 49, 9991);

function shiftJisList(): Buffer {
  const lines = [
    "医療機関コード,医療機関名称,都道府県,所在地,請求方法",
    ...tokyo.map((code, i) => `${code},㈱髙﨑①テスト診療所${i + 1},東京都,"東京都千代田区1-${i + 1}, 2F",光ディスク`),
    `${osaka},大阪テスト医院,大阪府,大阪市北区,光ディスク`,
    "1312345678,誤りのあるコード,東京都,,",
  ];
  return iconv.encode(lines.join("\r\n") + "\r\n", "cp932");
}

/**
 * A list over 2 MB, so that the server reads it in a thread of its own (db/import/read.ts): 30,000 Tokyo
 * facilities (codes in districts 60–62, which the seed leaves free), a bad code, an unknown prefecture, a
 * name left empty and a duplicate near the top, and 1,000 Osaka facilities at the end.
 */
function largeShiftJisList(): Buffer {
  const tokyoCodes = Array.from({ length: 30_000 }, (_, i) =>
    makeFacilityCode("13", "1", 60 + Math.floor(i / 10_000), i % 10_000),
  );
  const lines = [
    "医療機関コード,医療機関名称,都道府県,所在地,請求方法",
    "1312345678,誤りのあるコード,東京都,,",
    `${tokyoCodes[0]},火星の診療所,火星県,,光ディスク`,
    `${tokyoCodes[1]},,東京都,,光ディスク`,
    ...tokyoCodes.map((code, i) => `${code},髙﨑テスト診療所${i},東京都,"東京都千代田区千代田${i}番地, 2F",光ディスク`),
    `${tokyoCodes[2]},重複した行,東京都,,光ディスク`,
    ...Array.from({ length: 1_000 }, (_, i) => `${makeFacilityCode("27", "1", 60, i)},大阪テスト医院${i},大阪府,,紙`),
  ];
  return iconv.encode(lines.join("\r\n") + "\r\n", "cp932");
}

const count = (scope: import("@playwright/test").Locator, key: string) =>
  scope.getByTestId(`count-${key}`).locator("dd");

test("a Tokyo editor uploads a Shift_JIS list, checks the preview, confirms, and the dashboard changes", async ({
  page,
}) => {
  await signIn(page, "tokyo@example.jp");
  const before = parseCount(await page.getByTestId("facility-total").textContent());
  await page.getByRole("link", { name: "取り込み" }).click();
  await expect(page).toHaveURL(/\/imports$/);

  await page.getByLabel("種類").selectOption("facilities");
  await page
    .getByLabel("ファイル")
    .setInputFiles({ name: "施設一覧.csv", mimeType: "text/csv", buffer: shiftJisList() });
  await page.getByRole("button", { name: /内容を確認/ }).click();

  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(count(preview, "encoding")).toHaveText("Shift_JIS");
  await expect(count(preview, "rows")).toHaveText("5");
  await expect(count(preview, "inserted")).toHaveText("3");
  await expect(count(preview, "rejected")).toHaveText("2");
  await expect(preview.locator(".import-errors tbody tr")).toHaveCount(2);
  await expect(preview).toContainText("担当外");
  await expect(preview).toContainText("検証番号");
  await preview.getByText("見出しの対応").click();
  await expect(preview).toContainText("医療機関名称");

  // The preview wrote nothing.
  const api = await page.request.get("/api/v1/progress");
  expect((await api.json()).total).toBe(before);

  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  const done = page.getByTestId("import-done");
  await expect(done).toBeVisible();
  await expect(count(done, "inserted")).toHaveText("3");

  const download = page.waitForEvent("download");
  await done.getByRole("link", { name: /CSV でダウンロード/ }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.trim().split("\r\n")).toHaveLength(3);

  await done.getByRole("link", { name: "ダッシュボードを見る" }).click();
  await expect(page.getByTestId("facility-total")).toHaveText((before + 3).toLocaleString("ja-JP"));

  await page.goto("/imports/history");
  const latest = page.getByTestId("import-history").locator("tbody tr").first();
  await expect(latest).toContainText("施設一覧.csv");
  await expect(latest).toContainText("完了");
});

test("a viewer cannot reach the upload page or the API, and a signed-out upload gets 401", async ({
  page,
  playwright,
}) => {
  const file = { name: "x.csv", mimeType: "text/csv", buffer: shiftJisList() };
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const signedOut = await anonymous.post("/api/v1/imports", {
    multipart: { kind: "facilities", dryRun: "true", file },
  });
  expect(signedOut.status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, "viewer@example.jp");
  await expect(page.getByRole("link", { name: "取り込み" })).toHaveCount(0);
  await page.goto("/imports");
  await expect(page).toHaveURL(/\/forbidden/);
  const asViewer = await page.request.post("/api/v1/imports", {
    multipart: { kind: "facilities", dryRun: "true", file },
  });
  expect(asViewer.status()).toBe(403);
  const errors = await page.request.get("/api/v1/imports/1/errors.csv");
  expect(errors.status()).toBe(403);
});

test("the API takes a multipart upload: the contract's summary, and a refused file with its reason", async ({
  page,
}) => {
  await signIn(page, "admin@example.jp");
  const res = await page.request.post("/api/v1/imports", {
    multipart: {
      file: { name: "list.csv", mimeType: "text/csv", buffer: shiftJisList() },
      kind: "facilities",
      dryRun: "true",
    },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(Object.keys(body)).toEqual([
    "kind",
    "file",
    "encoding",
    "rows",
    "inserted",
    "updated",
    "unchanged",
    "rejected",
    "dryRun",
    "errors",
    "errorsOmitted",
  ]);
  expect(body).toMatchObject({
    kind: "facilities",
    file: "list.csv",
    encoding: "shift_jis",
    rows: 5,
    dryRun: true,
    rejected: 1,
  });
  const refused = await page.request.post("/api/v1/imports", {
    multipart: {
      kind: "facilities",
      file: { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x81, 0x00, 0x85]) },
    },
  });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ error: "undecodable" });
  const noKind = await page.request.post("/api/v1/imports", {
    multipart: { file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("a") } },
  });
  expect(noKind.status()).toBe(400);
  const crossOrigin = await page.request.post("/api/v1/imports", {
    headers: { origin: "https://evil.example" },
    multipart: { kind: "facilities", file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("a") } },
  });
  expect(crossOrigin.status()).toBe(403);
});

test("a list large enough for a reader thread of its own: the same checks and counts through the built server", async ({
  page,
}) => {
  const buffer = largeShiftJisList();
  expect(buffer.length).toBeGreaterThan(2 << 20);
  await signIn(page, "tokyo@example.jp");
  const res = await page.request.post("/api/v1/imports", {
    multipart: { kind: "facilities", dryRun: "true", file: { name: "large.csv", mimeType: "text/csv", buffer } },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({
    encoding: "shift_jis",
    rows: 31_004,
    inserted: 30_000,
    rejected: 1_004,
    errorsOmitted: 4,
    dryRun: true,
  });
  expect(body.errors.slice(0, 4).map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
    [2, "import.row.badCode"],
    [3, "import.row.unknownPrefecture"],
    [4, "import.row.required"],
    [30_005, "import.row.duplicate"],
  ]);
  expect(body.errors[4]).toMatchObject({ row: 30_006, code: "import.row.outsideScope" });
});
