import { readFileSync } from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { serverNodeOptions } from "../server-options";

/**
 * The production server (the standalone build `npm start` runs)
 * for the page and export measurements, signed in over HTTP.
 */
export interface BenchServer {
  baseUrl: string;
  cookie: string;
  pid: number;
  rssMb: () => number;
  stop: () => Promise<void>;
}

function rssOf(pid: number): number {
  try {
    // /proc/<pid>/status VmRSS in kB (the server is started directly with node, so this is its pid).
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * Runs `fn` `runs` times against the server while sampling its resident memory every 50 ms: the times
 * (sorted), its size before the first run and its peak, and what the last run returned.
 */
export async function timedWithMemory<T>(
  server: BenchServer,
  runs: number,
  fn: () => Promise<T>,
): Promise<{ times: number[]; idle: number; peak: number; last: T | undefined }> {
  const idle = server.rssMb();
  let peak = idle;
  const timer = setInterval(() => (peak = Math.max(peak, server.rssMb())), 50);
  const times: number[] = [];
  let last: T | undefined;
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      last = await fn();
      times.push(performance.now() - started);
    }
  } finally {
    clearInterval(timer);
  }
  return { times: times.sort((a, b) => a - b), idle, peak: Math.max(peak, server.rssMb()), last };
}

/** On `BENCH_PORT` when set (several people benchmarking on one machine), else 3199. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  email: string,
  password: string,
  port = Number(env.BENCH_PORT ?? process.env.BENCH_PORT ?? 3199),
): Promise<BenchServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [".next/standalone/server.js"], {
    env: {
      ...env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS),
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET || "bench-secret-not-for-production",
      DB_STATEMENT_TIMEOUT_MS: env.BENCH_SERVER_STATEMENT_TIMEOUT_MS ?? "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(`${baseUrl}/api/auth/csrf`, 60_000);
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error("benchmark sign-in failed");
  return {
    baseUrl,
    cookie: [...jar, session].join("; "),
    pid: child.pid!,
    rssMb: () => rssOf(child.pid!),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
