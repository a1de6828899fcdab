import { getDb } from "@/db/client";
import { facilityDetail } from "@/db/queries/facility-detail";
import { todayIso } from "@/lib/dates";
import { auditFacilityMiss, auditRead } from "@/app/_lib/access-audit";
import { facilityCodeParam } from "@/app/_lib/follow-up-params";
import { route } from "@/app/_lib/route";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: "not_found" }, { status: 404 });

/** One facility with its events, filings, follow-up, alerts and contact log; 404 outside the caller's scope. */
export const GET = route<undefined, { code: string }>({}, async ({ user, params }) => {
  const code = facilityCodeParam.safeParse(params.code);
  if (!code.success) return notFound();
  const detail = await facilityDetail(getDb(), user.scope, code.data, todayIso());
  if (!detail) {
    await auditFacilityMiss(user, code.data);
    return notFound();
  }
  await auditRead(user, "read.facility", code.data, { via: "api" });
  return Response.json({
    ...detail.facility,
    events: detail.events,
    filings: detail.filings,
    followUp: detail.followUp,
    alerts: detail.alerts.map((a) => ({
      rule: a.rule,
      dueOn: a.dueOn,
      message: a.message.ja,
      messageEn: a.message.en,
    })),
    applyBy: detail.applyBy,
    calendar: detail.calendar,
    contacts: detail.contacts,
  });
});
