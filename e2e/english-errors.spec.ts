import { expect, test, type Page } from "@playwright/test";
import iconv from "iconv-lite";
import { makeFacilityCode } from "../lib/facility-code";
import { signIn } from "./helpers";

// The server's refusals and a row's reasons reach an English user in English: they travel as codes and are
// put into words in the reader's language (the lang cookie), Japanese without it.

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

async function inEnglish(page: Page): Promise<void> {
  await page.context().addCookies([{ name: "lang", value: "en", url: page.url() }]);
}

function listWithBadRows(): Buffer {
  const lines = [
    "医療機関コード,医療機関名称,都道府県,所在地,請求方法",
    `${makeFacilityCode("13", "1", 49, 9981)},英語テスト診療所,東京都,千代田区,光ディスク`,
    `${makeFacilityCode("27", "1", 49, 9981)},大阪英語テスト医院,大阪府,大阪市北区,光ディスク`,
    "1312345678,誤りのあるコード,東京都,,",
  ];
  return iconv.encode(lines.join("\r\n") + "\r\n", "cp932");
}

test("English: an import preview gives each rejected row's reason in English, and so does its errors CSV", async ({
  page,
}) => {
  await signIn(page, "tokyo@example.jp");
  await inEnglish(page);
  await page.goto("/imports");
  await page.getByLabel("Kind").selectOption("facilities");
  await page.getByLabel("File").setInputFiles({ name: "english.csv", mimeType: "text/csv", buffer: listWithBadRows() });
  await page.getByRole("button", { name: /^Preview/ }).click();

  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  const reasons = preview.locator(".import-errors tbody td.reason");
  await expect(reasons).toHaveCount(2);
  await expect(reasons.nth(0)).toHaveText("A facility outside your prefectures (not imported)");
  await expect(reasons.nth(1)).toHaveText(/^The check digit does not match/);
  for (const reason of await reasons.allInnerTexts()) expect(reason).not.toMatch(JAPANESE);

  const href = await preview.getByRole("link", { name: "Download the rejected rows as CSV" }).getAttribute("href");
  const csv = await (await page.request.get(href!)).text();
  const rows = csv.trim().split("\r\n").slice(1);
  expect(rows).toHaveLength(2);
  expect(rows.join("\n")).toContain("A facility outside your prefectures (not imported)");
  for (const row of rows) expect(row.split(",").at(-1)).not.toMatch(JAPANESE);

  // The same batch's CSV for a Japanese reader keeps the Japanese reasons.
  await page.context().clearCookies({ name: "lang" });
  expect(await (await page.request.get(href!)).text()).toContain("担当外の都道府県の施設です");
});

test("English: the import API answers a refused file with its code and an English message", async ({ page }) => {
  await signIn(page, "admin@example.jp");
  const bad = {
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x81, 0x00, 0x85]),
  };
  const japanese = await page.request.post("/api/v1/imports", { multipart: { kind: "facilities", file: bad } });
  expect(japanese.status()).toBe(422);
  expect(await japanese.json()).toMatchObject({ error: "undecodable", code: "import.file.undecodable" });
  expect((await japanese.json()).message).toMatch(/^文字コードを判別できません/);

  await inEnglish(page);
  const english = await page.request.post("/api/v1/imports", { multipart: { kind: "facilities", file: bad } });
  expect(english.status()).toBe(422);
  const body = await english.json();
  expect(body).toMatchObject({ error: "undecodable", code: "import.file.undecodable" });
  expect(body.message).toMatch(/^The file is neither UTF-8 nor Shift_JIS/);

  const noKind = await page.request.post("/api/v1/imports", { multipart: { file: bad } });
  expect(noKind.status()).toBe(400);
  expect(await noKind.json()).toMatchObject({ error: "invalid_form", code: "import.invalidForm" });
});

test("English: a server action's form errors (password policy, a taken e-mail) read in English", async ({ page }) => {
  await signIn(page, "admin@example.jp");
  await inEnglish(page);
  await page.goto("/admin/users/new");
  const fillAndCreate = async (email: string, password: string) => {
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Name", { exact: true }).fill("English Test");
    await page.getByRole("radio", { name: "National" }).check();
    await page.getByLabel(/Temporary password/).fill(password);
    await page.getByRole("button", { name: "Create" }).click();
  };
  await fillAndCreate(`english-${Date.now().toString(36)}@example.jp`, "Password2024!");
  const alert = page.locator(".error[role=alert]");
  await expect(alert).toContainText("Common passwords and simple sequences are not allowed.");
  await expect(alert).not.toHaveText(JAPANESE);

  await fillAndCreate("viewer@example.jp", "Kari-Pasu-2468-fx");
  await expect(alert).toContainText("This e-mail address is already registered.");
  await expect(alert).not.toHaveText(JAPANESE);
});
