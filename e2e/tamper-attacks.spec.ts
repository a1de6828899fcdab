import http from "node:http";
import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { makeFacilityCode } from "../lib/facility-code";
import {
  BASE,
  LEAK,
  PAGE_FORBIDDEN,
  importAs,
  multipart,
  openCallers,
  stamp,
  type Callers,
  type Who,
} from "./tamper-callers";

/** Attacks beyond a plain request: uploads, formula cells in exports, and forms replayed as someone else. */
let callers: Callers;
test.beforeAll(async () => {
  callers = await openCallers();
});
test.afterAll(async () => callers?.dispose());

test.describe("uploads", () => {
  const facilityCsv = (code: string, name: string) =>
    `医療機関コード,医療機関名称,都道府県,請求方法\n${code},${name},東京都,光ディスク\n`;
  const nationalTotal = async () =>
    (await (await callers.contexts.admin.get("/api/v1/progress")).json()).total as number;

  test("signed-out, viewer and cross-origin uploads are refused and write nothing", async () => {
    const code = makeFacilityCode("13", "1", 48, 9001);
    const body = multipart(
      { kind: "facilities" },
      { name: "x.csv", body: Buffer.from(facilityCsv(code, "侵入テスト")) },
    );
    expect((await callers.contexts.signedOut.post("/api/v1/imports", body)).status()).toBe(401);
    expect((await callers.contexts.viewer.post("/api/v1/imports", body)).status()).toBe(403);
    expect(
      (
        await callers.contexts.tokyo.post("/api/v1/imports", { ...body, headers: { origin: "http://evil.example" } })
      ).status(),
    ).toBe(403);
    expect((await callers.contexts.admin.get(`/api/v1/facilities/${code}`)).status()).toBe(404);
  });

  test(
    "a malformed body, a missing file, an unknown kind and an " +
      "undecodable file are refused with a message, nothing written",
    async () => {
      const before = await nationalTotal();
      const code = makeFacilityCode("13", "1", 48, 9002);
      const refused = async (res: APIResponse, status: number) => {
        expect(res.status()).toBe(status);
        const json = await res.json();
        expect(typeof json.message).toBe("string");
        expect(JSON.stringify(json)).not.toMatch(LEAK);
      };
      await refused(
        await callers.contexts.tokyo.post("/api/v1/imports", {
          data: "kind=facilities",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
        400,
      );
      await refused(
        await callers.contexts.tokyo.post("/api/v1/imports", {
          data: "--b\r\nbroken",
          headers: { "content-type": "multipart/form-data; boundary=b" },
        }),
        400,
      );
      await refused(await callers.contexts.tokyo.post("/api/v1/imports", multipart({ kind: "facilities" })), 400);
      await refused(
        await callers.contexts.tokyo.post(
          "/api/v1/imports",
          multipart(
            { kind: "users; drop table users" },
            { name: "x.csv", body: Buffer.from(facilityCsv(code, "種類違い")) },
          ),
        ),
        400,
      );
      await refused(
        await callers.contexts.tokyo.post(
          "/api/v1/imports",
          multipart(
            { kind: "facilities" },
            { name: "x.csv", body: Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x00, 0xfc, 0x8f, 0x00]) },
          ),
        ),
        422,
      );
      expect((await callers.contexts.admin.get(`/api/v1/facilities/${code}`)).status()).toBe(404);
      expect(await nationalTotal()).toBe(before);
    },
  );

  test("an upload declaring more than the size limit is refused at once with 413 and a message", async () => {
    const { cookies } = await callers.contexts.tokyo.storageState();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${BASE}/api/v1/imports`, {
        method: "POST",
        headers: {
          cookie,
          "content-type": "multipart/form-data; boundary=huge",
          "content-length": String(4 * 1024 * 1024 * 1024),
        },
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
      req.write('--huge\r\nContent-Disposition: form-data; name="kind"\r\n\r\nfacilities\r\n');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).message).toContain("大きすぎます");
  });

  test("a Tokyo editor importing an Osaka row gets it rejected; Osaka is not touched", async () => {
    const osaka = makeFacilityCode("27", "1", 48, 9003);
    const summary = await importAs(
      callers.contexts.tokyo,
      "facilities",
      "osaka.csv",
      `医療機関コード,医療機関名称,請求方法\n${osaka},大阪の施設,光ディスク\n`,
    );
    expect(summary?.inserted).toBe(0);
    expect(summary?.rejected).toBe(1);
    expect((await callers.contexts.admin.get(`/api/v1/facilities/${osaka}`)).status()).toBe(404);
  });
});

test.describe("exports escape every cell that a spreadsheet would run as a formula", () => {
  test("facility, follow-up and error exports carry =, +, - and @ values as text", async () => {
    const code = makeFacilityCode("13", "1", 48, 9010);
    const other = makeFacilityCode("13", "1", 48, 9011);
    const csv =
      `医療機関コード,医療機関名称,都道府県,所在地,電話番号,請求方法\n${code},"=HYPERLINK(""http://evil.example"",""x"")",東京都,+81 ` +
      `千代田区,-1234,光ディスク\n${other},@SUM(A1),=1+2,,,\n`;
    const summary = await importAs(callers.contexts.tokyo, "facilities", `formula-${stamp}.csv`, csv);
    expect(summary?.inserted).toBe(1);
    for (const url of [
      `/api/v1/export/facilities.csv?q=${code}`,
      `/api/v1/export/follow-ups.csv?q=${code}`,
      `/api/v1/imports/${summary!.batchId}/errors.csv`,
      "/api/v1/export/progress.csv",
      "/api/v1/export/trend.csv",
    ]) {
      const text = (await (await callers.contexts.tokyo.get(url)).body()).toString("utf8");
      expect(text.length, url).toBeGreaterThan(10);
      const cells = text
        .replace(/^\uFEFF/, "")
        .split(/\r\n/)
        .flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
      const bare = cells.map((c) => c.replace(/^"|"$/g, "")).filter((c) => /^[=+\-@]/.test(c));
      expect(bare, url).toEqual([]);
      if (url.includes("facilities.csv")) expect(text).toContain(`'=HYPERLINK`);
      if (url.includes("errors.csv")) expect(text).toContain("'=1+2");
    }
    // Each export is in the audit log with its filters and row count.
    const log = (
      await (await callers.contexts.admin.get(`/api/v1/export/audit.csv?action=export&q=${code}`)).body()
    ).toString("utf8");
    const entry = log.split("\r\n").find((line) => line.includes("follow-ups.csv"));
    expect(entry).toContain("tokyo@example.jp");
    expect(entry).toContain(`""q"":""${code}""`);
    expect(entry).toMatch(/""rows"":[01]\b/);
  });
});

