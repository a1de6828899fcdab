import http from "node:http";
import { expect, test, request as playwrightRequest, type APIRequestContext, type APIResponse, type Browser, type Page } from "@playwright/test";
import { makeFacilityCode } from "../lib/facility-code";
import { PASSWORD } from "./helpers";
import { ROUTES, probeUrl, type Ids, type Outcome, type RouteEntry } from "./routes";

/**
 * The tamper suite over HTTP against the built server: every route in e2e/routes.ts is asked by a
 * signed-out visitor, the national viewer and the Tokyo editor (for Osaka's data), then with hostile
 * filter values; uploads, exports and server actions are attacked on top.
 */
const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100)}`;
const stamp = Date.now().toString(36);

type Who = "signedOut" | "viewer" | "tokyo" | "admin";
const EMAIL: Record<Exclude<Who, "signedOut">, string> = { viewer: "viewer@example.jp", tokyo: "tokyo@example.jp", admin: "admin@example.jp" };
const contexts = {} as Record<Who, APIRequestContext>;
let ids: Ids;

async function signedIn(who: Exclude<Who, "signedOut">): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email: EMAIL[who], password: PASSWORD, json: "true", callbackUrl: "/" } });
  expect(res.ok(), `sign-in of ${who}`).toBe(true);
  expect((await ctx.get("/api/v1/progress")).status(), `${who} is signed in`).toBe(200);
  return ctx;
}

function multipart(fields: Record<string, string>, file?: { name: string; body: Buffer }) {
  return { multipart: { ...fields, ...(file && { file: { name: file.name, mimeType: "text/csv", buffer: file.body } }) } };
}

async function importAs(ctx: APIRequestContext, kind: string, name: string, csv: string, dryRun = false) {
  const res = await ctx.post("/api/v1/imports", { ...multipart({ kind, dryRun: String(dryRun) }, { name, body: Buffer.from(csv) }), headers: { accept: "application/x-ndjson" } });
  const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
  return lines.find((l) => l.type === "summary") as { batchId: number; inserted: number; rejected: number } | undefined;
}

test.beforeAll(async () => {
  contexts.signedOut = await playwrightRequest.newContext({ baseURL: BASE });
  for (const who of ["viewer", "tokyo", "admin"] as const) contexts[who] = await signedIn(who);
  const first = async (pref: string) => (await (await contexts.admin.get(`/api/v1/facilities?prefecture=${pref}&pageSize=1`)).json()).items[0] as { code: string; name: string; address: string | null };
  const adminBatchFile = `admin-only-${stamp}.csv`;
  const batch = await importAs(contexts.admin, "events", adminBatchFile, "医療機関コード,状態,日付\n2799999999,オンライン,2024-01-01\n", true);
  const osaka = await first("27");
  ids = { osakaCode: osaka.code, osakaName: osaka.address ?? osaka.name, tokyoCode: (await first("13")).code, adminBatchId: batch!.batchId, adminBatchFile, osakaUserId: 1 };
});
test.afterAll(async () => {
  for (const ctx of Object.values(contexts)) await ctx.dispose();
});

const PAGE_FORBIDDEN = "この操作を行う権限がありません";
/** What an error response must never show: a stack, a database error, a file path of the server. */
const LEAK = /\n\s+at [\w.<]+ \(|Failed query|syntax error at|invalid byte sequence|PostgresError|node_modules\/|TypeError: |ReferenceError: /;

async function get(who: Who, url: string): Promise<APIResponse> {
  return contexts[who].get(url, { maxRedirects: 0, failOnStatusCode: false });
}

async function expectOutcome(entry: RouteEntry, who: Who, outcome: Outcome, url: string): Promise<void> {
  const res = await get(who, url);
  const label = `${who} ${entry.route} (${url}) → ${outcome}`;
  const status = res.status();
  const body = status >= 300 && status < 400 ? "" : await res.text();
  expect(body, label).not.toMatch(LEAK);
  switch (outcome) {
    case "login":
      expect(status, label).toBeGreaterThanOrEqual(300);
      expect(status, label).toBeLessThan(400);
      expect(res.headers().location ?? "", label).toContain("/login");
      return;
    case "401":
      expect(status, label).toBe(401);
      expect(JSON.parse(body), label).toEqual({ error: "unauthorized" });
      return;
    case "public":
      expect(status, label).toBeLessThan(400);
      return;
    case "ok":
      expect(status, label).toBe(200);
      return;
    case "forbidden":
      if (status >= 300 && status < 400) expect(res.headers().location ?? "", label).toContain("/forbidden");
      else expect(body, label).toContain(PAGE_FORBIDDEN);
      return;
    case "403":
      expect(status, label).toBe(403);
      return;
    case "404":
      expect(status, label).toBe(404);
      expect(body, label).not.toContain(ids.osakaName);
      return;
    case "empty":
      expect(status, label).toBe(200);
      expectNoOsaka(body, res.headers()["content-type"] ?? "", label);
      return;
    case "same": {
      expect(status, label).toBe(200);
      const plain = await get(who, entry.route);
      expect(headline(body), label).toBe(headline(await plain.text()));
      expect(headline(body), label).not.toBe("");
      return;
    }
  }
}

/** The dashboard's headline facility count, as the page renders it. */
function headline(html: string): string {
  return /data-testid="facility-total"[^>]*>([^<]*)</.exec(html)?.[1] ?? "";
}

function expectNoOsaka(body: string, contentType: string, label: string): void {
  // The requested code may be echoed back (the URL); the facility's own data may not.
  expect(body, label).not.toContain(ids.osakaName);
  expect(body, label).not.toContain('href="/facilities/27');
  expect(body, label).not.toContain(ids.adminBatchFile);
  if (contentType.includes("json")) {
    const json = JSON.parse(body);
    if ("total" in json) expect(json.total, label).toBe(0);
    if ("groups" in json) expect(json.groups, label).toEqual([]);
  }
  if (contentType.includes("csv")) {
    // No figure: every number in the data rows is zero (dates and rates of zero aside).
    const rows = body.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1);
    for (const cell of rows.flatMap((r) => r.split(","))) if (/^\d+(\.\d+)?$/.test(cell)) expect(Number(cell), `${label}: ${cell}`).toBe(0);
  }
}

test.describe("every route answers each kind of caller as its entry says", () => {
  for (const entry of ROUTES.filter((r) => r.kind !== "action" && r.method === "GET")) {
    test(`${entry.route}`, async () => {
      await expectOutcome(entry, "signedOut", entry.signedOut, probeUrl(entry, ids));
      await expectOutcome(entry, "viewer", entry.viewer, probeUrl(entry, ids));
      if (entry.tokyo !== "n/a") await expectOutcome(entry, "tokyo", entry.tokyo, probeUrl(entry, ids));
    });
  }
});

const HOSTILE = ["//evil.example", "/\\evil.example", "' or 1=1 --", "27') union select code from facilities --", "x".repeat(5000), "a\u0000b", "\u202e27", "２７", "𠮷😀", "%ED%A0%80"];

test.describe("hostile filter values are answered with 200, 400 or 404, never an error page or a leak", () => {
  for (const entry of ROUTES.filter((r) => r.hostile && r.kind !== "action")) {
    test(`${entry.route}`, async () => {
      const who: Who = entry.tokyo === "forbidden" || entry.tokyo === "403" ? "admin" : "tokyo";
      const base = entry.route.includes("[") ? probeUrl(entry, { ...ids, osakaCode: ids.tokyoCode }).replace("/27", "/13") : entry.route;
      for (const key of entry.hostile!) {
        for (const value of HOSTILE) {
          const encoded = value.startsWith("%") ? value : encodeURIComponent(value);
          const url = `${base}${base.includes("?") ? "&" : "?"}${key}=${encoded}`;
          const res = await get(who, url);
          const label = `${url.slice(0, 120)} → ${res.status()}`;
          expect([200, 303, 307, 400, 404], label).toContain(res.status());
          const body = res.status() >= 300 && res.status() < 400 ? "" : await res.text();
          expect(body, label).not.toMatch(LEAK);
          if (who === "tokyo") expect(body, label).not.toContain(ids.osakaName);
          // A redirect stays on this site (no "//host", no "/\host", no other origin).
          if (res.status() >= 300 && res.status() < 400) expect(res.headers().location ?? "", label).toMatch(/^(\/(?![\/\\])|http:\/\/127\.0\.0\.1:\d+\/)/);
        }
      }
    });
  }
});

test.describe("uploads", () => {
  const facilityCsv = (code: string, name: string) => `医療機関コード,医療機関名称,都道府県,請求方法\n${code},${name},東京都,光ディスク\n`;
  const nationalTotal = async () => (await (await contexts.admin.get("/api/v1/progress")).json()).total as number;

  test("signed-out, viewer and cross-origin uploads are refused and write nothing", async () => {
    const code = makeFacilityCode("13", "1", 48, 9001);
    const body = multipart({ kind: "facilities" }, { name: "x.csv", body: Buffer.from(facilityCsv(code, "侵入テスト")) });
    expect((await contexts.signedOut.post("/api/v1/imports", body)).status()).toBe(401);
    expect((await contexts.viewer.post("/api/v1/imports", body)).status()).toBe(403);
    expect((await contexts.tokyo.post("/api/v1/imports", { ...body, headers: { origin: "http://evil.example" } })).status()).toBe(403);
    expect((await contexts.admin.get(`/api/v1/facilities/${code}`)).status()).toBe(404);
  });

  test("a malformed body, a missing file, an unknown kind and an undecodable file are refused with a message, nothing written", async () => {
    const before = await nationalTotal();
    const code = makeFacilityCode("13", "1", 48, 9002);
    const refused = async (res: APIResponse, status: number) => {
      expect(res.status()).toBe(status);
      const json = await res.json();
      expect(typeof json.message).toBe("string");
      expect(JSON.stringify(json)).not.toMatch(LEAK);
    };
    await refused(await contexts.tokyo.post("/api/v1/imports", { data: "kind=facilities", headers: { "content-type": "application/x-www-form-urlencoded" } }), 400);
    await refused(await contexts.tokyo.post("/api/v1/imports", { data: "--b\r\nbroken", headers: { "content-type": "multipart/form-data; boundary=b" } }), 400);
    await refused(await contexts.tokyo.post("/api/v1/imports", multipart({ kind: "facilities" })), 400);
    await refused(await contexts.tokyo.post("/api/v1/imports", multipart({ kind: "users; drop table users" }, { name: "x.csv", body: Buffer.from(facilityCsv(code, "種類違い")) })), 400);
    await refused(await contexts.tokyo.post("/api/v1/imports", multipart({ kind: "facilities" }, { name: "x.csv", body: Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x00, 0xfc, 0x8f, 0x00]) })), 422);
    expect((await contexts.admin.get(`/api/v1/facilities/${code}`)).status()).toBe(404);
    expect(await nationalTotal()).toBe(before);
  });

  test("an upload declaring more than the size limit is refused at once with 413 and a message", async () => {
    const { cookies } = await contexts.tokyo.storageState();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${BASE}/api/v1/imports`, {
        method: "POST",
        headers: { cookie, "content-type": "multipart/form-data; boundary=huge", "content-length": String(4 * 1024 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on("error", (e) => (e.message.includes("socket hang up") ? undefined : reject(e)));
      req.write("--huge\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nfacilities\r\n");
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).message).toContain("大きすぎます");
  });

  test("a Tokyo editor importing an Osaka row gets it rejected; Osaka is not touched", async () => {
    const osaka = makeFacilityCode("27", "1", 48, 9003);
    const summary = await importAs(contexts.tokyo, "facilities", "osaka.csv", `医療機関コード,医療機関名称,請求方法\n${osaka},大阪の施設,光ディスク\n`);
    expect(summary?.inserted).toBe(0);
    expect(summary?.rejected).toBe(1);
    expect((await contexts.admin.get(`/api/v1/facilities/${osaka}`)).status()).toBe(404);
  });
});

