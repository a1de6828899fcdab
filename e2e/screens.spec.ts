import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parseCount, signIn } from "./helpers";

/** Every page a signed-in admin can open, with real records in the dynamic ones. */
async function adminPages(page: Page): Promise<string[]> {
  const fu = await (await page.request.get("/api/v1/follow-ups?pageSize=1")).json();
  const code = fu.items[0].code as string;
  return [
    "/",
    "/?asOf=2024-06-30&rank=share",
    "/prefectures/13",
    "/follow-ups",
    "/follow-ups?view=contractors",
    "/facilities?prefecture=13&status=optical_disk",
    `/facilities/${code}`,
    "/regressions",
    "/report",
    "/follow-ups/letters",
    `/follow-ups/letters?codes=${code}`,
    "/imports",
    "/imports/history",
    "/admin/users",
    "/admin/users/new",
    "/admin/users/1",
    "/admin/audit",
    "/admin/offices",
    "/account/password",
    "/forbidden",
    "/no-such-page",
  ];
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("no page scrolls sideways, in Japanese and English, and the menu holds the navigation and sign-out", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, "admin@example.jp");
    const pages = await adminPages(page);
    for (const lang of ["ja", "en"]) {
      if (lang === "en") await page.context().addCookies([{ name: "lang", value: "en", url: page.url() }]);
      for (const url of pages) {
        await page.goto(url);
        expect(await horizontalOverflow(page), `${url} (${lang}) is wider than the screen`).toBeLessThanOrEqual(0);
      }
    }
    await page.goto("/");
    const menu = page.getByRole("button", { name: /Menu/ });
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const box = await page.getByRole("link", { name: "Follow-ups" }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(40);
    await page.getByRole("link", { name: "Follow-ups" }).click();
    await expect(page).toHaveURL(/\/follow-ups/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  });

  test("the Tokyo clerk's follow-up list and facility page: cards with a phone number to tap", async ({ page }) => {
    await signIn(page, "tokyo@example.jp");
    await page.goto("/follow-ups");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const tel = page.getByTestId("follow-up-table").getByTestId("tel").first();
    await expect(tel).toBeVisible();
    expect(await tel.getAttribute("href")).toMatch(/^tel:\+?\d{6,15}$/);
    expect((await tel.boundingBox())!.height).toBeGreaterThanOrEqual(40);
    // The filters fold away on a phone so the list comes first.
    await expect(page.getByLabel("アラート")).toBeHidden();
    await page.getByText("絞り込み・保存した表示・CSV").click();
    await expect(page.getByLabel("アラート")).toBeVisible();

    const withPhone = page
      .getByTestId("follow-up-table")
      .locator("tbody tr")
      .filter({ has: page.getByTestId("tel") })
      .first();
    await withPhone.locator("a[href^='/facilities/']").click();
    await expect(page.getByTestId("call")).toHaveAttribute("href", /^tel:/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test("axe finds no serious or critical violation on any page (Japanese and English, desktop and phone)", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "admin@example.jp");
  const pages = await adminPages(page);
  const found: string[] = [];
  for (const [lang, width] of [
    ["ja", 1280],
    ["en", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    if (lang === "en") await page.context().addCookies([{ name: "lang", value: "en", url: page.url() }]);
    for (const url of pages) {
      await page.goto(url);
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const v of result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        found.push(
          `${url} (${lang}, ${width}px): ${v.id} (${v.impact}) ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(" | ")}`,
        );
      }
    }
  }
  await page.context().clearCookies();
  await page.goto("/login");
  const login = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  found.push(
    ...login.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `/login: ${v.id}`),
  );
  expect(found).toEqual([]);
});

/** Counts the pages of a PDF (its page objects). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Pixels of a colour (±tolerance per channel) in page 1 of a PDF, rendered by pdftoppm as a PPM. */
function pixelsOf(pdfFile: string, rgb: [number, number, number], tolerance = 24): number {
  const out = path.join(path.dirname(pdfFile), "page");
  const run = spawnSync("pdftoppm", ["-r", "50", "-f", "1", "-l", "1", "-singlefile", pdfFile, out]);
  expect(run.status, "pdftoppm (poppler-utils) renders the PDF").toBe(0);
  const ppm = readFileSync(`${out}.ppm`);
  // P6 header: "P6\n<w> <h>\n255\n", then RGB bytes.
  const header = ppm
    .subarray(0, 40)
    .toString("latin1")
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  expect(header).not.toBeNull();
  let count = 0;
  for (let i = header![0].length; i + 2 < ppm.length; i += 3) {
    if (
      Math.abs(ppm[i] - rgb[0]) <= tolerance &&
      Math.abs(ppm[i + 1] - rgb[1]) <= tolerance &&
      Math.abs(ppm[i + 2] - rgb[2]) <= tolerance
    )
      count++;
  }
  return count;
}

test(
  "the overview prints on at most 4 A4 landscape pages, " + "its chart drawn, its tables open and its controls hidden",
  async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, "viewer@example.jp");
    await page.goto("/");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("print-header")).toBeVisible();
    await expect(page.getByTestId("print-header")).toContainText("基準日");
    await expect(page.getByTestId("print-header")).toContainText("全国");
    await expect(page.getByTestId("print-header")).toContainText(/印刷日時: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(page.getByTestId("trend-table")).toBeVisible();
    await expect(page.getByText("表で見る").first()).toBeHidden();
    await expect(page.getByRole("button", { name: "表示" })).toBeHidden();
    const pdf = await page.pdf({ landscape: true, format: "A4", printBackground: true, preferCSSPageSize: true });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "print-")), "overview.pdf");
    writeFileSync(file, pdf);
    // The online area of the stacked chart (#1d5196) covers a good part of page 1 when the chart is drawn.
    expect(pixelsOf(file, [0x1d, 0x51, 0x96])).toBeGreaterThan(3000);
  },
);

