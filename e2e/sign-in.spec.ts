import { expect, test } from "@playwright/test";
import { PASSWORD, signIn } from "./helpers";

test("a signed-out visitor is sent to the Japanese sign-in page and back after signing in", async ({ page }) => {
  await page.goto("/?asOf=2024-01-31");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "オンライン請求移行トラッカー" })).toBeVisible();
  await page.getByLabel("メールアドレス").fill("viewer@example.jp");
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page).toHaveURL(/asOf=2024-01-31/);
  await expect(page.getByText("基準日 2024-01-31")).toBeVisible();
});

test("a wrong password is refused with a message that does not say whether the e-mail exists", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill("admin@example.jp");
  await page.getByLabel("パスワード").fill("not-the-password");
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "メール" })).toHaveText(
    "メールアドレスまたはパスワードが正しくありません。",
  );
  await page.getByLabel("メールアドレス").fill("nobody@example.jp");
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "メール" })).toHaveText(
    "メールアドレスまたはパスワードが正しくありません。",
  );
  await expect(page).toHaveURL(/\/login/);
});

test("the sign-in page switches to English", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("E-mail")).toBeVisible();
});

test("signed-out API calls get 401 and reveal nothing", async ({ request }) => {
  const res = await request.get("/api/v1/progress?groupBy=prefecture");
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: "unauthorized" });
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "admin@example.jp");
  await page.getByRole("button", { name: "サインアウト" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/progress")).status()).toBe(401);
});
