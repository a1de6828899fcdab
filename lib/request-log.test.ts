import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installRequestLog, routeMatcher } from "./request-log";
import { noteRequestUser, requestContext } from "./request-context";

describe("route patterns from the build's routes manifest", () => {
  const routeOf = routeMatcher({
    staticRoutes: [
      { page: "/", regex: "^/(?:/)?$" },
      { page: "/api/v1/export/facilities.csv", regex: "" },
    ],
    dynamicRoutes: [{ page: "/facilities/[code]", regex: "^/facilities/([^/]+?)(?:/)?$" }],
  });
  it("names the pattern, never the values in it", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/facilities/1310190010")).toBe("/facilities/[code]");
    expect(routeOf("/facilities/1310190010/")).toBe("/facilities/[code]");
    expect(routeOf("/api/v1/export/facilities.csv")).toBe("/api/v1/export/facilities.csv");
    expect(routeOf("/_next/static/chunks/x.js")).toBe("/_next/static");
    expect(routeOf("/no/such/page")).toBeNull();
  });
});

describe("one log line per request", () => {
  const lines: Record<string, unknown>[] = [];
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    installRequestLog(pino({ level: "info" }, sink));
    server = http.createServer((req, res) => {
      if (req.url?.startsWith("/signed-in")) noteRequestUser(42);
      res.statusCode = req.url?.startsWith("/missing") ? 404 : 200;
      res.end(JSON.stringify({ id: requestContext.getStore()?.id, header: req.headers["x-request-id"] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it("has the id, method, path, status, duration and user, and the id goes back in X-Request-Id", async () => {
    const res = await fetch(`${base}/signed-in?password=hunter2`, {
      headers: { cookie: "next-auth.session-token=secret-cookie" },
    });
    const body = await res.json();
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toEqual({ id, header: id });
    await expect.poll(() => lines.find((l) => l.requestId === id)).toBeTruthy();
    const line = lines.find((l) => l.requestId === id)!;
    expect(line).toMatchObject({ msg: "request", method: "GET", path: "/signed-in", status: 200, userId: 42 });
    expect(typeof line.durationMs).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("hunter2");
    expect(JSON.stringify(lines)).not.toContain("secret-cookie");
  });

  it("logs a signed-out request with no user, and its status", async () => {
    const res = await fetch(`${base}/missing`, { headers: { "x-request-id": "lb-0123456789" } });
    expect(res.headers.get("x-request-id")).toBe("lb-0123456789");
    await expect
      .poll(() => lines.find((l) => l.requestId === "lb-0123456789"))
      .toMatchObject({ status: 404, userId: null });
  });
});
