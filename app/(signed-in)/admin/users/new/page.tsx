import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { UserForm } from "@/components/admin/user-form";
import { createUserAction } from "../actions";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.users.addTitle };
}

export const dynamic = "force-dynamic";

export default async function NewUserPage() {
  await requireRole("admin");
  const { t } = await getMessages();
  return (
    <>
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
