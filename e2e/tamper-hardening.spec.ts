import { expect, test } from "@playwright/test";
import { multipart, openCallers, stamp, type Callers } from "./tamper-callers";
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

test.describe("imports that would cost without end", () => {
  test(
    "an open quote is refused for the file with a message; " +
      "a file of many bad lines keeps the first errors and counts the rest",
    async () => {
      const open = Buffer.from(`医療機関コード,医療機関名称\n1312345678,"閉じない引用符${"あ".repeat(100_000)}\n`);
      const refused = await callers.contexts.tokyo.post(
        "/api/v1/imports",
        multipart({ kind: "facilities", dryRun: "true" }, { name: "open.csv", body: open }),
      );
      expect(refused.status()).toBe(422);
      expect(await refused.json()).toMatchObject({ error: "line_too_long" });

      const lines = ["医療機関コード,医療機関名称"];
      for (let i = 0; i < 3000; i++) lines.push(`X${i},${"い".repeat(10)}`);
      const res = await callers.contexts.tokyo.post(
        "/api/v1/imports",
        multipart({ kind: "facilities", dryRun: "true" }, { name: "bad.csv", body: Buffer.from(lines.join("\n")) }),
      );
      expect(res.status()).toBe(200);
      const summary = await res.json();
      expect(summary).toMatchObject({ rows: 3000, rejected: 3000, errorsOmitted: 2000 });
      expect(summary.errors).toHaveLength(1000);
    },
  );
});

