"use client";

import { useSyncExternalStore } from "react";

const QUERY = "(max-width: 600px)";
const subscribe = (onChange: () => void) => {
  const list = window.matchMedia(QUERY);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
};

/**
 * Controls that fill a phone's first screen (filters, saved views, downloads) fold behind one summary on a
 * phone, so the list comes first; on a wider screen they stay open and the summary is hidden.
 */
export function FoldOnPhone({ summary, children }: { summary: string; children: React.ReactNode }) {
  const phone = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
  return (
    <details className="fold-on-phone" open={!phone} key={phone ? "phone" : "wide"}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