test.describe("exports escape every cell that a spreadsheet would run as a formula", () => {
  test("facility, follow-up and error exports carry =, +, - and @ values as text", async () => {
    const code = makeFacilityCode("13", "1", 48, 9010);
    const other = makeFacilityCode("13", "1", 48, 9011);
    const csv = `医療機関コード,医療機関名称,都道府県,所在地,電話番号,請求方法\n${code},"=HYPERLINK(""http://evil.example"",""x"")",東京都,+81 千代田区,-1234,光ディスク\n${other},@SUM(A1),=1+2,,,\n`;
    const summary = await importAs(contexts.tokyo, "facilities", `formula-${stamp}.csv`, csv);
    expect(summary?.inserted).toBe(1);
    for (const url of [`/api/v1/export/facilities.csv?q=${code}`, `/api/v1/export/follow-ups.csv?q=${code}`, `/api/v1/imports/${summary!.batchId}/errors.csv`, "/api/v1/export/progress.csv", "/api/v1/export/trend.csv"]) {
      const text = (await (await contexts.tokyo.get(url)).body()).toString("utf8");
      expect(text.length, url).toBeGreaterThan(10);
      const cells = text.replace(/^\uFEFF/, "").split(/\r\n/).flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
      const bare = cells.map((c) => c.replace(/^"|"$/g, "")).filter((c) => /^[=+\-@]/.test(c));
      expect(bare, url).toEqual([]);
      if (url.includes("facilities.csv")) expect(text).toContain(`'=HYPERLINK`);
      if (url.includes("errors.csv")) expect(text).toContain("'=1+2");
    }
  });
});

