import Link from "next/link";
import type { Lang, Messages } from "@/lib/i18n/messages";
import { prefectureByCode } from "@/lib/prefectures";
import { SignOutButton } from "./sign-out-button";

interface Props {
  t: Messages;
  lang: Lang;
  email: string;
  role: "admin" | "editor" | "viewer";
  prefectures: string[] | null;
  path: string;
}

export function TopBar({ t, lang, email, role, prefectures, path }: Props) {
  const scope =
    prefectures === null
      ? t.scopeNational
      : prefectures.map((code) => (lang === "en" ? prefectureByCode(code)?.nameEn : prefectureByCode(code)?.nameJa) ?? code).join("・");
  const other = lang === "ja" ? "en" : "ja";
  return (
    <header className="topbar">
      <Link className="brand" href="/">
        {t.appName}
      </Link>
      <nav className="mainnav" aria-label={t.navLabel}>
        <Link href="/" aria-current={path === "/" ? "page" : undefined}>
          {t.navDashboard}
        </Link>
        <Link href="/follow-ups" aria-current={path.startsWith("/follow-ups") || path.startsWith("/facilities") ? "page" : undefined}>
          {t.fu.nav}
        </Link>
        {role !== "viewer" && (
          <Link href="/imports" aria-current={path.startsWith("/imports") ? "page" : undefined}>
            {t.navImports}
          </Link>
        )}
        {role === "admin" && (
          <Link href="/admin/users" aria-current={path.startsWith("/admin/users") ? "page" : undefined}>
            {t.admin.nav}：{t.admin.navUsers}
          </Link>
        )}
        {role === "admin" && prefectures === null && (
          <Link href="/admin/audit" aria-current={path.startsWith("/admin/audit") ? "page" : undefined}>
            {t.admin.navAudit}
          </Link>
        )}
      </nav>
      <span className="who" data-testid="who">
        {email}（{t.role[role]}・{scope}）
      </span>
      <a className="lang" href={`/lang?to=${other}&back=${encodeURIComponent(path)}`}>
        {t.language}
      </a>
      <SignOutButton label={t.signOut} />
    </header>
  );
}
