import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { facilityDetail } from "@/db/queries/facility-detail";
import { todayIso } from "@/lib/dates";
import { apiUser } from "@/app/_auth/session";
import { auditFacilityMiss, auditRead } from "@/app/_lib/access-audit";
import { facilityCodeParam } from "@/app/_lib/follow-up-params";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: "not_found" }, { status: 404 });

/** One facility with its events, filings, follow-up, alerts and contact log; 404 outside the caller's scope. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const code = facilityCodeParam.safeParse((await params).code);
  if (!code.success) return notFound();
  const detail = await facilityDetail(getDb(), auth.user.scope, code.data, todayIso());
  if (!detail) {
    await auditFacilityMiss(auth.user, code.data);
    return notFound();
  }
  await auditRead(auth.user, "read.facility", code.data, { via: "api" });
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
}
