import { NextResponse } from "next/server";
import { apiUser } from "@/app/_auth/session";
import { openApiDocument } from "@/app/_lib/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI description of every /api/v1 route, generated from the routes' zod schemas; signed-in callers only, like the API. */
export async function GET() {
  const auth = await apiUser();
  if (!auth.ok) return auth.response;
  return NextResponse.json(openApiDocument());
}
