import NextAuth from "next-auth";
import { authOptions } from "@/app/_auth/options";
import { publicRoute } from "@/app/_lib/route";

// Sign-in itself: next-auth answers signed-out visitors, with its own CSRF check.
const handler = publicRoute(NextAuth(authOptions));

export { handler as GET, handler as POST };