test("the tile map is reachable with Tab and moved with the arrow keys; every chart has a text summary", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "viewer@example.jp");
  const map = page.getByTestId("tile-map");
  // One tile is in the tab order, the rest are reached with the arrows.
  await expect(map.locator("a[tabindex='0']")).toHaveCount(1);
  const first = map.locator("a[tabindex='0']");
  await first.focus();
  await expect(first).toHaveAccessibleName(/^北海道 /);
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(":focus")).toHaveAccessibleName(/^青森県 /);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator(":focus")).toHaveAccessibleName(/^秋田県 /);
  await expect(map.locator("a[tabindex='0']")).toHaveAccessibleName(/^秋田県 /);
  // A tile is a count: it opens the prefecture's facility list on the date (the ranking opens its page).
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/facilities\?.*prefecture=05/);
  await page.goBack();
  await expect(page.getByTestId("trend-summary")).toContainText(/オンライン請求の割合は \d{4}-\d{2} の [\d.]+% から/);
  await expect(page.getByTestId("map-summary")).toContainText("47 都道府県");
});

test("the follow-up list sorts by 期限 both ways, jumps to a page and changes the page size", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "admin@example.jp");
  await page.goto("/follow-ups");
  const table = page.getByTestId("follow-up-table");
  const dueHeader = table.locator("thead th", { hasText: "期限" });
  await table.getByRole("link", { name: /^期限/ }).click();
  await expect(page).toHaveURL(/sort=dueOn&dir=asc/);
  await expect(dueHeader).toHaveAttribute("aria-sort", "ascending");
  const dueCol = async () => {
    const headers = await table.locator("thead th").allTextContents();
    const index = headers.findIndex((h) => h.startsWith("期限"));
    return table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
  };
  const total = parseCount(await page.getByTestId("follow-up-table-total").textContent());
  expect(total).toBeGreaterThan(25);
  const rows = Math.min(50, total);
  const up = await dueCol();
  expect(up.length).toBe(rows);
  expect([...up].sort()).toEqual(up);
  await table.getByRole("link", { name: /^期限/ }).click();
  await expect(page).toHaveURL(/sort=dueOn&dir=desc/);
  await expect(dueHeader).toHaveAttribute("aria-sort", "descending");
  const down = await dueCol();
  expect([...down].sort().reverse()).toEqual(down);
  expect(down[0] >= up[0]).toBe(true);
  for (const name of ["点数表", "担当者"]) {
    await table.getByRole("link", { name: new RegExp(`^${name}`) }).click();
    await expect(table.locator("thead th", { hasText: name })).toHaveAttribute("aria-sort", "ascending");
    await expect(table.locator("tbody tr")).toHaveCount(rows);
  }
  // Dates never wrap.
  const whiteSpace = await table
    .locator("tbody tr td.nowrap")
    .evaluateAll((cells) => cells.map((c) => getComputedStyle(c).whiteSpace));
  expect(new Set(whiteSpace)).toEqual(new Set(["nowrap"]));

  // Page size 25, then straight to the last page.
  const last = Math.ceil(total / 25);
  const pager = page.getByTestId("follow-up-table-pager");
  await pager.getByLabel("表示件数").selectOption("25");
  await pager.getByLabel("ページ番号").fill(String(last));
  await pager.getByRole("button", { name: "移動" }).click();
  await expect(page).toHaveURL(new RegExp(`page=${last}`));
  await expect(page).toHaveURL(/pageSize=25/);
  await expect(page).toHaveURL(/sort=assignee/);
  await expect(table.locator("tbody tr")).toHaveCount(total - 25 * (last - 1));
  await expect(page.getByText(`ページ ${last} / ${last}`)).toBeVisible();
});

