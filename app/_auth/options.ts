import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { unsafeFindUserForSignIn, type Role } from "@/db/queries/users";
import { generatePassword, hashPassword, verifyPassword } from "@/lib/password";

declare module "next-auth" {
  interface Session {
    user: { id: number; email: string; name?: string | null; role: Role; prefectures: string[] | null };
  }
  interface User {
    role: Role;
    prefectures: string[] | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: Role;
    prefectures?: string[] | null;
  }
}

// An unknown e-mail is still checked against a real hash, so that timing does not tell whether it exists.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword(generatePassword()));

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { label: "email", type: "email" }, password: { label: "password", type: "password" } },
      async authorize(credentials) {
        const email = credentials?.email?.trim().toLowerCase();
        const password = credentials?.password ?? "";
        if (!email || !password) return null;
        const user = await unsafeFindUserForSignIn(getDb(), email);
        const ok = await verifyPassword(user?.passwordHash ?? (await unknownUserHash()), password);
        if (!user || !ok || user.disabled) return null;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, prefectures: user.prefectures };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.prefectures = user.prefectures;
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
      return session;
    },
  },
};
