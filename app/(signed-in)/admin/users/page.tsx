import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/user-admin";
import { ScrollBox } from "@/components/layout/scroll-box";
import { prefectureByCode } from "@/lib/prefectures";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.users.title };
}

export const dynamic = "force-dynamic";

/** Every user the administrator may manage (a scoped admin sees only users inside their scope). */
export default async function UsersPage() {
  const admin = await requireRole("admin");
  const { lang, t } = await getMessages();
  const m = t.admin.users;
  const users = await listUsers(getDb(), admin.scope);
  const scopeText = (prefectures: string[] | null) =>
    prefectures === null
      ? m.scopeNational
      : prefectures
          .map((p) => (lang === "en" ? prefectureByCode(p)?.nameEn : prefectureByCode(p)?.nameJa) ?? p)
          .join(lang === "en" ? ", " : "・");
  return (
    <>
      <main>
        <div className="panel-head">
          <h1>{m.title}</h1>
          <Link className="btn" href="/admin/users/new">
            {m.add}
          </Link>
        </div>
        <p>{m.lead}</p>
        <ScrollBox className="panel">
          <table className="data text-table" data-testid="users">
            <thead>
              <tr>
                <th>{m.email}</th>
                <th>{m.name}</th>
                <th>{m.role}</th>
                <th>{m.scope}</th>
                <th>{m.status}</th>
                <th>{m.lastSignIn}</th>
                <th>
                  <span className="sr-only">{m.edit}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-email={u.email}>
                  <td>
                    {u.email}
                    {u.id === admin.id ? m.you : ""}
                  </td>
                  <td>{u.name ?? ""}</td>
                  <td>{t.role[u.role]}</td>
                  <td>{scopeText(u.prefectures)}</td>
                  <td>
                    {u.disabled ? m.disabled : m.active}
                    {u.mustChangePassword && !u.disabled ? `${lang === "en" ? ", " : "・"}${m.mustChange}` : ""}
                  </td>
                  <td>{u.lastSignInAt ?? m.never}</td>
                  <td>
                    <Link href={`/admin/users/${u.id}`} aria-label={`${m.edit} ${u.email}`}>
                      {m.edit}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </main>
    </>
  );
}
