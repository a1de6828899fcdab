"use client";

import { useSyncExternalStore } from "react";
import { messagesFor } from "@/lib/i18n/messages";
import { PlainBar, WayOn } from "@/components/layout/plain-bar";

const noChange = () => () => {};

/** A page that failed: a plain message in the page's language, a retry, and the way on. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(noChange, () => (document.documentElement.lang === "en" ? "en" : "ja"), () => "ja" as const);
  const t = messagesFor(lang);
  return (
    <>
      <PlainBar t={t} />
      <main className="message-page">
        <h1>{t.errorTitle}</h1>
        <p>{t.errorBody}</p>
        <p>
          <button type="button" className="btn" onClick={() => reset()}>
            {t.retry}
          </button>
        </p>
        <WayOn t={t} />
      </main>
    </>
  );
}
