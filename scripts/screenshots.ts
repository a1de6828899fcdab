import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { parseArgs, stringOption } from "./args";

/**
 * Screenshots of the running app for the README (and for looking at every screen): the overview at 1440 px,
 * the overview and the follow-up list on a 390 px phone, and the overview printed to A4 landscape (PDF,
 * its first page turned into a PNG with pdftoppm). `--all` adds every page, in Japanese and English, at
 * both widths, for a review.
 *
 *   npm run screenshots -- --base http://127.0.0.1:3000 --password … [--out docs/screenshots] [--all]
 */
const USAGE = "usage: npm run screenshots -- --base URL --password P [--out DIR] [--all]";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function signedIn(
  browser: Browser,
  base: string,
  email: string,
  password: string,
  width: number,
  lang: "ja" | "en",
) {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 844 : 900 },
    deviceScaleFactor: width < 600 ? 2 : 1,
    baseURL: base,
  });
  const page = await context.newPage();
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId("who").waitFor({ state: "attached", timeout: 30_000 });
  if (lang === "en") await context.addCookies([{ name: "lang", value: "en", url: base }]);
  return page;
}

async function shoot(page: Page, url: string, file: string, fullPage = true) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function main() {
  const { options } = parseArgs(process.argv.slice(2));
  const base = stringOption(options, "base");
  const password = stringOption(options, "password") ?? process.env.DEMO_PASSWORD;
  if (!base || !password) throw new Error(USAGE);
  const out = stringOption(options, "out") ?? "docs/screenshots";
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ARGS,
  });
  try {
    const desktop = await signedIn(browser, base, "admin@example.jp", password, 1440, "ja");
    await shoot(desktop, "/", path.join(out, "overview-desktop.png"), false);
    const phone = await signedIn(browser, base, "tokyo@example.jp", password, 390, "ja");
    await shoot(phone, "/", path.join(out, "overview-phone.png"), false);
    await shoot(phone, "/follow-ups", path.join(out, "follow-ups-phone.png"), false);

    await desktop.goto("/");
    await desktop.waitForLoadState("networkidle");
    // The PDF itself stays out of the README's folder unless asked for (--all keeps it for a review).
    const pdf = path.join(
      options.has("all") ? out : mkdtempSync(path.join(os.tmpdir(), "print-")),
      "overview-print.pdf",
    );
    await desktop.pdf({ path: pdf, landscape: true, format: "A4", printBackground: true, preferCSSPageSize: true });
    const png = spawnSync(
      "pdftoppm",
      ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(out, "overview-print")],
      { stdio: "inherit" },
    );
    if (png.status !== 0) throw new Error("pdftoppm failed (apt-get install poppler-utils)");
    console.log(path.join(out, "overview-print.png"));

    if (options.has("all")) {
      const facility = await desktop.evaluate(
        async () => (await (await fetch("/api/v1/follow-ups?pageSize=1")).json()).items[0]?.code as string | undefined,
      );
      const pages = [
        "/",
        "/prefectures/13",
        "/follow-ups",
        `/facilities/${facility ?? ""}`,
        "/follow-ups/letters",
        "/imports",
        "/imports/history",
        "/admin/users",
        "/admin/audit",
        "/account/password",
        "/no-such-page",
      ];
      for (const lang of ["ja", "en"] as const) {
        for (const width of [1440, 390]) {
          const page = await signedIn(browser, base, "admin@example.jp", password, width, lang);
          for (const url of pages) {
            const name = url === "/" ? "overview" : url.slice(1).replaceAll("/", "-");
            await shoot(page, url, path.join(out, `${name}-${lang}-${width}.png`));
          }
          await page.context().close();
        }
      }
      const tokyo = await signedIn(browser, base, "tokyo@example.jp", password, 1440, "ja");
      await shoot(tokyo, "/", path.join(out, "overview-tokyo-1440.png"));
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