test.describe("load check", () => {
  test(
    "while one user sends ten far-future requests and a 10 MB junk import, " + "another's progress keeps p95 under 1 s",
    async () => {
      test.setTimeout(120_000);
      const junkLine = `${"9".repeat(10)},"${"ｼﾞｬﾝｸ".repeat(20)}",${"x".repeat(200)}\n`;
      const junk = Buffer.from(
        `医療機関コード,医療機関名称,所在地\n${junkLine.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(junkLine)))}`,
      );
      expect(junk.length).toBeGreaterThan(10 * 1024 * 1024);
      const attacker = callers.contexts.tokyo;
      let attacking = true;
      const attack = Promise.all([
        ...[
          "/",
          "/prefectures/13",
          "/api/v1/progress",
          "/api/v1/export/trend.csv",
          "/api/v1/export/facilities.csv",
          "/follow-ups",
          "/api/v1/facilities",
          "/api/v1/follow-ups",
          "/api/v1/export/progress.csv",
          "/api/v1/export/follow-ups.csv",
        ].map((route) => attacker.get(`${route}?asOf=9999-12-31`, { failOnStatusCode: false, timeout: 110_000 })),
        attacker.post("/api/v1/imports", {
          ...multipart({ kind: "facilities", dryRun: "true" }, { name: "junk.csv", body: junk }),
          timeout: 110_000,
        }),
      ]).finally(() => (attacking = false));
      const times: number[] = [];
      while (attacking || times.length < 20) {
        const started = performance.now();
        const res = await callers.contexts.viewer.get("/api/v1/progress", { timeout: 110_000 });
        times.push(performance.now() - started);
        expect(res.status()).toBe(200);
      }
      const answers = await attack;
      times.sort((a, b) => a - b);
      const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
      console.log(
        `load check: ${times.length} progress requests, ` +
          `p50 ${times[Math.floor(times.length / 2)].toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
      );
      expect(p95).toBeLessThan(1_000);
      for (const res of answers) expect([200, 400, 422]).toContain(res.status());
    },
  );
});

/** The admin's audit CSV rows whose text holds `needle` (newest first). */
async function auditRows(needle: string): Promise<string[]> {
  const res = await callers.contexts.admin.get(`/api/v1/export/audit.csv?q=${encodeURIComponent(needle)}`);
  expect(res.status()).toBe(200);
  return (await res.body())
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .slice(1);
}

test.describe("client address", () => {
  test(
    "an X-Forwarded-For written by the client is not believed: " + "the audit log records the connection's address",
    async () => {
      const name = `forged-xff-${stamp}.csv`;
      const res = await callers.contexts.tokyo.post("/api/v1/imports", {
        ...multipart({ kind: "events", dryRun: "true" }, { name, body: Buffer.from("医療機関コード,状態,日付\n") }),
        headers: { "x-forwarded-for": "6.6.6.6, 7.7.7.7", "x-real-ip": "8.8.8.8" },
      });
      expect(res.status()).toBe(200);
      const rows = await auditRows(name);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toContain(",127.0.0.1,");
        expect(row).not.toMatch(/6\.6\.6\.6|7\.7\.7\.7|8\.8\.8\.8/);
      }
    },
  );
});

test.describe("an audit trail an auditor would accept", () => {
  test(
    "a streamed export is logged when it starts and when it ends, " + "with the rows sent, under one export id",
    async () => {
      const res = await callers.contexts.tokyo.get("/api/v1/export/facilities.csv?prefecture=13&status=online");
      expect(res.status()).toBe(200);
      const dataRows = (await res.body()).toString("utf8").trim().split("\r\n").length - 1;
      const rows = (await auditRows("facilities.csv")).filter((r) => r.includes("tokyo@example.jp"));
      const ended = rows.find((r) => /,export,facilities\.csv,/.test(r));
      expect(ended).toBeDefined();
      const exportId = /exportId""?:""?([0-9a-f-]{36})/.exec(ended!)?.[1];
      expect(exportId).toBeDefined();
      expect(ended).toMatch(new RegExp(`rows""?:${dataRows}\\b`));
      expect(rows.some((r) => r.includes(",export.started,") && r.includes(exportId!))).toBe(true);
    },
  );

  test("reads of facility data are logged: a facility record, a list request, letters printed", async () => {
    const { tokyoCode, osakaCode } = callers.ids;
    expect((await callers.get("tokyo", `/api/v1/facilities/${tokyoCode}`)).status()).toBe(200);
    expect((await callers.get("tokyo", `/facilities/${tokyoCode}`)).status()).toBe(200);
    expect((await callers.get("tokyo", `/follow-ups/letters?codes=${tokyoCode},${osakaCode}`)).status()).toBe(200);
    const rows = (await auditRows(tokyoCode)).filter((r) => r.includes("tokyo@example.jp"));
    expect(rows.filter((r) => r.includes(",read.facility,")).length).toBeGreaterThanOrEqual(2);
    const letters = rows.find((r) => r.includes(",read.letters,"));
    expect(letters).toContain(osakaCode); // the refused code is on record too
    const marker = `${stamp}list`;
    expect((await callers.get("viewer", `/api/v1/facilities?q=${marker}`)).status()).toBe(200);
    expect(
      (await auditRows(marker)).some((r) => r.includes(",read.list,facilities,") && r.includes("viewer@example.jp")),
    ).toBe(true);
  });

  test("refused access is logged with what was asked: 403s, redirects to /forbidden, out-of-scope 404s", async () => {
    const { osakaCode } = callers.ids;
    expect((await callers.get("viewer", `/api/v1/export/audit.csv?q=${stamp}refused`)).status()).toBe(403);
    expect((await callers.get("viewer", `/imports?${stamp}forbidden=1`)).status()).toBe(307);
    expect((await callers.get("tokyo", `/api/v1/facilities/${osakaCode}`)).status()).toBe(404);
    expect((await callers.get("tokyo", `/facilities/${osakaCode}`)).status()).toBe(404);
    const refused = (await auditRows("access.refused")).filter((r) => r.includes("viewer@example.jp"));
    expect(refused.some((r) => r.includes(`/api/v1/export/audit.csv?q=${stamp}refused`))).toBe(true);
    expect(refused.some((r) => r.includes(`/imports?${stamp}forbidden=1`) && r.includes("/forbidden"))).toBe(true);
    const misses = (await auditRows(osakaCode)).filter(
      (r) => r.includes(",access.not_found,") && r.includes("tokyo@example.jp"),
    );
    expect(misses.length).toBeGreaterThanOrEqual(2);
    for (const r of misses) expect(r).toMatch(/outsideScope""?:\s?true/);
  });
});

test.describe("headers", () => {
  test("every API answer and export says no-store, refusals included", async () => {
    const { tokyoCode, osakaCode } = callers.ids;
    const asks: [string, Parameters<Callers["get"]>[0]][] = [
      ["/api/v1/progress", "tokyo"],
      ["/api/v1/progress?asOf=9999-12-31", "tokyo"],
      ["/api/v1/progress", "signedOut"],
      [`/api/v1/facilities/${tokyoCode}`, "tokyo"],
      [`/api/v1/facilities/${osakaCode}`, "tokyo"],
      ["/api/v1/facilities", "tokyo"],
      ["/api/v1/follow-ups", "tokyo"],
      ["/api/v1/export/progress.csv", "tokyo"],
      ["/api/v1/export/trend.csv", "tokyo"],
      ["/api/v1/export/audit.csv", "viewer"],
      [`/api/v1/imports/${callers.ids.adminBatchId}/errors.csv`, "tokyo"],
    ];
    for (const [url, who] of asks) {
      const res = await callers.get(who, url);
      expect(res.headers()["cache-control"] ?? "", `${url} as ${who} → ${res.status()}`).toContain("no-store");
    }
  });

  test("HSTS only when served over https (as the TLS proxy in front says)", async () => {
    const plain = await callers.get("tokyo", "/api/v1/progress");
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    const tls = await callers.contexts.tokyo.get("/api/v1/progress", { headers: { "x-forwarded-proto": "https" } });
    expect(tls.headers()["strict-transport-security"]).toMatch(/max-age=\d{8}/);
  });
});
