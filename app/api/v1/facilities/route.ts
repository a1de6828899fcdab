import type { NextRequest } from "next/server";
import { readDb } from "@/app/_lib/read-db";
import { listFacilities } from "@/db/queries/facilities";
import { apiUser } from "@/app/_auth/session";
import { auditRead } from "@/app/_lib/access-audit";
import { searchParamsObject } from "@/app/_lib/dashboard-params";
import { facilityQuery, invalidQuery, toFacilityFilter } from "@/app/_lib/follow-up-params";

export const dynamic = "force-dynamic";

/** Facilities within the caller's prefectures, filtered and paged (the prefecture page's table reads the same). */
export async function GET(req: NextRequest) {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const parsed = facilityQuery.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!parsed.success) return invalidQuery(parsed.error);
  const page = await listFacilities(
    await readDb(),
    auth.user.scope,
    toFacilityFilter(parsed.data),
    parsed.data.page,
    parsed.data.pageSize,
  );
  await auditRead(auth.user, "read.list", "facilities", {
    filters: parsed.data,
    total: page.total,
    rows: page.items.length,
  });
  return Response.json(page);
}
