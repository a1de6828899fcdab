import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "@/lib/config";
import { postgresClient } from "./client";

/**
 * The connection as a managed PostgreSQL needs it: TLS with the host name sent (SNI), several hosts, a
 * connect timeout and a statement timeout on every connection. Against the local server; the TLS cases
 * need it to have ssl on (.ci/pg-tls.sh turns it on; CI sets REQUIRE_PG_TLS so that they cannot be skipped).
 */
const baseUrl = process.env.DATABASE_URL;
const clients: postgres.Sql[] = [];

function client(url: string, env: Record<string, string> = {}): postgres.Sql {
  const sql = postgresClient(url, readConfig({ DATABASE_URL: url, ...env }), { max: 1 });
  clients.push(sql);
  return sql;
}

function withUrl(change: (url: URL) => void): string {
  const url = new URL(baseUrl!);
  change(url);
  return url.toString();
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end({ timeout: 1 })));
});

describe.skipIf(!baseUrl)("postgres-js connection (needs PostgreSQL at DATABASE_URL)", () => {
  let sslOn = false;
  let certFile = "";
  beforeAll(async () => {
    const admin = client(baseUrl!);
    const [row] = await admin<
      { ssl: string; cert: string }[]
    >`select current_setting('ssl') as ssl, current_setting('ssl_cert_file') as cert`;
    sslOn = row.ssl === "on";
    certFile = row.cert;
    if (!sslOn && process.env.REQUIRE_PG_TLS) throw new Error("the local PostgreSQL has ssl off: run .ci/pg-tls.sh");
  });

  it("sets DB_STATEMENT_TIMEOUT_MS on every connection of the pool, and a statement over it is cancelled", async () => {
    const sql = postgresClient(baseUrl!, readConfig({ DATABASE_URL: baseUrl, DB_STATEMENT_TIMEOUT_MS: "400" }), {
      max: 3,
    });
    clients.push(sql);
    const settings = await Promise.all(
      [1, 2, 3].map(() =>
        sql.begin(
          async (tx) => (await tx`select current_setting('statement_timeout') as t, pg_backend_pid() as pid`)[0],
        ),
      ),
    );
    expect(new Set(settings.map((s) => s.pid)).size).toBe(3);
    expect(settings.map((s) => s.t)).toEqual(["400ms", "400ms", "400ms"]);
    await expect(sql`select pg_sleep(2)`).rejects.toMatchObject({ code: "57014" });
  });

  it("uses the default of 30 s when the variable is unset, and 0 turns it off", async () => {
    expect((await client(baseUrl!)`select current_setting('statement_timeout') as t`)[0].t).toBe("30s");
    expect(
      (await client(baseUrl!, { DB_STATEMENT_TIMEOUT_MS: "0" })`select current_setting('statement_timeout') as t`)[0].t,
    ).toBe("0");
  });

  it("tries the hosts of a multi-host URL in turn", async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const deadPort = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const url = new URL(baseUrl!);
    const multi =
      `postgres://${url.username}${url.password ? `:${url.password}` : ""}` +
      `@127.0.0.1:${deadPort},${url.hostname}:${url.port || 5432}${url.pathname}`;
    const [row] = await client(multi)`select 1 as one`;
    expect(row.one).toBe(1);
  });

  it("gives up after DB_CONNECT_TIMEOUT_S on a server that never answers", async () => {
    const silent = net.createServer((socket) => socket.on("error", () => {}));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as net.AddressInfo).port;
    const started = performance.now();
    await expect(
      client(`postgres://postgres@127.0.0.1:${port}/x`, { DB_CONNECT_TIMEOUT_S: "1" })`select 1`,
    ).rejects.toMatchObject({ code: "CONNECT_TIMEOUT" });
    expect(performance.now() - started).toBeLessThan(5000);
    silent.close();
  });

  it("negotiates TLS with sslmode=require", async (ctx) => {
    if (!sslOn) ctx.skip("the local PostgreSQL has ssl off (run .ci/pg-tls.sh)");
    const sql = client(withUrl((u) => u.searchParams.set("sslmode", "require")));
    const [row] = await sql`select ssl, version from pg_stat_ssl where pid = pg_backend_pid()`;
    expect(row.ssl).toBe(true);
    expect(row.version).toMatch(/^TLSv1\.[23]$/);
    // DB_SSL_MODE says the same without touching the URL.
    const [viaEnv] = await client(baseUrl!, {
      DB_SSL_MODE: "require",
    })`select ssl from pg_stat_ssl where pid = pg_backend_pid()`;
    expect(viaEnv.ssl).toBe(true);
  });

  it("verifies the server's certificate and name with verify-full and a CA file", async (ctx) => {
    if (!sslOn) ctx.skip("the local PostgreSQL has ssl off (run .ci/pg-tls.sh)");
    const dir = mkdtempSync(path.join(os.tmpdir(), "claims-ca-"));
    try {
      const ca = path.join(dir, "ca.crt");
      execFileSync("cp", [certFile, ca]);
      const local = withUrl((u) => (u.hostname = "localhost"));
      const [row] = await client(local, {
        DB_SSL_MODE: "verify-full",
        DB_SSL_CA_FILE: ca,
      })`select ssl from pg_stat_ssl where pid = pg_backend_pid()`;
      expect(row.ssl).toBe(true);
      // Without the CA the self-signed certificate is refused.
      await expect(client(local, { DB_SSL_MODE: "verify-full" })`select 1`).rejects.toThrow(
        /self[- ]signed|certificate/i,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sends the host name as the TLS server name (SNI), not for an IP address", async () => {
    // A stand-in server: answers PostgreSQL's SSLRequest with 'S', then records each TLS ClientHello's name.
    const dir = mkdtempSync(path.join(os.tmpdir(), "claims-sni-"));
    const key = path.join(dir, "k.pem");
    const cert = path.join(dir, "c.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-keyout",
        key,
        "-out",
        cert,
      ],
      { stdio: "ignore" },
    );
    const context = tls.createSecureContext({ key: readFileSync(key), cert: readFileSync(cert) });
    // One stand-in server per case: a client that is still retrying cannot add to another case's names.
    const nameSent = async (host: string) => {
      const handshakes: { name: string | undefined }[] = [];
      const server = net.createServer((raw) => {
        raw.on("error", () => {});
        raw.once("data", () => {
          raw.write("S");
          let name: string | undefined;
          const secure = new tls.TLSSocket(raw, {
            isServer: true,
            secureContext: context,
            SNICallback: (servername, cb) => {
              name = servername;
              cb(null, context);
            },
          });
          secure.on("secure", () => {
            handshakes.push({ name });
            secure.destroy();
          });
          secure.on("error", () => {});
        });
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      const port = (server.address() as net.AddressInfo).port;
      const sql = client(`postgres://u@${host}:${port}/x?sslmode=require`, { DB_CONNECT_TIMEOUT_S: "10" });
      sql`select 1`.catch(() => {});
      // Up to 10 s: on a busy machine the handshake can take seconds.
      for (let i = 0; i < 500 && handshakes.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await sql.end({ timeout: 0 });
      server.close();
      expect(handshakes.length).toBeGreaterThan(0);
      return handshakes[0].name;
    };
    try {
      expect(await nameSent("localhost")).toBe("localhost");
      expect(await nameSent("127.0.0.1")).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
