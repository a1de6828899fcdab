import { NextResponse } from "next/server";
import { openApiDocument } from "@/app/_lib/openapi";
import { route } from "@/app/_lib/route";

export const dynamic = "force-dynamic";

/**
 * The OpenAPI description of every /api/v1 route, generated from
 * the routes' zod schemas; signed-in callers only, like the API.
 */
export const GET = route({}, async () => NextResponse.json(openApiDocument()));
