import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { hashPassword } from "../lib/password";
import { serverNodeOptions } from "../scripts/server-options";

/**
 * The sign-in limit across two running app servers sharing one PostgreSQL database: the suite's own
 * server and a second standalone server on the next port. Failures on one count on the other. Needs PostgreSQL
 * (`DATABASE_URL` set for `npm run test:e2e`): the embedded PGlite admits a single process.
 */
const FIRST = Number(process.env.E2E_PORT || 3100);
const SECOND = FIRST + 1;
let second: ChildProcess | undefined;
const EMAIL = `two-servers-${Date.now().toString(36)}@example.jp`;
const PASSWORD = "Futatsu-no-server-97";

test.skip(
  !process.env.DATABASE_URL,
  "two app processes need a shared PostgreSQL database (run the e2e suite with DATABASE_URL)",
);

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // An account of its own, so that closing it does not lock the demo users out of the other specs.
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await sql`insert into users (email, password_hash, role, prefectures)
            values (${EMAIL}, ${await hashPassword(PASSWORD)}, 'viewer', ${["13"]})`;
  await sql.end();
  // The same standalone server the suite runs against (playwright.config.ts).
  second = spawn(process.execPath, [path.join(process.cwd(), ".next", "standalone", "server.js")], {
    env: {
      ...process.env,
      NODE_OPTIONS: serverNodeOptions(),
      NEXTAUTH_URL: `http://127.0.0.1:${SECOND}`,
      PORT: String(SECOND),
      HOSTNAME: "127.0.0.1",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    const ready = await fetch(`http://127.0.0.1:${SECOND}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the second app server did not start");
});

test.afterAll(async () => {
  if (second?.pid) process.kill(second.pid);
});

async function server(port: number): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${port}` });
}

/** One sign-in attempt through the server's own next-auth endpoint: "ok", or the error it reports. */
async function attempt(ctx: APIRequestContext, email: string, password: string): Promise<string> {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    failOnStatusCode: false,
  });
  const { url } = (await res.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "ok";
}

test("failures on one server close the account on the other", async () => {
  const a = await server(FIRST);
  const b = await server(SECOND);
  const email = EMAIL;
  expect(await attempt(b, email, PASSWORD)).toBe("ok"); // both servers serve the same users
  for (const ctx of [a, b, a, b, a]) expect(await attempt(ctx, email, "wrong-password-xyz")).toBe("CredentialsSignin");
  expect(await attempt(b, email, PASSWORD)).toBe("rate_limited");
  expect(await attempt(a, email, PASSWORD)).toBe("rate_limited");
  await a.dispose();
  await b.dispose();
});
