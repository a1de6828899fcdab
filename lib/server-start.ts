import type { Instrumentation } from "next";
import { ConfigError, readServerConfig } from "./config";
import { logger } from "./log";
import { requestContext } from "./request-context";
import { installRequestLog } from "./request-log";

/** At start: a bad setting stops the server with its name (exit 1); else the request log is installed. */
export function startServer(): void {
  try {
    readServerConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.fatal({ problems: error.problems }, error.message);
    logger.flush();
    process.exit(1);
  }
  installRequestLog(logger);
  logger.info({ node: process.version, pid: process.pid }, "server started");
}

/** Errors may come from another realm (the app's bundles): anything with a message counts as one. */
function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (value && typeof value === "object" && typeof (value as Error).message === "string") return value as Error;
  return new Error(String(value));
}

/** The underlying error (drizzle wraps the driver's as "Failed query: …"), with its own stack. */
function causeOf(err: Error): { cause?: { type: string; message: string; stack?: string } } {
  if (err.cause === undefined || err.cause === null) return {};
  const cause = asError(err.cause);
  return { cause: { type: cause.name || "Error", message: cause.message, stack: cause.stack } };
}

type ErrorHookArgs = Parameters<Instrumentation.onRequestError>;

/** One line per error thrown while serving a request: its stack, the request id, route, user and digest. */
export function logRequestError(error: ErrorHookArgs[0], request: ErrorHookArgs[1], context: ErrorHookArgs[2]): void {
  const err = asError(error);
  const store = requestContext.getStore();
  logger.error(
    {
      requestId: request.headers["x-request-id"] ?? store?.id ?? null,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      renderSource: context.renderSource,
      userId: store?.userId ?? null,
      digest: (err as Error & { digest?: string }).digest,
      err: { type: err.name || "Error", message: err.message, stack: err.stack, ...causeOf(err) },
    },
    "request error",
  );
}
