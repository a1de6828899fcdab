import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const stamp = Date.now().toString(36);
const osakaEmail = `osaka-${stamp}@example.jp`;
const TEMP = "Kari-Pasu-2468-fx";
const OWN = "Umeda-no-sora-9753";

async function createUser(admin: Page, email: string, password: string, prefectures: string) {
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "ユーザーを追加" }).click();
  await admin.getByLabel("メールアドレス").fill(email);
  await admin.getByLabel("氏名").fill("大阪 三郎");
  await admin.getByLabel("権限").selectOption("editor");
  await admin.getByLabel("都道府県を指定").check();
  await admin.getByLabel(/都道府県コード/).fill(prefectures);
  await admin.getByLabel(/仮パスワード/).fill(password);
  await admin.getByRole("button", { name: "作成する" }).click();
}

test("an admin creates an Osaka user who sees only Osaka, disables them, and the audit log shows each step", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@example.jp");
  await expect(page.getByRole("link", { name: "管理：ユーザー" })).toBeVisible();

  // A weak temporary password is refused and nobody is created.
  await createUser(page, osakaEmail, "Password2024!", "27");
  await expect(page.locator(".error[role=alert]")).toContainText("よく使われるパスワード");
  await page.goto("/admin/users");
  await expect(page.getByTestId("users")).not.toContainText(osakaEmail);

  await createUser(page, osakaEmail, TEMP, "27");
  await expect(page.getByRole("status").filter({ hasText: "ユーザーを作成しました" })).toBeVisible();
  const userUrl = page.url();

  // The new user signs in in a browser of their own and must choose a password first.
  const context = await browser.newContext();
  const user = await context.newPage();
  await signIn(user, osakaEmail, TEMP);
  await expect(user).toHaveURL(/\/account\/password/);
  await expect(user.getByTestId("must-change")).toBeVisible();
  expect((await user.request.get("/api/v1/progress")).status()).toBe(403);
  await user.goto("/follow-ups");
  await expect(user).toHaveURL(/\/account\/password/);
  await user.getByLabel("現在のパスワード").fill(TEMP);
  await user.getByLabel("新しいパスワード", { exact: true }).fill(OWN);
  await user.getByLabel("新しいパスワード（確認）").fill(OWN);
  await user.getByRole("button", { name: "変更する" }).click();
  await expect(user).toHaveURL(/\/login\?changed=1/);
  await expect(user.getByText("パスワードを変更しました")).toBeVisible();

  await signIn(user, osakaEmail, OWN);
  await expect(user.getByTestId("who")).toContainText("大阪府");
  const progress = await (await user.request.get("/api/v1/progress?groupBy=prefecture")).json();
  expect(progress.groups.map((g: { key: string }) => g.key)).toEqual(["27"]);
  expect(progress.total).toBeGreaterThan(0);
  const tokyoList = await (await user.request.get("/api/v1/facilities?prefecture=13")).json();
  expect(tokyoList.total).toBe(0);
  expect((await user.goto("/prefectures/13"))?.status()).toBe(404);

  // The admin disables them; their very next request is refused.
  await page.goto(userUrl);
  await page.getByLabel(/このユーザーを無効にする/).check();
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "保存しました" })).toBeVisible();
  expect((await user.request.get("/api/v1/progress")).status()).toBe(401);
  await user.goto("/");
  await expect(user).toHaveURL(/\/login/);
  await context.close();

  // The audit log has every step, searchable by the user's address.
  await page.goto(`/admin/audit?q=${encodeURIComponent(osakaEmail)}`);
  const actions = await page
    .getByTestId("audit-log")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  for (const action of ["user.create", "sign_in", "user.password_change", "user.disable"])
    expect(actions).toContain(action);
  expect(actions.filter((a) => a === "sign_in").length).toBe(2);
  await expect(page.getByTestId("audit-log")).toContainText("admin@example.jp");
});

test("an admin cannot change their own role, scope or disabled flag", async ({ page }) => {
  await signIn(page, "admin@example.jp");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "編集 admin@example.jp" }).click();
  await expect(page.getByLabel("権限")).toBeDisabled();
  await expect(page.getByLabel(/このユーザーを無効にする/)).toBeDisabled();
  await expect(page.getByRole("heading", { name: "パスワードの再設定" })).toHaveCount(0);
});

test("viewers and editors cannot open the administration pages or the audit export", async ({ page }) => {
  for (const email of ["viewer@example.jp", "tokyo@example.jp"]) {
    await signIn(page, email);
    await expect(page.getByRole("link", { name: /管理/ })).toHaveCount(0);
    for (const path of ["/admin/users", "/admin/users/new", "/admin/audit"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "この操作を行う権限がありません。" })).toBeVisible();
    }
    expect((await page.request.get("/api/v1/export/audit.csv")).status()).toBe(403);
    await page.goto("/");
    await page.getByRole("button", { name: "サインアウト" }).click();
    await expect(page).toHaveURL(/\/login/);
  }
  await signIn(page, "admin@example.jp");
  await page.goto("/admin/audit?action=sign_out&q=tokyo%40example.jp");
  await expect(page.getByTestId("audit-log").locator("tbody tr").first()).toContainText("tokyo@example.jp");
});

test(
  "after five wrong passwords an account is closed for a " +
    "while with a clear message, the same for an unknown e-mail",
  async ({ page, browser }) => {
    const lockedEmail = `locked-${stamp}@example.jp`;
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, "admin@example.jp");
    await createUser(admin, lockedEmail, TEMP, "13");
    await expect(admin.getByRole("status").filter({ hasText: "ユーザーを作成しました" })).toBeVisible();
    await admin.context().close();

    for (const email of [`nobody-${stamp}@example.jp`, lockedEmail]) {
      await page.goto("/login");
      await page.getByLabel("メールアドレス").fill(email);
      for (let i = 0; i < 5; i++) {
        await page.getByLabel("パスワード").fill(`wrong-password-${i}`);
        await page.getByRole("button", { name: "サインイン" }).click();
        await expect(page.locator(".error[role=alert]")).toHaveText(
          "メールアドレスまたはパスワードが正しくありません。",
        );
      }
      // Even the right password is refused now.
      await page.getByLabel("パスワード").fill(email === lockedEmail ? TEMP : "wrong-again-1");
      await page.getByRole("button", { name: "サインイン" }).click();
      await expect(page.locator(".error[role=alert]")).toContainText("サインインの試行が多すぎます");
      await expect(page).toHaveURL(/\/login/);
    }
  },
);

test("the audit log exports as Excel-safe CSV, and the export is itself recorded", async ({ page }) => {
  // A failed sign-in typed as a spreadsheet formula lands in the log as text.
  const formula = `=1+2-${stamp}@example.jp`;
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(formula);
  await page.getByLabel("パスワード").fill("wrong-password-x");
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page.locator(".error[role=alert]")).toBeVisible();

  await signIn(page, "admin@example.jp");
  const res = await page.request.get(`/api/v1/export/audit.csv?q=${encodeURIComponent(stamp)}`);
  expect(res.status()).toBe(200);
  const text = (await res.body()).toString("utf8");
  expect(text.startsWith("\uFEFF日時,実行者,接続元,操作,対象,内容")).toBe(true);
  expect(text).toContain(`,'${formula},`);
  expect(text.split("\r\n").some((line) => /(^|,)[=+\-@]/.test(line))).toBe(false);
  await page.goto("/admin/audit?action=export");
  await expect(page.getByTestId("audit-log")).toContainText("audit.csv");
});
