"use client";

import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => {
  window.addEventListener("beforeprint", onChange);
  return () => window.removeEventListener("beforeprint", onChange);
};

/** The time the page is printed (Tokyo time), refreshed when the browser starts printing. */
function now(): string {
  return new Date().toLocaleString("sv-SE", { timeZone: "Asia/Tokyo" }).slice(0, 16);
}

export function PrintedAt() {
  const value = useSyncExternalStore(subscribe, now, () => "");
  return <time suppressHydrationWarning>{value}</time>;
}
