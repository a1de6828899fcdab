import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import type { Role } from "@/db/queries/users";
import { requestClientAddress } from "@/lib/auth/client-address";
import { sessionMaxAgeMs, signInLimits } from "@/lib/auth/limits";
import { usesSecureCookies } from "@/lib/auth/cookies";
import { recordAudit } from "@/db/queries/audit";
import { endUserSessions } from "@/db/queries/sessions";
import { attemptSignIn } from "./sign-in";

declare module "next-auth" {
  interface Session {
    user: { id: number; email: string; name?: string | null; role: Role; prefectures: string[] | null };
    /** The user's session version and the sign-in time, checked against the database on every request. */
    sv: number;
    signedInAt: number;
  }
  interface User {
    role: Role;
    prefectures: string[] | null;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: Role;
    prefectures?: string[] | null;
    sv?: number;
    signedInAt?: number;
  }
}

/** The message the sign-in form shows when the limit is reached (the form maps it to the catalogue). */
export const RATE_LIMITED = "rate_limited";
export const TEMP_PASSWORD_EXPIRED = "temp_password_expired";

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: Math.round(sessionMaxAgeMs() / 1000) },
  // Secure cookies when the configured origin is https (next-auth's own default reads the same setting;
  // written out so that the rule is visible and tested).
  useSecureCookies: usesSecureCookies(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { label: "email", type: "email" }, password: { label: "password", type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email?.trim().toLowerCase();
        const password = credentials?.password ?? "";
        if (!email || !password) return null;
        const ip = requestClientAddress(
          req?.headers as Headers | Record<string, string | string[] | undefined> | undefined,
        );
        let result: Awaited<ReturnType<typeof attemptSignIn>>;
        try {
          result = await attemptSignIn(getDb(), { email, password, ip }, signInLimits());
        } catch (error) {
          // Whatever failed, the browser is told only that the sign-in did not happen (no SQL, no stack).
          console.error("sign-in failed", error);
          return null;
        }
        if (!result.ok) {
          // next-auth passes a thrown message to the form as `error`; a null is its plain "CredentialsSignin".
          if (result.reason === "rate_limited") throw new Error(RATE_LIMITED);
          if (result.reason === "temp_password_expired") throw new Error(TEMP_PASSWORD_EXPIRED);
          return null;
        }
        const { user } = result;
        return {
          id: String(user.id),
          email: user.email,
          name: user.name,
          role: user.role,
          prefectures: user.prefectures,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      if (!token?.uid) return;
      // The cookie is cleared in this browser; raising the version ends the session on the server too, so a
      // copy of the cookie taken before is refused at its next request.
      const ended = await endUserSessions(getDb(), token.uid, token.sv).catch((error) => {
        console.error("ending the session on sign-out failed", error);
        return false;
      });
      await recordAudit(getDb(), {
        userId: token.uid,
        email: token.email ?? null,
        ip: null,
        action: "sign_out",
        details: { sessionEnded: ended },
      }).catch((error) => console.error("audit of sign-out failed", error));
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.prefectures = user.prefectures;
        token.sv = user.sessionVersion;
        token.signedInAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.uid ?? 0,
        email: token.email ?? "",
        name: token.name,
        role: token.role ?? "viewer",
        prefectures: token.prefectures ?? null,
      };
      session.sv = token.sv ?? -1;
      session.signedInAt = token.signedInAt ?? 0;
      return session;
    },
  },
};
