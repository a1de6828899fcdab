import { Suspense } from "react";
import { bracket, joinList, type Lang, type Messages } from "@/lib/i18n/messages";
import { prefectureByCode } from "@/lib/prefectures";
import { SignOutButton } from "./sign-out-button";
import { MenuToggle } from "./menu-toggle";
import { Brand } from "./plain-bar";
import { LangLink, NavLink } from "./nav-link";

interface Props {
  t: Messages;
  lang: Lang;
  email: string;
  role: "admin" | "editor" | "viewer";
  prefectures: string[] | null;
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

/** The signed-in pages' header, rendered once by their layout (app/(signed-in)/layout.tsx). */
export function TopBar({ t, lang, email, role, prefectures }: Props) {
  const other = lang === "ja" ? "en" : "ja";
  return (
    <header className="topbar">
      <Brand t={t} />
      <MenuToggle label={t.menu}>
        <nav className="mainnav" aria-label={t.navLabel}>
          <NavLink href="/">{t.navDashboard}</NavLink>
          <NavLink href="/follow-ups" under={["/follow-ups", "/facilities"]}>
            {t.fu.nav}
          </NavLink>
          {role !== "viewer" && <NavLink href="/imports">{t.navImports}</NavLink>}
          {role === "admin" && (
            <NavLink href="/admin/users">
              {t.admin.nav}
              {lang === "en" ? ": " : "："}
              {t.admin.navUsers}
            </NavLink>
          )}
          {role === "admin" && prefectures === null && <NavLink href="/admin/audit">{t.admin.navAudit}</NavLink>}
        </nav>
        <span className="who" data-testid="who">
          {email}
          {bracket(lang, `${t.role[role]}${lang === "en" ? ", " : "・"}${scopeName(t, lang, prefectures)}`)}
        </span>
        <Suspense>
          <LangLink to={other}>{t.language}</LangLink>
        </Suspense>
        <SignOutButton label={t.signOut} />
      </MenuToggle>
    </header>
  );
}
