import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages";

/** The app's name, linking home: in full on a wide screen, short on a phone. */
export function Brand({ t }: { t: Messages }) {
  return (
    <Link className="brand" href="/">
      <span className="brand-long">{t.appName}</span>
      <span className="brand-short">{t.appShort}</span>
    </Link>
  );
}

/** The header for pages shown without the signed-in user at hand (not found, errors): the name and the way home. */
export function PlainBar({ t }: { t: Messages }) {
  return (
    <header className="topbar">
      <Brand t={t} />
    </header>
  );
}

/** Where to go from an error page. */
export function WayOn({ t }: { t: Messages }) {
  return (
    <nav aria-label={t.navLabel}>
      <ul className="way-on">
        <li>
          <Link href="/">{t.navDashboard}</Link>
        </li>
        <li>
          <Link href="/follow-ups">{t.fu.nav}</Link>
        </li>
        <li>
          <Link href="/imports">{t.navImports}</Link>
        </li>
      </ul>
    </nav>
  );
}
