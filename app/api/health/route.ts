import { NextResponse } from "next/server";
import { publicRoute } from "@/app/_lib/route";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. No database, no sign-in, nothing about the installation. */
export const GET = publicRoute(() => NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }));
