import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Logger } from "pino";
import { REQUEST_ID_HEADER, requestContext, requestIdFrom } from "./request-context";

/**
 * One JSON line per HTTP request, written when the response has been sent: time, request id, method,
 * route pattern (`/facilities/[code]`, never the query string), path, status, duration in ms and the
 * signed-in user's id. Nothing from the body, the cookies or the credentials is read. The request id is
 * taken from a load balancer's X-Request-Id when it looks like one, else made here; it is sent back in the
 * response's X-Request-Id and put on the request, where the pages and the error hook read it.
 *
 * Installed once from instrumentation.ts by wrapping the HTTP server's `request` event: the same code runs
 * under `next start` and the standalone server.js, and no proxy sees the response's status.
 */
interface ManifestRoute {
  page: string;
  regex: string;
}

export type RouteMatcher = (pathname: string) => string | null;

/** Maps a path to the route pattern Next serves it with, from the build's routes-manifest.json. */
export function routeMatcher(manifest: {
  staticRoutes?: ManifestRoute[];
  dynamicRoutes?: ManifestRoute[];
}): RouteMatcher {
  const statics = new Map((manifest.staticRoutes ?? []).map((r) => [r.page, r.page]));
  const dynamics = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return pathname.startsWith("/_next/static/") ? "/_next/static" : "/_next";
    const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    const known = statics.get(trimmed);
    if (known) return known;
    for (const route of dynamics) if (route.regex.test(pathname)) return route.page;
    return null;
  };
}

function loadMatcher(): RouteMatcher {
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "routes-manifest.json"), "utf8"));
    return routeMatcher(manifest);
  } catch {
    return (pathname) => (pathname.startsWith("/_next/") ? "/_next" : null);
  }
}

const installed = globalThis as unknown as { __claimsRequestLog?: boolean };

export function installRequestLog(logger: Logger): void {
  if (installed.__claimsRequestLog) return;
  installed.__claimsRequestLog = true;
  const routeOf = loadMatcher();
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const started = performance.now();
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader("X-Request-Id", id);
    const store = { id } as { id: string; userId?: number };
    const pathname = (req.url ?? "/").split("?")[0];
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      const route = routeOf(pathname);
      const line = {
        requestId: id,
        method: req.method,
        route,
        path: pathname.slice(0, 512),
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        userId: store.userId ?? null,
        ...(aborted ? { aborted: true } : {}),
      };
      if (route === "/_next/static") logger.debug(line, "request");
      else logger.info(line, "request");
    };
    res.once("finish", () => finish(false));
    res.once("close", () => finish(!res.writableFinished));
    return requestContext.run(store, () => emit.call(this, event, ...args));
  } as typeof http.Server.prototype.emit;
}
