"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/**
 * The top bar is rendered once by the signed-in pages' layout, which stays put while the user moves
 * between pages; what depends on the page (the current link, the way back after a language switch) is
 * read here, in the browser's current URL.
 */
export function NavLink({
  href,
  under,
  children,
}: {
  href: string;
  /** The paths this link is current for (prefixes); the link's own path when unset. */
  under?: string[];
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const current = (under ?? [href]).some((p) => (p === "/" ? pathname === "/" : pathname.startsWith(p)));
  return (
    <Link href={href} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}

/** The switch to the other language, coming back to this page with its filters. */
export function LangLink({ to, children }: { to: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const back = query ? `${pathname}?${query}` : pathname;
  return (
    <a className="lang" href={`/lang?to=${to}&back=${encodeURIComponent(back)}`} lang={to}>
      {children}
    </a>
  );
}
