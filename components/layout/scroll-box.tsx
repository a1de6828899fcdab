/**
 * A wide table's own horizontal scroller, so the page never scrolls sideways. It can take focus, so that
 * keyboard users can scroll it with the arrow keys.
 */
export function ScrollBox({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return (
    <div className={`scroll-x ${className}`.trim()} tabIndex={0}>
      {children}
    </div>
  );
}
