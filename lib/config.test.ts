import { describe, expect, it } from "vitest";
import { ConfigError, readConfig, readServerConfig } from "./config";

describe("configuration from the environment", () => {
  it("gives the documented defaults when nothing is set, and treats empty values as unset", () => {
    const config = readConfig({ DB_POOL_MAX: "", LOG_LEVEL: " " });
    expect(config).toMatchObject({
      DB_POOL_MAX: 10,
      DB_STATEMENT_TIMEOUT_MS: 30000,
      DB_CONNECT_TIMEOUT_S: 10,
      TRUSTED_PROXY_HOPS: 0,
      IMPORT_MAX_BYTES: 128 * 1024 * 1024,
      SESSION_MAX_HOURS: 8,
      TEMP_PASSWORD_HOURS: 72,
      CERTIFICATE_VALID_YEARS: 3,
      LOG_LEVEL: "info",
      PGLITE_DIR: "./.data/pglite",
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATABASE_REPLICA_URL).toBeUndefined();
  });

  it("reads numbers and choices", () => {
    const config = readConfig({
      DB_POOL_MAX: "25",
      DB_STATEMENT_TIMEOUT_MS: "0",
      DB_SSL_MODE: "verify-full",
      LOG_LEVEL: "debug",
    });
    expect(config).toMatchObject({
      DB_POOL_MAX: 25,
      DB_STATEMENT_TIMEOUT_MS: 0,
      DB_SSL_MODE: "verify-full",
      LOG_LEVEL: "debug",
    });
  });

  it("names every bad variable and what it expected", () => {
    let caught: unknown;
    try {
      readConfig({ DB_POOL_MAX: "ten", DB_SSL_MODE: "on", SESSION_MAX_HOURS: "0", DATABASE_URL: "mysql://x" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(["DATABASE_URL", "DB_POOL_MAX", "DB_SSL_MODE", "SESSION_MAX_HOURS"]);
    expect((caught as Error).message).toContain('DB_POOL_MAX: expected a whole number from 1 to 1000 (got "ten")');
    expect((caught as Error).message).toContain("SESSION_MAX_HOURS: expected at least 1");
  });

  it("never repeats a secret or a database URL in the message", () => {
    expect(() => readConfig({ NEXTAUTH_SECRET: "short", DATABASE_URL: "http://user:hunter2@db" })).toThrow(ConfigError);
    try {
      readConfig({ NEXTAUTH_SECRET: "short", DATABASE_URL: "http://user:hunter2@db" });
    } catch (error) {
      expect((error as Error).message).not.toContain("hunter2");
      expect((error as Error).message).not.toContain('short"');
      expect((error as Error).message).toContain("NEXTAUTH_SECRET");
    }
  });

  it("the server needs a session secret", () => {
    expect(() => readServerConfig({})).toThrow(/NEXTAUTH_SECRET: required/);
    expect(readServerConfig({ NEXTAUTH_SECRET: "a-long-enough-secret" }).NEXTAUTH_SECRET).toBe("a-long-enough-secret");
  });
});

describe(".env.example", () => {
  it("lists every setting the configuration reads, and its defaults are the configuration's", async () => {
    const { readFileSync } = await import("node:fs");
    const { configSchema } = await import("./config");
    const text = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const listed = new Map(
      text
        .split("\n")
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)] as const),
    );
    for (const name of Object.keys(configSchema.shape)) expect(listed.has(name), name).toBe(true);
    const defaults = readConfig({});
    for (const [name, value] of listed) {
      if (!(name in configSchema.shape) || value === "" || name === "DATABASE_URL") continue;
      expect(String(defaults[name as keyof typeof defaults]), name).toBe(value);
    }
  });
});
