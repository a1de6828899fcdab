import { expect, test, request as playwrightRequest } from "@playwright/test";
import postgres from "postgres";
import { makeFacilityCode } from "../lib/facility-code";
import { PASSWORD, signIn } from "./helpers";
import { BASE, importAs } from "./tamper-callers";

/**
 * Reads through DATABASE_REPLICA_URL. scripts/e2e.ts plays the replica with a read-only role on the
 * suite's database (SELECT only, default_transaction_read_only on), and the whole suite runs with it: every
 * page and API read must work through it, and any write sent there would fail. Here: the dashboard, list
 * and export reads really do go to that role, a write on it is refused, and after an import the importer's
 * reads go to the primary (read-your-writes).
 */
const replicaUrl = process.env.DATABASE_REPLICA_URL;
const role = replicaUrl ? decodeURIComponent(new URL(replicaUrl).username) : "";

test.skip(!replicaUrl, "needs DATABASE_REPLICA_URL (scripts/e2e.ts sets it when the suite runs on PostgreSQL)");

const READS = [
  "/",
  "/prefectures/13",
  "/follow-ups",
  "/api/v1/progress",
  "/api/v1/facilities?prefecture=13",
  "/api/v1/follow-ups",
  "/api/v1/export/facilities.csv?prefecture=13",
  "/api/v1/export/follow-ups.csv?prefecture=13",
  "/api/v1/export/progress.csv",
  "/api/v1/export/trend.csv",
];

async function replicaSessions(): Promise<number> {
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where usename = ${role}`;
    return row.n;
  } finally {
    await admin.end();
  }
}

test("the replica role is read-only: a write through it is refused", async () => {
  const reader = postgres(replicaUrl!, { max: 1, onnotice: () => {} });
  try {
    await expect(reader`update facilities set name = name where false`).rejects.toMatchObject({ code: "25006" });
    await expect(
      reader.unsafe(
        "set transaction read write; insert into saved_views (user_id, path, name, query) values (1, '/', 'x', '')",
      ),
    ).rejects.toBeTruthy();
    expect((await reader`select count(*)::int as n from facilities`)[0].n).toBeGreaterThan(0);
  } finally {
    await reader.end();
  }
});

test("every dashboard, list and export read works through the replica, and goes there", async ({ page }) => {
  await signIn(page, "viewer@example.jp");
  for (const url of READS) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
  }
  expect(await replicaSessions()).toBeGreaterThan(0);
});

test("after an import the importer reads from the primary for a while (read-your-writes)", async () => {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "admin@example.jp", password: PASSWORD, json: "true", callbackUrl: "/" },
  });
  const code = makeFacilityCode("13", "1", 98, 9000 + (Date.now() % 900));
  const csv = `医療機関コード,名称,都道府県,点数表,区分,所在地\n${code},レプリカ確認クリニック,13,医科,診療所,東京都千代田区1-1\n`;
  const summary = await importAs(ctx, "facilities", "replica.csv", csv);
  expect(summary?.rejected).toBe(0);
  const cookies = await ctx.storageState();
  expect(cookies.cookies.find((c) => c.name === "read_primary")).toMatchObject({ value: "1", httpOnly: true });
  const list = await ctx.get(`/api/v1/facilities?q=${code}`);
  expect(list.status()).toBe(200);
  expect(JSON.stringify(await list.json())).toContain(code);
  await ctx.dispose();
});
