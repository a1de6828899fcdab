import { z } from "zod";

/**
 * Every setting the server and the scripts read from the environment, checked in one place at start
 * (instrumentation.ts for the server, db/client.ts for anything that opens the database). An empty value
 * counts as unset. A bad value stops the start with a message naming the variable, instead of being
 * silently replaced by a default somewhere deep inside. The README's configuration table lists the same.
 */
const unset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const int = (min: number, max: number, fallback: number) =>
  z.preprocess(
    unset,
    z
      .string()
      .regex(/^\d+$/, { message: `expected a whole number from ${min} to ${max}` })
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(min, { message: `expected at least ${min}` })
          .max(max, { message: `expected at most ${max}` }),
      )
      .default(fallback),
  );

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: "expected a postgres:// or postgresql:// URL" });

export const SSL_MODES = ["disable", "prefer", "require", "verify-full"] as const;
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const configSchema = z.object({
  DATABASE_URL: z.preprocess(unset, postgresUrl.optional()),
  DATABASE_REPLICA_URL: z.preprocess(unset, postgresUrl.optional()),
  DB_POOL_MAX: int(1, 1000, 10),
  DB_STATEMENT_TIMEOUT_MS: int(0, 86_400_000, 30_000),
  DB_CONNECT_TIMEOUT_S: int(1, 600, 10),
  DB_SSL_MODE: z.preprocess(unset, z.enum(SSL_MODES).optional()),
  DB_SSL_CA_FILE: z.preprocess(unset, z.string().optional()),
  PGLITE_DIR: z.preprocess(unset, z.string().default("./.data/pglite")),
  NEXTAUTH_SECRET: z.preprocess(unset, z.string().min(16, { message: "expected at least 16 characters" }).optional()),
  NEXTAUTH_URL: z.preprocess(unset, z.url({ protocol: /^https?$/, message: "expected an http(s) URL" }).optional()),
  TRUSTED_PROXY_HOPS: int(0, 10, 0),
  IMPORT_MAX_BYTES: int(1024, 4 * 1024 ** 3, 128 * 1024 * 1024),
  IMPORT_TMP_DIR: z.preprocess(unset, z.string().optional()),
  SESSION_MAX_HOURS: int(1, 24 * 31, 8),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: int(1, 1000, 5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: int(1, 100_000, 30),
  SIGNIN_WINDOW_MINUTES: int(1, 24 * 60, 15),
  TEMP_PASSWORD_HOURS: int(1, 24 * 31, 72),
  CERTIFICATE_VALID_YEARS: int(1, 20, 3),
  LOG_LEVEL: z.preprocess(unset, z.enum(LOG_LEVELS).default("info")),
  READY_TIMEOUT_MS: int(100, 60_000, 2000),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration (see .env.example): ${problems.map((p) => `${p.variable}: ${p.message}`).join("; ")}`);
    this.name = "ConfigError";
  }
}

/** The settings from `env` (process.env by default), or a ConfigError naming every bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? "?");
      const value = env[variable];
      // Never echo a secret or a URL that may hold a password.
      const shown =
        value === undefined || /SECRET|URL/.test(variable) ? "" : ` (got ${JSON.stringify(value.slice(0, 40))})`;
      return { variable, message: issue.message + shown };
    }),
  );
}

/** The server's own check at start: the settings above, and a session secret (next-auth signs with it). */
export function readServerConfig(env: Record<string, string | undefined> = process.env): Config {
  const config = readConfig(env);
  if (!config.NEXTAUTH_SECRET)
    throw new ConfigError([{ variable: "NEXTAUTH_SECRET", message: "required to run the server" }]);
  return config;
}
