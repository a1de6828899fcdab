import { expect, test } from "@playwright/test";
import { openCallers, type Callers } from "./tamper-callers";
import { addMonths, todayIso } from "../lib/dates";

/** Hostile requests that once cost the server unbounded work or slipped past the audit (issue 16). */
let callers: Callers;
test.beforeAll(async () => {
  callers = await openCallers();
});
test.afterAll(async () => callers?.dispose());

const DATED_APIS = [
  "/api/v1/progress",
  "/api/v1/facilities",
  "/api/v1/follow-ups",
  "/api/v1/export/progress.csv",
  "/api/v1/export/trend.csv",
  "/api/v1/export/facilities.csv",
  "/api/v1/export/follow-ups.csv",
];

test.describe("dates outside 2015-01-01 … a year ahead", () => {
  test("every API and export that takes asOf refuses them with 400 and says the window, quickly", async () => {
    for (const route of DATED_APIS) {
      for (const asOf of ["9999-12-31", "2014-12-31", addMonths(todayIso(), 13)]) {
        const started = Date.now();
        const res = await callers.get("tokyo", `${route}?asOf=${asOf}`);
        expect(res.status(), `${route} asOf=${asOf}`).toBe(400);
        expect(Date.now() - started, `${route} answered at once`).toBeLessThan(5_000);
      }
      const ok = await callers.get("tokyo", `${route}?asOf=${addMonths(todayIso(), 11)}`);
      expect(ok.status(), `${route} a date inside the window`).toBe(200);
    }
    const body = await (await callers.get("tokyo", "/api/v1/progress?asOf=9999-12-31")).json();
    expect(JSON.stringify(body)).toContain("2015-01-01");
    // The follow-up list's other dates take the same window.
    expect((await callers.get("tokyo", "/api/v1/follow-ups?dueBefore=9999-12-31")).status()).toBe(400);
  });

  test("pages show the nearest allowed date and say so", async () => {
    const latest = addMonths(todayIso(), 12);
    for (const url of ["/?asOf=9999-12-31", "/prefectures/13?asOf=9999-12-31", "/follow-ups?asOf=9999-12-31"]) {
      const started = Date.now();
      const res = await callers.get("tokyo", url);
      expect(res.status(), url).toBe(200);
      expect(Date.now() - started, `${url} answered without a month-by-month walk`).toBeLessThan(15_000);
      const html = await res.text();
      expect(html, url).toContain("9999-12-31");
      expect(html, url).toContain(latest);
      expect(html, url).toContain('data-testid="as-of-clamped"');
    }
    const early = await (await callers.get("tokyo", "/?asOf=1900-01-01")).text();
    expect(early).toContain('value="2015-01-01"');
  });
});
