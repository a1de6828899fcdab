import { NextResponse } from "next/server";
import { getDb, getReadDb } from "@/db/client";
import { schemaIsCurrent } from "@/db/queries/health";
import { readConfig } from "@/lib/config";
import { logger } from "@/lib/log";
import { publicRoute } from "@/app/_lib/route";

export const dynamic = "force-dynamic";

/**
 * Readiness: the database (and the read replica, when one is set) answers within READY_TIMEOUT_MS and has
 * this build's latest migration. No sign-in; the answer says ready or not and nothing else (the reason is
 * logged for the operator).
 */
export const GET = publicRoute(async () => {
  const timeoutMs = readConfig().READY_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>(
    (resolve) => (timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs)),
  );
  const check = async (): Promise<string | null> => {
    const primary = getDb();
    const replica = getReadDb();
    const databases = replica === primary ? [primary] : [primary, replica];
    const current = await Promise.all(databases.map(schemaIsCurrent));
    return current.every(Boolean) ? null : "the latest migration is not applied (run npm run db:migrate)";
  };
  const problem = await Promise.race([check().catch((error: Error) => `database error: ${error.message}`), timeout]);
  clearTimeout(timer);
  if (problem) {
    logger.warn({ check: "ready", problem }, "not ready");
    return NextResponse.json({ status: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
  return NextResponse.json({ status: "ready" }, { headers: { "cache-control": "no-store" } });
});
