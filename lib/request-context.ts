import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * What the request log line needs to know about the request being served: its id (also sent back in the
 * X-Request-Id header and shown on the error pages) and, once the session has been read, the user's id.
 * Kept on globalThis: the instrumentation hook and the app's route bundles are separate module graphs in
 * one process, and all must see the same store.
 */
export interface RequestContext {
  id: string;
  userId?: number;
}

const shared = globalThis as unknown as { __claimsRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext: AsyncLocalStorage<RequestContext> = (shared.__claimsRequestContext ??=
  new AsyncLocalStorage<RequestContext>());

export const REQUEST_ID_HEADER = "x-request-id";

/** A request id from the load balancer is kept when it looks like one (no spaces, quotes or control characters). */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && /^[A-Za-z0-9._:-]{8,128}$/.test(value) ? value : randomUUID();
}

/** Called where the session is read: the signed-in user's id goes on the request's log line. */
export function noteRequestUser(userId: number): void {
  const store = requestContext.getStore();
  if (store) store.userId = userId;
}
