import { readDb } from "@/app/_lib/read-db";
import { listFacilities } from "@/db/queries/facilities";
import { auditRead } from "@/app/_lib/access-audit";
import { facilityQuery, toFacilityFilter } from "@/app/_lib/follow-up-params";
import { route } from "@/app/_lib/route";

export const dynamic = "force-dynamic";

/** Facilities within the caller's prefectures, filtered and paged (the prefecture page's table reads the same). */
export const GET = route({ query: facilityQuery }, async ({ user, query }) => {
  const page = await listFacilities(await readDb(), user.scope, toFacilityFilter(query), query.page, query.pageSize);
  await auditRead(user, "read.list", "facilities", {
    filters: query,
    total: page.total,
    rows: page.items.length,
  });
  return Response.json(page);
});
