import type { Instrumentation } from "next";

/**
 * Runs once when the server starts (next start and the standalone server.js alike): checks the
 * configuration and stops with a message naming the bad variable, then starts the request log. Errors
 * thrown while serving a request are logged with their stack, the request id and the route. The work is
 * in lib/server-start.ts, loaded only in the Node.js runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./lib/server-start")).startServer();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs")
    (await import("./lib/server-start")).logRequestError(error, request, context);
};
