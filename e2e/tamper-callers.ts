import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { PASSWORD } from "./helpers";
import type { Ids } from "./routes";

/** The tamper suite's callers and the records its probes point at (shared by the tamper-*.spec.ts files). */
export const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100)}`;
export const stamp = Date.now().toString(36);
export const PAGE_FORBIDDEN = "この操作を行う権限がありません";
/** What an error response must never show: a stack, a database error, a file path of the server. */
export const LEAK =
  /\n\s+at [\w.<]+ \(|Failed query|syntax error at|invalid byte sequence|PostgresError|node_modules\/|TypeError: |ReferenceError: /;

export type Who = "signedOut" | "viewer" | "tokyo" | "admin";
const EMAIL: Record<Exclude<Who, "signedOut">, string> = {
  viewer: "viewer@example.jp",
  tokyo: "tokyo@example.jp",
  admin: "admin@example.jp",
};

export interface Callers {
  contexts: Record<Who, APIRequestContext>;
  ids: Ids;
  get: (who: Who, url: string) => Promise<APIResponse>;
  dispose: () => Promise<void>;
}

/** An API request context signed in as one of the demo users (cookies kept in the context). */
async function signedIn(who: Exclude<Who, "signedOut">): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: EMAIL[who], password: PASSWORD, json: "true", callbackUrl: "/" },
  });
  expect(res.ok(), `sign-in of ${who}`).toBe(true);
  expect((await ctx.get("/api/v1/progress")).status(), `${who} is signed in`).toBe(200);
  return ctx;
}

export function multipart(fields: Record<string, string>, file?: { name: string; body: Buffer }) {
  return {
    multipart: { ...fields, ...(file && { file: { name: file.name, mimeType: "text/csv", buffer: file.body } }) },
  };
}

export async function importAs(ctx: APIRequestContext, kind: string, name: string, csv: string, dryRun = false) {
  const res = await ctx.post("/api/v1/imports", {
    ...multipart({ kind, dryRun: String(dryRun) }, { name, body: Buffer.from(csv) }),
    headers: { accept: "application/x-ndjson" },
  });
  const lines = (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  return lines.find((l) => l.type === "summary") as { batchId: number; inserted: number; rejected: number } | undefined;
}

/** Signs the three callers in and finds an Osaka and a Tokyo facility and an import batch only the admin may see. */
export async function openCallers(): Promise<Callers> {
  const contexts = { signedOut: await playwrightRequest.newContext({ baseURL: BASE }) } as Record<
    Who,
    APIRequestContext
  >;
  for (const who of ["viewer", "tokyo", "admin"] as const) contexts[who] = await signedIn(who);
  const first = async (pref: string) =>
    (await (await contexts.admin.get(`/api/v1/facilities?prefecture=${pref}&pageSize=1`)).json()).items[0] as {
      code: string;
      name: string;
      address: string | null;
    };
  const adminBatchFile = `admin-only-${stamp}.csv`;
  const batch = await importAs(
    contexts.admin,
    "events",
    adminBatchFile,
    "医療機関コード,状態,日付\n2799999999,オンライン,2024-01-01\n",
    true,
  );
  const osaka = await first("27");
  const ids: Ids = {
    osakaCode: osaka.code,
    osakaName: osaka.address ?? osaka.name,
    tokyoCode: (await first("13")).code,
    adminBatchId: batch!.batchId,
    adminBatchFile,
    osakaUserId: 1,
  };
  return {
    contexts,
    ids,
    get: (who, url) => contexts[who].get(url, { maxRedirects: 0, failOnStatusCode: false }),
    dispose: async () => {
      for (const ctx of Object.values(contexts)) await ctx.dispose();
    },
  };
}