/** A page loaded by one user, then its form submitted as another (or as nobody): what a replayed request does. */
async function submitAs(browser: Browser, loadAs: Who, path: string, submitAs: Who, fill: (page: Page) => Promise<void>): Promise<Page> {
  const owner = await browser.newContext({ baseURL: BASE, storageState: await contexts[loadAs].storageState() });
  const page = await owner.newPage();
  await page.goto(path);
  await fill(page);
  await owner.clearCookies();
  if (submitAs !== "signedOut") await owner.addCookies((await contexts[submitAs].storageState()).cookies);
  return page;
}

test.describe("server actions refuse what the caller may not do, whatever the form says", () => {
  const contactCount = async (code: string) => ((await (await contexts.admin.get(`/api/v1/facilities/${code}`)).json()).contacts as unknown[]).length;

  test("a Tokyo editor's contact form re-pointed at an Osaka facility writes nothing", async ({ browser }) => {
    const before = await contactCount(ids.osakaCode);
    const page = await submitAs(browser, "tokyo", `/facilities/${ids.tokyoCode}`, "tokyo", async (p) => {
      await p.getByTestId("contact-form").locator('input[name="code"]').evaluate((el, code) => ((el as HTMLInputElement).value = code), ids.osakaCode);
    });
    await page.getByTestId("contact-form").locator('textarea[name="note"]').fill("越境テスト");
    await page.getByTestId("contact-form").locator('button[type="submit"]').click();
    await expect(page.getByTestId("contact-form").getByRole("status")).toHaveText(PAGE_FORBIDDEN + "。");
    expect(await contactCount(ids.osakaCode)).toBe(before);
    await page.context().close();
  });

  test("the same form replayed by the viewer or by a signed-out browser writes nothing", async ({ browser }) => {
    const before = await contactCount(ids.tokyoCode);
    for (const who of ["viewer", "signedOut"] as const) {
      const page = await submitAs(browser, "tokyo", `/facilities/${ids.tokyoCode}`, who, async () => {});
      await page.getByTestId("contact-form").locator('textarea[name="note"]').fill(`${who} の書き込み`);
      await page.getByTestId("contact-form").locator('button[type="submit"]').click();
      await expect(page).toHaveURL(who === "viewer" ? /\/forbidden/ : /\/login/);
      await page.context().close();
    }
    expect(await contactCount(ids.tokyoCode)).toBe(before);
  });

  test("a Tokyo editor's follow-up form re-pointed at Osaka changes nothing there", async ({ browser }) => {
    const before = (await (await contexts.admin.get(`/api/v1/facilities/${ids.osakaCode}`)).json()).followUp;
    const page = await submitAs(browser, "tokyo", `/facilities/${ids.tokyoCode}`, "tokyo", async (p) => {
      await p.getByTestId("follow-up-form").locator('input[name="code"]').evaluate((el, code) => ((el as HTMLInputElement).value = code), ids.osakaCode);
    });
    await page.getByTestId("follow-up-form").locator('input[name="nextActionOn"]').fill("2030-01-01");
    await page.getByTestId("follow-up-form").locator('button[type="submit"]').click();
    await expect(page.getByTestId("follow-up-form").getByRole("status")).toHaveText(PAGE_FORBIDDEN + "。");
    expect((await (await contexts.admin.get(`/api/v1/facilities/${ids.osakaCode}`)).json()).followUp).toEqual(before);
    await page.context().close();
  });

  test("an admin's user form replayed by the Tokyo editor cannot disable anyone", async ({ browser }) => {
    const page = await submitAs(browser, "admin", "/admin/users", "admin", async () => {});
    await page.getByRole("link", { name: "編集 viewer@example.jp" }).click();
    const form = page.getByTestId("user-form");
    await expect(form).toBeVisible();
    await page.context().clearCookies();
    await page.context().addCookies((await contexts.tokyo.storageState()).cookies);
    await form.getByLabel(/このユーザーを無効にする/).check();
    await form.getByRole("button", { name: "保存する" }).click();
    await expect(page).toHaveURL(/\/forbidden/);
    expect((await contexts.viewer.get("/api/v1/progress")).status()).toBe(200);
    await page.context().close();
  });
});
