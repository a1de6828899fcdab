import { NextResponse } from "next/server";
import { readDb } from "@/app/_lib/read-db";
import { loadProgress } from "@/db/queries/dashboard";
import { todayIso } from "@/lib/dates";
import { progressQuery } from "@/app/_lib/dashboard-params";
import { route } from "@/app/_lib/route";

export const dynamic = "force-dynamic";

/** The progress figures, grouped by prefecture, table type or category, on any date in the window. */
export const GET = route({ query: progressQuery }, async ({ user, query: { asOf, ...filter } }) =>
  NextResponse.json(await loadProgress(await readDb(), user.scope, { ...filter, asOf: asOf ?? todayIso() })),
);
