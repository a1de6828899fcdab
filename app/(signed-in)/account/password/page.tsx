import type { Metadata } from "next";
import { requireUserForPasswordChange } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { PasswordForm } from "@/components/admin/password-form";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.password.title };
}

export const dynamic = "force-dynamic";

/** Change one's own password; after an administrator's reset, the only page open until it is done. */
export default async function PasswordPage() {
  const user = await requireUserForPasswordChange();
  const { t } = await getMessages();
  const m = t.admin.password;
  return (
    <>
      <main>
        <h1>{m.title}</h1>
        {user.mustChangePassword && (
          <p role="status" className="notice" data-testid="must-change">
            {m.mustChange}
          </p>
        )}
        <div className="panel">
          <PasswordForm t={t} action={changePasswordAction} />
        </div>
        <form action={signOutEverywhereAction} className="panel" data-testid="sign-out-everywhere">
          <h2>{t.sessionsTitle}</h2>
          <p>{t.signOutEverywhereLead}</p>
          <button type="submit" className="btn">
            {t.signOutEverywhere}
          </button>
        </form>
      </main>
    </>
  );
}