test("the prefecture page lists the facilities not yet online first, as many as its 施設数", async ({ page }) => {
  await signIn(page, "tokyo@example.jp");
  await page.goto("/prefectures/13");
  const total = parseCount(await page.getByTestId("facility-total").textContent());
  expect(parseCount(await page.getByTestId("facility-table-total").textContent())).toBe(total);
  const notOnline = parseCount(await page.getByTestId("not-online").textContent());
  await expect(page.getByTestId("facility-list-note")).toContainText(`うち未移行 ${notOnline.toLocaleString("ja-JP")}`);
  // In the ladder's order, so the ones not yet online come first; closed ones are not listed.
  const ladder = ["光ディスク等", "猶予届出済", "利用申請済", "電子証明書発行済", "オンライン請求"];
  const states = await page.getByTestId("facility-table").locator("tbody tr td:nth-child(5)").allTextContents();
  expect(states).toHaveLength(Math.min(25, total));
  const ranks = states.map((s) => ladder.indexOf(s));
  expect(ranks.every((r) => r >= 0)).toBe(true);
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  expect(ranks.filter((r) => r < 4)).toHaveLength(Math.min(25, notOnline));
  await expect(page.getByTestId("facility-table").getByTestId("tel").first()).toHaveAttribute("href", /^tel:/);
});

test("a scoped user's overview is about their prefecture: its name as title, no map, no one-row ranking", async ({
  page,
}) => {
  await signIn(page, "tokyo@example.jp");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("東京都");
  await expect(page.getByTestId("tile-map")).toHaveCount(0);
  await expect(page.getByTestId("ranking")).toHaveCount(0);
  await expect(page.getByTestId("progress-table").getByRole("link", { name: "東京都" })).toBeVisible();
  await expect(page.getByTestId("change")).not.toHaveText("-0.00");
});

test("the national overview: headline, map bands around the national share, ranking by what is left", async ({
  page,
}) => {
  await signIn(page, "viewer@example.jp");
  const api = await (await page.request.get("/api/v1/progress?groupBy=prefecture")).json();
  await expect(page.getByTestId("not-online")).toHaveText((api.total - api.counts.online).toLocaleString("ja-JP"));
  await expect(page.getByTestId("days-to-deadline")).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByText(`色は全国の割合 ${(api.onlineRate * 100).toFixed(1)}% を中心に`)).toBeVisible();
  const left = (g: { total: number; counts: { online: number } }) => g.total - g.counts.online;
  const top = [...api.groups].sort((a, b) => left(b) - left(a))[0];
  await expect(page.getByTestId("ranking").locator("tbody tr").first()).toHaveAttribute("data-key", top.key);
  await page.getByRole("link", { name: "割合" }).click();
  await expect(page).toHaveURL(/rank=share/);
  const share = (g: { total: number; counts: { online: number } }) => left(g) / g.total;
  const topShare = [...api.groups].sort((a, b) => share(b) - share(a))[0];
  await expect(page.getByTestId("ranking").locator("tbody tr").first()).toHaveAttribute("data-key", topShare.key);
});

test("English: titles, audit actions in words, no Japanese brackets; the letters page opened directly", async ({
  page,
}) => {
  await signIn(page, "admin@example.jp");
  await page.context().addCookies([{ name: "lang", value: "en", url: page.url() }]);
  await page.goto("/");
  await expect(page).toHaveTitle("Dashboard | Online Claims Migration Tracker");
  await expect(page.getByTestId("who")).toHaveText("admin@example.jp (Admin, National)");
  await page.goto("/admin/audit?action=sign_in");
  await expect(page.getByTestId("audit-log").locator("tbody tr").first().locator("td").nth(3)).toHaveText("Sign-in");
  // Every page names itself in the tab, in English, not only the app's name.
  const titles: [string, string][] = [
    ["/admin/users", "Users"],
    ["/admin/users/new", "Add a user"],
    ["/admin/users/1", "Edit user"],
    ["/admin/audit", "Audit log"],
    ["/admin/offices", "Sender settings"],
    ["/imports/history", "Import history"],
    ["/account/password", "Change password"],
    ["/regressions", "Regressions"],
    ["/report", "The move to online claims (committee pack)"],
    ["/facilities?prefecture=13", "Facilities"],
  ];
  for (const [url, title] of titles) {
    await page.goto(url);
    await expect(page, url).toHaveTitle(`${title} | Online claims`);
  }
  await page.goto("/follow-ups/letters");
  await expect(page.getByRole("navigation", { name: "Main menu" })).toBeVisible();
  await expect(page.getByTestId("print")).toBeDisabled();
  // The app's own words (facility names and addresses are data, and stay as written).
  await page.goto("/");
  expect(await page.locator("main").innerText()).not.toMatch(/[（）。、：]/);
  await page.goto("/follow-ups");
  expect(await page.locator("main .subtitle").innerText()).not.toMatch(/[（）。、：]/);
  await page.context().clearCookies({ name: "lang" });
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();
  await expect(page.getByRole("link", { name: "ダッシュボード" })).toBeVisible();
});

test("/imports offers a template for each kind that the import reads as it stands", async ({ page }) => {
  await signIn(page, "tokyo@example.jp");
  await page.goto("/imports");
  const links = page.getByTestId("templates").getByRole("link");
  await expect(links).toHaveCount(4);
  const res = await page.request.get((await links.first().getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toContain("template_facilities.csv");
  expect((await page.request.get("/api/v1/imports/template.csv?kind=nope")).status()).toBe(400);
});
