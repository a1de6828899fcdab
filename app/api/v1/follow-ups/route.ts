import type { NextRequest } from "next/server";
import { readDb } from "@/app/_lib/read-db";
import { listFollowUps } from "@/db/queries/follow-ups";
import { apiUser } from "@/app/_auth/session";
import { auditRead } from "@/app/_lib/access-audit";
import { searchParamsObject } from "@/app/_lib/dashboard-params";
import { followUpQuery, invalidQuery, toFollowUpFilter } from "@/app/_lib/follow-up-params";
import { followUpJson } from "@/app/_lib/follow-up-json";

export const dynamic = "force-dynamic";

/** The follow-up list (the same query as the /follow-ups page), within the caller's prefectures. */
export async function GET(req: NextRequest) {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const parsed = followUpQuery.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!parsed.success) return invalidQuery(parsed.error);
  const filter = toFollowUpFilter(parsed.data, auth.user.id);
  const page = await listFollowUps(await readDb(), auth.user.scope, filter, parsed.data.page, parsed.data.pageSize);
  await auditRead(auth.user, "read.list", "follow-ups", {
    filters: parsed.data,
    total: page.total,
    rows: page.items.length,
  });
  return Response.json({
    asOf: filter.asOf,
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    items: page.items.map(followUpJson),
  });
}
