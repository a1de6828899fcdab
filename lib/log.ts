import pino from "pino";
import { readConfig } from "./config";

/**
 * The server's logger: one JSON object per line on stdout (the container's log collector reads it), ISO
 * times, level names. Anything that looks like a secret is replaced before it is written, wherever it is
 * nested. LOG_LEVEL sets the level (default info).
 */
const REDACT = [
  "password",
  "*.password",
  "*.*.password",
  "cookie",
  "*.cookie",
  "headers.cookie",
  "*.headers.cookie",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "secret",
  "*.secret",
  "token",
  "*.token",
];

function create(): pino.Logger {
  let level: string = "info";
  try {
    level = readConfig().LOG_LEVEL;
  } catch {
    // A bad configuration is reported by the start-up check; the logger still works meanwhile.
  }
  return pino({
    level,
    base: { service: "claims-tracker" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT, censor: "[redacted]" },
  });
}

const cache = globalThis as unknown as { __claimsLogger?: pino.Logger };

/** One logger per process, shared by the instrumentation hook and the app's bundles. */
export const logger: pino.Logger = (cache.__claimsLogger ??= create());
