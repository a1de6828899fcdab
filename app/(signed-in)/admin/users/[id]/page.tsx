import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { auditNotFound } from "@/app/_lib/access-audit";
import { requireRole } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { getDb } from "@/db/client";
import { findUser } from "@/db/queries/user-admin";
import { ResetPasswordForm, UserForm } from "@/components/admin/user-form";
import { resetPasswordAction, updateUserAction } from "../actions";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.users.editTitle };
}

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** One user's role, scope and state, and a password reset; 404 for a user outside the admin's scope. */
export default async function EditUserPage({ params, searchParams }: Props) {
  const admin = await requireRole("admin");
  const { id } = await params;
  if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2147483647) notFound();
  const user = await findUser(getDb(), admin.scope, Number(id));
  if (!user) {
    await auditNotFound(admin, `user:${id}`);
    notFound();
  }
  const { t } = await getMessages();
  const m = t.admin.users;
  const created = (await searchParams).created === "1";
  const self = user.id === admin.id;
  return (
    <>
      <main>
        <div className="panel-head">
          <h1>
            {m.editTitle}: {user.email}
            {self ? m.you : ""}
          </h1>
          <Link href="/admin/users">{m.back}</Link>
        </div>
        {created && (
          <p role="status" className="notice">
            {m.created}
          </p>
        )}
        <div className="panel">
          <UserForm t={t} action={updateUserAction} user={user} self={self} />
        </div>
        {!self && (
          <div className="panel">
            <h2>{m.resetTitle}</h2>
            <ResetPasswordForm t={t} userId={user.id} action={resetPasswordAction} />
          </div>
        )}
      </main>
    </>
  );
}
