import { expect, test } from "@playwright/test";
import { ROUTES, probeUrl, type Outcome, type RouteEntry } from "./routes";
import { LEAK, PAGE_FORBIDDEN, openCallers, type Callers, type Who } from "./tamper-callers";

/**
 * Every route in e2e/routes.ts, over HTTP against the built server: asked by a signed-out visitor, the
 * national viewer and the Tokyo editor (for Osaka's data), then with hostile filter values.
 */
let callers: Callers;
test.beforeAll(async () => {
  callers = await openCallers();
});
test.afterAll(async () => callers?.dispose());

async function expectOutcome(entry: RouteEntry, who: Who, outcome: Outcome, url: string): Promise<void> {
  const { ids } = callers;
  const res = await callers.get(who, url);
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
      const plain = await callers.get(who, entry.route);
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
  const { ids } = callers;
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
    const rows = body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1);
    for (const cell of rows.flatMap((r) => r.split(",")))
      if (/^\d+(\.\d+)?$/.test(cell)) expect(Number(cell), `${label}: ${cell}`).toBe(0);
  }
}

test.describe("every route answers each kind of caller as its entry says", () => {
  for (const entry of ROUTES.filter((r) => r.kind !== "action" && r.method === "GET")) {
    test(`${entry.route}`, async () => {
      await expectOutcome(entry, "signedOut", entry.signedOut, probeUrl(entry, callers.ids));
      await expectOutcome(entry, "viewer", entry.viewer, probeUrl(entry, callers.ids));
      if (entry.tokyo !== "n/a") await expectOutcome(entry, "tokyo", entry.tokyo, probeUrl(entry, callers.ids));
    });
  }
});

const HOSTILE = [
  "//evil.example",
  "/\\evil.example",
  "' or 1=1 --",
  "27') union select code from facilities --",
  "x".repeat(5000),
  "a\u0000b",
  "\u202e27",
  "２７",
  "𠮷😀",
  "%ED%A0%80",
];

test.describe("hostile filter values are answered with 200, 400 or 404, never an error page or a leak", () => {
  for (const entry of ROUTES.filter((r) => r.hostile && r.kind !== "action")) {
    test(`${entry.route}`, async () => {
      const who: Who = entry.tokyo === "forbidden" || entry.tokyo === "403" ? "admin" : "tokyo";
      const { ids } = callers;
      const base = entry.route.includes("[")
        ? probeUrl(entry, { ...ids, osakaCode: ids.tokyoCode }).replace("/27", "/13")
        : entry.route;
      for (const key of entry.hostile!) {
        for (const value of HOSTILE) {
          const encoded = value.startsWith("%") ? value : encodeURIComponent(value);
          const url = `${base}${base.includes("?") ? "&" : "?"}${key}=${encoded}`;
          const res = await callers.get(who, url);
          const label = `${url.slice(0, 120)} → ${res.status()}`;
          expect([200, 303, 307, 400, 404], label).toContain(res.status());
          const body = res.status() >= 300 && res.status() < 400 ? "" : await res.text();
          expect(body, label).not.toMatch(LEAK);
          if (who === "tokyo") expect(body, label).not.toContain(ids.osakaName);
          // A redirect stays on this site (no "//host", no "/\host", no other origin).
          if (res.status() >= 300 && res.status() < 400)
            expect(res.headers().location ?? "", label).toMatch(/^(\/(?![\/\\])|http:\/\/127\.0\.0\.1:\d+\/)/);
        }
      }
    });
  }
});
