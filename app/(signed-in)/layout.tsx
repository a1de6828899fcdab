import { requireUserForPasswordChange } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { TopBar } from "@/components/layout/top-bar";

/**
 * The signed-in pages (every URL but sign-in, the print report and the error pages): the top bar once,
 * above the page. Each page still makes its own sign-in and role check; a page that answers 404 is shown
 * by the root not-found page in place of this layout, without the bar.
 */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUserForPasswordChange();
  const { lang, t } = await getMessages();
  return (
    <>
      <TopBar t={t} lang={lang} email={user.email} role={user.role} prefectures={user.prefectures} />
      {children}
    </>
  );
}
