import { readDb } from "@/app/_lib/read-db";
import { listFollowUps } from "@/db/queries/follow-ups";
import { auditRead } from "@/app/_lib/access-audit";
import { followUpQuery, toFollowUpFilter } from "@/app/_lib/follow-up-params";
import { followUpJson } from "@/app/_lib/follow-up-json";
import { route } from "@/app/_lib/route";

export const dynamic = "force-dynamic";

/** The follow-up list (the same query as the /follow-ups page), within the caller's prefectures. */
export const GET = route({ query: followUpQuery }, async ({ user, query }) => {
  const filter = toFollowUpFilter(query, user.id);
  const page = await listFollowUps(await readDb(), user.scope, filter, query.page, query.pageSize);
  await auditRead(user, "read.list", "follow-ups", {
    filters: query,
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
});
