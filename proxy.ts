import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { isCrossOrigin } from "./lib/origin";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A content security policy with a fresh nonce per request; Next puts the nonce on its own scripts. */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts set inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(res: NextResponse, csp: string): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  res.headers.set("X-Frame-Options", "DENY");
  res.headers.set("X-Content-Type-Options", "nosniff");
  res.headers.set("Referrer-Policy", "same-origin");
  res.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  return res;
}

/**
 * Every request: security headers, and a refusal of state-changing requests sent from another origin.
 * Signed-out visitors of pages go to the sign-in page. This is a convenience, not the access check:
 * every page and route calls requireUser()/apiUser().
 */
export default async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);

  if (STATE_CHANGING.has(req.method) && !pathname.startsWith("/api/auth/")) {
    if (isCrossOrigin(req.headers)) {
      return withSecurityHeaders(NextResponse.json({ error: "cross_origin_request_refused" }, { status: 403 }), csp);
    }
  }

  const forwarded = new Headers(req.headers);
  forwarded.set("x-pathname", pathname + search);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", csp);
  // A server action checks the user itself and answers a signed-out caller with a redirect its client can
  // follow; a redirect from here would reach the action's client as an unreadable page.
  const isServerAction = req.method === "POST" && req.headers.has("next-action");
  const isPublic = pathname === "/login" || pathname === "/lang" || pathname.startsWith("/api/") || isServerAction;
  if (!isPublic) {
    const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const url = req.nextUrl.clone();
      url.pathname = "/login";
      url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
      return withSecurityHeaders(NextResponse.redirect(url), csp);
    }
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers: forwarded } }), csp);
}

/**
 * The upload route is left out: a proxy would buffer the whole request body in memory (and cut it at
 * 10 MB). That route checks the origin itself, sets the same headers and streams the upload to disk.
 */
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v1/imports$).*)"],
};
