import { NextResponse, type NextRequest } from "next/server";

/** Switches the interface language (cookie) and goes back to the page the person was on. */
export function GET(req: NextRequest) {
  const lang = req.nextUrl.searchParams.get("to") === "en" ? "en" : "ja";
  const back = req.nextUrl.searchParams.get("back") ?? "/";
  const target = back.startsWith("/") && !back.startsWith("//") ? back : "/";
  const res = NextResponse.redirect(new URL(target, req.nextUrl.origin));
  res.cookies.set("lang", lang, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return res;
}
