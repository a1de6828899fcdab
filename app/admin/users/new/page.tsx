import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { TopBar } from "@/components/layout/top-bar";
import { UserForm } from "@/components/admin/user-form";
import { createUserAction } from "../actions";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.users.addTitle };
}

export const dynamic = "force-dynamic";

export default async function NewUserPage() {
  const admin = await requireRole("admin");
  const { lang, t } = await getMessages();
  return (
    <>
      <TopBar
        t={t}
        lang={lang}
        email={admin.email}
        role={admin.role}
        prefectures={admin.prefectures}
        path="/admin/users/new"
      />
      <main>
        <div className="panel-head">
          <h1>{t.admin.users.addTitle}</h1>
          <Link href="/admin/users">{t.admin.users.back}</Link>
        </div>
        <div className="panel">
          <UserForm t={t} action={createUserAction} />
        </div>
      </main>
    </>
  );
}
