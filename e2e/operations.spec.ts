import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { serverNodeOptions } from "../scripts/server-options";
import { PASSWORD, signIn } from "./helpers";

/**
 * What an operator relies on, asked of the standalone server the suite runs against: /api/health and
 * /api/ready without sign-in and revealing nothing else, the request id in every response and on the
 * not-found page, and, from a second standalone server whose database is down, the 503 from /api/ready,
 * the Japanese error page with the id the user can quote, and the JSON log lines (one per request, one
 * per error with its stack, never a password or a cookie). A bad setting stops the server with its name.
 */
const SERVER = path.join(process.cwd(), ".next", "standalone", "server.js");

test("health and ready answer without sign-in and say nothing else", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["cache-control"]).toBe("no-store");
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  expect(ready.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("a load balancer's request id is kept; anything else is replaced", async ({ request }) => {
  const kept = await request.get("/api/health", { headers: { "x-request-id": "lb-2026-12-04-abcdef" } });
  expect(kept.headers()["x-request-id"]).toBe("lb-2026-12-04-abcdef");
  const replaced = await request.get("/api/health", { headers: { "x-request-id": 'bad id"<script>' } });
  expect(replaced.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("the not-found page is in Japanese and English and shows the request id", async ({ page }) => {
  await signIn(page, "viewer@example.jp");
  const response = await page.goto("/facilities/0000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();
  await expect(page.getByText("Page not found")).toBeVisible();
  await expect(page.getByTestId("request-id")).toHaveText(response!.headers()["x-request-id"]);
});

/** A port nothing listens on now (the second servers must not take another suite's fixed port). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

test("a bad setting stops the server with the variable's name", async () => {
  const result = spawnSync(process.execPath, [SERVER], {
    env: { ...process.env, PORT: String(await freePort()), HOSTNAME: "127.0.0.1", DB_POOL_MAX: "many" },
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stdout + result.stderr).toContain(
    'DB_POOL_MAX: expected a whole number from 1 to 1000 (got \\"many\\")',
  );
});

test.describe("with the database down", () => {
  let server: ChildProcess | undefined;
  let log = "";
  let BROKEN = 0;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    BROKEN = await freePort();
    server = spawn(process.execPath, [SERVER], {
      env: {
        ...process.env,
        NODE_OPTIONS: serverNodeOptions(),
        PORT: String(BROKEN),
        HOSTNAME: "127.0.0.1",
        NEXTAUTH_URL: `http://127.0.0.1:${BROKEN}`,
        // Nothing listens on port 9: every connection is refused at once.
        DATABASE_URL: "postgres://postgres@127.0.0.1:9/none",
        DB_CONNECT_TIMEOUT_S: "1",
        READY_TIMEOUT_MS: "1500",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    for (let i = 0; i < 120; i++) {
      if (
        await fetch(`http://127.0.0.1:${BROKEN}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error("the second server did not start");
  });

  test.afterAll(() => {
    if (server?.pid) process.kill(server.pid);
  });

  const lines = () =>
    log
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  test("health still answers, ready says 503 and nothing more", async ({ request }) => {
    expect((await request.get(`http://127.0.0.1:${BROKEN}/api/health`)).status()).toBe(200);
    const started = Date.now();
    const ready = await request.get(`http://127.0.0.1:${BROKEN}/api/ready`);
    expect(ready.status()).toBe(503);
    expect(await ready.json()).toEqual({ status: "unavailable" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("a page shows the Japanese error page with the request id, and the log holds the error with its stack", async ({
    page,
  }) => {
    // Signed in on the suite's server; the session cookie (same secret) reaches the second server too.
    await signIn(page, "viewer@example.jp");
    const response = await page.goto(`http://127.0.0.1:${BROKEN}/`);
    expect(response?.status()).toBe(500);
    await expect(page.getByRole("heading", { name: "エラーが発生しました" })).toBeVisible();
    await expect(page.getByText("Something went wrong", { exact: false })).toBeVisible();
    const requestId = response!.headers()["x-request-id"];
    await expect(page.getByTestId("request-id")).toHaveText(requestId);
    const digest = (await page.getByTestId("error-digest").textContent())?.trim();
    expect(digest).toBeTruthy();

    await expect.poll(() => lines().filter((l) => l.requestId === requestId).length).toBeGreaterThanOrEqual(2);
    const mine = lines().filter((l) => l.requestId === requestId);
    const error = mine.find((l) => l.msg === "request error")!;
    expect(error).toMatchObject({ level: "error", route: "/", method: "GET", digest });
    // The driver's error under drizzle's "Failed query" (Next hands the hook the error with its cause folded in).
    const err = error.err as { type: string; message: string; stack: string; cause?: { message: string } };
    expect(err.stack).toMatch(/^Error: Failed query/);
    expect(err.stack).toMatch(/\n\s+at /);
    expect([err.message, err.stack, err.cause?.message].join("\n")).toContain(
      "could not connect to the database: 127.0.0.1:9",
    );
    const access = mine.find((l) => l.msg === "request")!;
    expect(access).toMatchObject({ level: "info", method: "GET", route: "/", path: "/", status: 500 });
    expect(typeof access.time).toBe("string");
    expect(typeof access.durationMs).toBe("number");
    expect(access).toHaveProperty("userId");

    // Never a cookie value or a password, even from a failed sign-in.
    const cookies = await page.context().cookies();
    const form = await (await page.request.get(`http://127.0.0.1:${BROKEN}/api/auth/csrf`)).json();
    await page.request.post(`http://127.0.0.1:${BROKEN}/api/auth/callback/credentials`, {
      form: { csrfToken: form.csrfToken, email: "viewer@example.jp", password: PASSWORD, json: "true" },
      failOnStatusCode: false,
    });
    await expect
      .poll(() => lines().some((l) => l.route === "/api/auth/[...nextauth]" && l.method === "POST"))
      .toBe(true);
    expect(log).not.toContain(PASSWORD);
    for (const cookie of cookies) if (cookie.value.length > 8) expect(log).not.toContain(cookie.value);
    for (const line of lines().filter((l) => l.msg === "request")) {
      expect(Object.keys(line).sort()).toEqual(
        [
          "durationMs",
          "level",
          "method",
          "msg",
          "path",
          "requestId",
          "route",
          "service",
          "status",
          "time",
          "userId",
          ...("aborted" in line ? ["aborted"] : []),
        ].sort(),
      );
    }
  });
});
