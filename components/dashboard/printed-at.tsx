"use client";

import { useSyncExternalStore } from "react";
import { formatTokyoNow } from "@/lib/i18n/format";

const subscribe = (onChange: () => void) => {
  window.addEventListener("beforeprint", onChange);
  return () => window.removeEventListener("beforeprint", onChange);
};

/** The time the page is printed (Tokyo time), refreshed when the browser starts printing. */
const now = () => formatTokyoNow();

export function PrintedAt() {
  const value = useSyncExternalStore(subscribe, now, () => "");
  return <time suppressHydrationWarning>{value}</time>;
}
