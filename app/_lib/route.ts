import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { apiUser, type CurrentUser } from "@/app/_auth/session";
import type { Actor } from "@/db/queries/audit-entry";
import type { Role } from "@/db/queries/users";
import { isCrossOrigin } from "@/lib/origin";
import { actorOf } from "@/app/_lib/actor";
import { searchParamsObject } from "@/app/_lib/dashboard-params";

/** What a handler built with `route` is given: the checks are done, the input is parsed. */
export interface RouteContext<Q, P> {
  req: NextRequest;
  user: CurrentUser;
  /** The user and client address as the audit log records them (read before any streaming starts). */
  actor: Actor;
  /** The search params parsed by the route's schema (without `encoding` and `format`). */
  query: Q;
  /** The dynamic segments of the URL ([code], [id]). */
  params: P;
  /** A download's `?encoding=` and `?format=`, kept apart from the filters. */
  download: { encoding: string | null; format: string | undefined };
}

export interface RouteSpec<Q> {
  /** The least role that may call the route (viewer when unset); signed-out callers get 401. */
  role?: Role;
  /** The search params' schema; a query it refuses answers 400 (`invalid`, else `invalidQuery`). */
  query?: z.ZodType<Q>;
  invalid?: (error: z.ZodError) => Response;
  /** A further refusal for the signed-in user, decided before the query is read (e.g. national only). */
  guard?: (user: CurrentUser) => Response | null;
  /** For a route the proxy does not see (it refuses cross-origin posts itself). */
  sameOrigin?: boolean;
}

/** The 400 of a query the route's schema refuses: each parameter and what is wrong with it. */
export function invalidQuery(error: z.ZodError): Response {
  return Response.json(
    { error: "invalid_query", issues: error.issues.map((i) => ({ param: i.path.join("."), message: i.message })) },
    { status: 400 },
  );
}

/** The 400 of the routes that answer a refused query without its issues. */
export const bareInvalidQuery = () => NextResponse.json({ error: "invalid_query" }, { status: 400 });

type Segment<P> = { params: Promise<P> };

/**
 * A route handler with the boundary's checks in one place: the sign-in and role (401/403, refusals
 * audited), the search params through zod, the audit actor. Every app/api route is built with this (or
 * `publicRoute` for the few that answer anyone), which app/route-coverage.test.ts checks.
 */
export function route<Q = undefined, P extends Record<string, string> = Record<string, never>>(
  spec: RouteSpec<Q>,
  handle: (ctx: RouteContext<Q, P>) => Promise<Response>,
): (req: NextRequest, segment: Segment<P>) => Promise<Response> {
  return async (req, segment) => {
    if (spec.sameOrigin && isCrossOrigin(req.headers))
      return NextResponse.json({ error: "cross_origin_request_refused" }, { status: 403 });
    const auth = await apiUser(spec.role);
    if (!auth.ok) return auth.response;
    const refused = spec.guard?.(auth.user);
    if (refused) return refused;
    const { encoding, format, ...rest } = searchParamsObject(req.nextUrl.searchParams);
    let query = undefined as Q;
    if (spec.query) {
      const parsed = spec.query.safeParse(rest);
      if (!parsed.success) return (spec.invalid ?? invalidQuery)(parsed.error);
      query = parsed.data;
    }
    return handle({
      req,
      user: auth.user,
      actor: await actorOf(auth.user),
      query,
      params: ((await segment?.params) ?? {}) as P,
      download: { encoding: encoding ?? null, format },
    });
  };
}

/** A route that answers without sign-in on purpose (health, readiness, sign-in itself, the language switch). */
export function publicRoute<H extends (...args: never[]) => unknown>(handler: H): H {
  return handler;
}
