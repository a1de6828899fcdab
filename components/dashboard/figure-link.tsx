import Link from "next/link";

/** A figure that opens the facility list of exactly what it counts, when the page gives the list's address. */
export function FigureLink({ href, testId, children }: { href?: string; testId?: string; children: React.ReactNode }) {
  return href ? (
    <Link href={href} className="figure-link" data-testid={testId}>
      {children}
    </Link>
  ) : (
    <span data-testid={testId}>{children}</span>
  );
}
