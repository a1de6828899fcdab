"use client";

import { useSyncExternalStore } from "react";
import { messagesFor } from "@/lib/i18n/messages";
import { PlainBar, WayOn } from "@/components/layout/plain-bar";

const noChange = () => () => {};
/** The page's request id (the root layout's <meta name="request-id">), which the server's log lines carry too. */
const pageRequestId = () => document.querySelector('meta[name="request-id"]')?.getAttribute("content") || null;

/**
 * A page that failed: a plain message in the page's language (English beside a Japanese page), the request
 * id and the error's number to quote, a retry, and the way on.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(
    noChange,
    () => (document.documentElement.lang === "en" ? "en" : "ja"),
    () => "ja" as const,
  );
  const requestId = useSyncExternalStore(noChange, pageRequestId, () => null);
  const t = messagesFor(lang);
  const en = messagesFor("en");
  return (
    <>
      <PlainBar t={t} />
      <main className="message-page" role="alert">
        <h1>{t.errorTitle}</h1>
        <p>{t.errorBody}</p>
        {lang === "ja" && (
          <p lang="en">
            {en.errorTitle}. {en.errorBody}
          </p>
        )}
        <dl>
          {requestId && (
            <>
              <dt>{t.requestId}</dt>
              <dd>
                <code data-testid="request-id">{requestId}</code>
              </dd>
            </>
          )}
          {error.digest && (
            <>
              <dt>{t.errorDigest}</dt>
              <dd>
                <code data-testid="error-digest">{error.digest}</code>
              </dd>
            </>
          )}
        </dl>
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