/** A page loaded by one user, then its form submitted as another (or as nobody): what a replayed request does. */
async function submitAs(
  browser: Browser,
  loadAs: Who,
  path: string,
  submitAs: Who,
  fill: (page: Page) => Promise<void>,
): Promise<Page> {
  const owner = await browser.newContext({
    baseURL: BASE,
    storageState: await callers.contexts[loadAs].storageState(),
  });
  const page = await owner.newPage();
  await page.goto(path);
  await fill(page);
  await owner.clearCookies();
  if (submitAs !== "signedOut") await owner.addCookies((await callers.contexts[submitAs].storageState()).cookies);
  return page;
}

test.describe("server actions refuse what the caller may not do, whatever the form says", () => {
  const contactCount = async (code: string) =>
    ((await (await callers.contexts.admin.get(`/api/v1/facilities/${code}`)).json()).contacts as unknown[]).length;

  test("a Tokyo editor's contact form re-pointed at an Osaka facility writes nothing", async ({ browser }) => {
    const before = await contactCount(callers.ids.osakaCode);
    const page = await submitAs(browser, "tokyo", `/facilities/${callers.ids.tokyoCode}`, "tokyo", async (p) => {
      await p
        .getByTestId("contact-form")
        .locator('input[name="code"]')
        .evaluate((el, code) => ((el as HTMLInputElement).value = code), callers.ids.osakaCode);
    });
    await page.getByTestId("contact-form").locator('textarea[name="note"]').fill("越境テスト");
    await page.getByTestId("contact-form").locator('button[type="submit"]').click();
    await expect(page.getByTestId("contact-form").getByRole("status")).toHaveText(PAGE_FORBIDDEN + "。");
    expect(await contactCount(callers.ids.osakaCode)).toBe(before);
    await page.context().close();
  });

  test("the same form replayed by the viewer or by a signed-out browser writes nothing", async ({ browser }) => {
    const before = await contactCount(callers.ids.tokyoCode);
    for (const who of ["viewer", "signedOut"] as const) {
      const page = await submitAs(browser, "tokyo", `/facilities/${callers.ids.tokyoCode}`, who, async () => {});
      await page.getByTestId("contact-form").locator('textarea[name="note"]').fill(`${who} の書き込み`);
      await page.getByTestId("contact-form").locator('button[type="submit"]').click();
      await expect(page).toHaveURL(who === "viewer" ? /\/forbidden/ : /\/login/);
      await page.context().close();
    }
    expect(await contactCount(callers.ids.tokyoCode)).toBe(before);
  });

  test("a Tokyo editor's follow-up form re-pointed at Osaka changes nothing there", async ({ browser }) => {
    const before = (await (await callers.contexts.admin.get(`/api/v1/facilities/${callers.ids.osakaCode}`)).json())
      .followUp;
    const page = await submitAs(browser, "tokyo", `/facilities/${callers.ids.tokyoCode}`, "tokyo", async (p) => {
      await p
        .getByTestId("follow-up-form")
        .locator('input[name="code"]')
        .evaluate((el, code) => ((el as HTMLInputElement).value = code), callers.ids.osakaCode);
    });
    await page.getByTestId("follow-up-form").locator('input[name="nextActionOn"]').fill("2030-01-01");
    await page.getByTestId("follow-up-form").locator('button[type="submit"]').click();
    await expect(page.getByTestId("follow-up-form").getByRole("status")).toHaveText(PAGE_FORBIDDEN + "。");
    expect(
      (await (await callers.contexts.admin.get(`/api/v1/facilities/${callers.ids.osakaCode}`)).json()).followUp,
    ).toEqual(before);
    await page.context().close();
  });

  test("an admin's user form replayed by the Tokyo editor cannot disable anyone", async ({ browser }) => {
    const page = await submitAs(browser, "admin", "/admin/users", "admin", async () => {});
    await page.getByRole("link", { name: "編集 viewer@example.jp" }).click();
    const form = page.getByTestId("user-form");
    await expect(form).toBeVisible();
    await page.context().clearCookies();
    await page.context().addCookies((await callers.contexts.tokyo.storageState()).cookies);
    await form.getByLabel(/このユーザーを無効にする/).check();
    await form.getByRole("button", { name: "保存する" }).click();
    await expect(page).toHaveURL(/\/forbidden/);
    expect((await callers.contexts.viewer.get("/api/v1/progress")).status()).toBe(200);
    await page.context().close();
  });

  test("the new-user form replayed by the Tokyo editor or the viewer creates nobody", async ({ browser }) => {
    for (const who of ["tokyo", "viewer"] as const) {
      const email = `intruder-${who}-${stamp}@example.jp`;
      const page = await submitAs(browser, "admin", "/admin/users/new", who, async (p) => {
        const form = p.getByTestId("user-form");
        await form.getByLabel("メールアドレス").fill(email);
        await form.getByLabel("権限").selectOption("admin");
        await form.getByLabel("全国").check();
        await form.getByLabel(/仮パスワード/).fill("Shinnyuu-sha-8642");
      });
      await page.getByTestId("user-form").getByRole("button", { name: "作成する" }).click();
      await expect(page).toHaveURL(/\/forbidden/);
      await page.context().close();
      const log = (
        await (await callers.contexts.admin.get(`/api/v1/export/audit.csv?q=${encodeURIComponent(email)}`)).body()
      ).toString("utf8");
      expect(log).not.toContain("user.create");
      expect(await (await callers.contexts.admin.get("/admin/users")).text()).not.toContain(email);
    }
  });
});

