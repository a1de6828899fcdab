import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. No database, no sign-in, nothing about the installation. */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
