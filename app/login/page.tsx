import { getMessages } from "@/app/_lib/i18n";
import { LoginForm } from "@/components/auth/login-form";
import { sameSitePath } from "@/lib/safe-redirect";

export const dynamic = "force-dynamic";

/** Only same-site paths are followed after sign-in. */
function safeCallback(value: string | string[] | undefined): string {
  return sameSitePath(typeof value === "string" ? value : "/");
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lang, t } = await getMessages();
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  const other = lang === "ja" ? "en" : "ja";
  return (
    <main>
      <div className="login">
        <h1>{t.appName}</h1>
        <p className="muted">{t.signInHelp}</p>
        {params.changed === "1" && (
          <p role="status" className="notice">
            {t.admin.password.done}
          </p>
        )}
        <LoginForm t={t} callbackUrl={callbackUrl} />
        <p className="muted" style={{ marginTop: "1.5rem" }}>
          <a href={`/lang?to=${other}&back=${encodeURIComponent(`/login?callbackUrl=${callbackUrl}`)}`}>{t.language}</a>
        </p>
      </div>
    </main>
  );
}
