/**
 * A wide table's own horizontal scroller, so the page never scrolls sideways. It can take focus (and is
 * named), so that keyboard users can scroll it with the arrow keys.
 */
export function ScrollBox({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={`scroll-x ${className}`.trim()} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
