import type { Db } from "../db/client";
import { unsafeUpsertUser, type Role } from "../db/queries/users";

/** The demo logins printed by `npm run demo` and used by the end-to-end tests (contracts.md). */
export const DEMO_USERS: { email: string; role: Role; prefectures: string[] | null; name: string }[] = [
  { email: "admin@example.jp", role: "admin", prefectures: null, name: "厚労 太郎" },
  { email: "viewer@example.jp", role: "viewer", prefectures: null, name: "閲覧 花子" },
  { email: "tokyo@example.jp", role: "editor", prefectures: ["13"], name: "東京 次郎" },
];

export async function ensureDemoUsers(db: Db, password: string): Promise<void> {
  for (const user of DEMO_USERS) await unsafeUpsertUser(db, { ...user, password });
}
