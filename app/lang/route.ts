import { NextResponse, type NextRequest } from "next/server";
import { sameSitePath } from "@/lib/safe-redirect";
import { publicRoute } from "@/app/_lib/route";

/** Switches the interface language (cookie) and goes back to the page the person was on. */
export const GET = publicRoute((req: NextRequest) => {
  const lang = req.nextUrl.searchParams.get("to") === "en" ? "en" : "ja";
  const target = sameSitePath(req.nextUrl.searchParams.get("back"));
  // A relative Location keeps the browser on the host it used (127.0.0.1 and localhost hold different cookies).
  const res = new NextResponse(null, { status: 303, headers: { location: target } });
  res.cookies.set("lang", lang, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return res;
});
