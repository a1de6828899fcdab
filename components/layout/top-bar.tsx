import Link from "next/link";
import { bracket, joinList, type Lang, type Messages } from "@/lib/i18n/messages";
import { prefectureByCode } from "@/lib/prefectures";
import { SignOutButton } from "./sign-out-button";
import { MenuToggle } from "./menu-toggle";
import { Brand } from "./plain-bar";

interface Props {
  t: Messages;
  lang: Lang;
  email: string;
  role: "admin" | "editor" | "viewer";
  prefectures: string[] | null;
  path: string;
}

/** The user's scope in words: 全国, or their prefectures' names. */
export function scopeName(t: Messages, lang: Lang, prefectures: string[] | null): string {
  if (prefectures === null) return t.scopeNational;
  return joinList(
    lang,
    prefectures.map(
      (code) => (lang === "en" ? prefectureByCode(code)?.nameEn : prefectureByCode(code)?.nameJa) ?? code,
    ),
  );
}

export function TopBar({ t, lang, email, role, prefectures, path }: Props) {
  const other = lang === "ja" ? "en" : "ja";
  return (
    <header className="topbar">
      <Brand t={t} />
      <MenuToggle label={t.menu}>
        <nav className="mainnav" aria-label={t.navLabel}>
          <Link href="/" aria-current={path === "/" || path.startsWith("/?") ? "page" : undefined}>
            {t.navDashboard}
          </Link>
          <Link
            href="/follow-ups"
            aria-current={path.startsWith("/follow-ups") || path.startsWith("/facilities") ? "page" : undefined}
          >
            {t.fu.nav}
          </Link>
          {role !== "viewer" && (
            <Link href="/imports" aria-current={path.startsWith("/imports") ? "page" : undefined}>
              {t.navImports}
            </Link>
          )}
          {role === "admin" && (
            <Link href="/admin/users" aria-current={path.startsWith("/admin/users") ? "page" : undefined}>
              {t.admin.nav}
              {lang === "en" ? ": " : "："}
              {t.admin.navUsers}
            </Link>
          )}
          {role === "admin" && prefectures === null && (
            <Link href="/admin/audit" aria-current={path.startsWith("/admin/audit") ? "page" : undefined}>
              {t.admin.navAudit}
            </Link>
          )}
        </nav>
        <span className="who" data-testid="who">
          {email}
          {bracket(lang, `${t.role[role]}${lang === "en" ? ", " : "・"}${scopeName(t, lang, prefectures)}`)}
        </span>
        <a className="lang" href={`/lang?to=${other}&back=${encodeURIComponent(path)}`} lang={other}>
          {t.language}
        </a>
        <SignOutButton label={t.signOut} />
      </MenuToggle>
    </header>
  );
}
