import { expect, type Page } from "@playwright/test";

export const PASSWORD = process.env.E2E_PASSWORD || "e2e-Password-1";

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "サインイン" }).click();
  // The first page after signing in may be the server's first render of the dashboard (cold): allow for it.
  await expect(page.getByTestId("who")).toContainText(email, { timeout: 15_000 });
}

/** "12,345" → 12345 */
export function parseCount(text: string | null): number {
  return Number((text ?? "").replace(/[^\d]/g, ""));
}
