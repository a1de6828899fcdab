import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { BASE } from "./tamper-callers";
import { PASSWORD } from "./helpers";

/**
 * Sessions that really end (issue 16): a cookie copied before sign-out, or before "sign out everywhere",
 * is refused at its next request. Uses the viewer only, signed in here (other spec files sign in afresh).
 */
async function signedInViewer(): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "viewer@example.jp", password: PASSWORD, json: "true", callbackUrl: "/" },
  });
  expect((await ctx.get("/api/v1/progress")).status()).toBe(200);
  return ctx;
}

/** Another client holding a copy of the context's cookies (a stolen or copied session). */
async function copyOf(ctx: APIRequestContext): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE, storageState: await ctx.storageState() });
}

test("signing out ends the session on the server: a copy of the cookie is refused at once", async () => {
  const browser = await signedInViewer();
  const copy = await copyOf(browser);
  expect((await copy.get("/api/v1/progress")).status()).toBe(200);
  const { csrfToken } = await (await browser.get("/api/auth/csrf")).json();
  await browser.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect((await copy.get("/api/v1/progress")).status()).toBe(401);
  expect((await copy.get("/", { maxRedirects: 0 })).status()).toBe(307);
  await browser.dispose();
  await copy.dispose();
});

test("a sign-out replayed with a cookie already ended ends nobody else's session", async () => {
  const first = await signedInViewer();
  const stale = await copyOf(first);
  const { csrfToken } = await (await first.get("/api/auth/csrf")).json();
  await first.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  const fresh = await signedInViewer();
  const token = (await (await stale.get("/api/auth/csrf")).json()).csrfToken;
  await stale.post("/api/auth/signout", { form: { csrfToken: token, json: "true" } });
  expect((await fresh.get("/api/v1/progress")).status()).toBe(200);
  for (const ctx of [first, stale, fresh]) await ctx.dispose();
});

test("“sign out everywhere” on the account page ends every session of the user", async ({ browser }) => {
  const other = await signedInViewer();
  const context = await browser.newContext({
    baseURL: BASE,
    storageState: await (await signedInViewer()).storageState(),
  });
  const page = await context.newPage();
  await page.goto("/account/password");
  await page.getByRole("button", { name: "すべての端末からサインアウト" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await other.get("/api/v1/progress")).status()).toBe(401);
  expect((await page.request.get("/api/v1/progress")).status()).toBe(401);
  await context.close();
  await other.dispose();
});
