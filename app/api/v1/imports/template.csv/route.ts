import { NextResponse, type NextRequest } from "next/server";
import { apiUser } from "@/app/_auth/session";
import { csvResponse } from "@/app/_lib/csv-response";
import { importTemplateRows, TEMPLATE_KINDS } from "@/lib/import/template";

export const dynamic = "force-dynamic";

/** GET /api/v1/imports/template.csv?kind=facilities|filings|events[&encoding=shift_jis]: an empty form to fill in. */
export async function GET(req: NextRequest) {
  const auth = await apiUser("editor");
  if (!auth.ok) return auth.response;
  const kind = TEMPLATE_KINDS.find((k) => k === req.nextUrl.searchParams.get("kind"));
  if (!kind)
    return NextResponse.json(
      {
        error: "invalid_query",
        issues: [{ param: "kind", message: `kind must be one of ${TEMPLATE_KINDS.join(", ")}` }],
      },
      { status: 400 },
    );
  return csvResponse(importTemplateRows(kind), `template_${kind}.csv`, req.nextUrl.searchParams.get("encoding"));
}
