import { NextResponse, type NextRequest } from "next/server";
import { readDb } from "@/app/_lib/read-db";
import { progress } from "@/db/queries/progress";
import { todayIso } from "@/lib/dates";
import { apiUser } from "@/app/_auth/session";
import { progressQuery, searchParamsObject } from "@/app/_lib/dashboard-params";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  const parsed = progressQuery.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!parsed.success) {
    return NextResponse.json(
      {
        error: "invalid_query",
        issues: parsed.error.issues.map((i) => ({ param: i.path.join("."), message: i.message })),
      },
      { status: 400 },
    );
  }
  const { asOf, ...filter } = parsed.data;
  const result = await progress(await readDb(), auth.user.scope, { ...filter, asOf: asOf ?? todayIso() });
  return NextResponse.json(result);
}