test.describe("headers and origins", () => {
  test(
    "pages, the API and the upload route carry the security headers; " + "the page's scripts run under its nonce",
    async () => {
      for (const url of ["/login", "/", "/api/v1/progress", "/api/v1/imports"]) {
        const res = await callers.get("tokyo", url);
        const h = res.headers();
        expect(h["x-frame-options"], url).toBe("DENY");
        expect(h["x-content-type-options"], url).toBe("nosniff");
        expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
        expect(h["x-powered-by"], url).toBeUndefined();
      }
      const page = await callers.get("tokyo", "/");
      const nonce = /'nonce-([^']+)'/.exec(page.headers()["content-security-policy"])?.[1];
      expect(nonce).toBeTruthy();
      const scripts = [...(await page.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    },
  );

  test(
    "a state-changing request from another origin is " + "refused before it reaches the page, action or route",
    async () => {
      for (const url of [
        "/",
        "/admin/users/new",
        "/facilities/" + callers.ids.tokyoCode,
        "/api/v1/progress",
        "/api/v1/imports",
      ]) {
        const res = await callers.contexts.admin.post(url, {
          headers: { origin: "http://evil.example", "next-action": "x" },
          data: "a=1",
          maxRedirects: 0,
          failOnStatusCode: false,
        });
        expect(res.status(), url).toBe(403);
        expect(await res.json(), url).toEqual({ error: "cross_origin_request_refused" });
      }
    },
  );
});
