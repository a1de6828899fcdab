"use client";

import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";

/**
 * Under ~900 px the header's links fold behind one button; above it they show in a row and the button is
 * hidden by CSS. The menu closes on navigation and on Escape.
 */
export function MenuToggle({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [seenPath, setSeenPath] = useState(pathname);
  if (seenPath !== pathname) {
    setSeenPath(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls="topbar-menu"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰</span> {label}
      </button>
      <div id="topbar-menu" className="topbar-menu" data-open={open}>
        {children}
      </div>
    </>
  );
}
