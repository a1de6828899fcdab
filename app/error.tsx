"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { errorsEn, errorsJa } from "@/lib/i18n/errors";

/**
 * Shown when a page fails on the server or in the browser. The user can quote the request id (from the
 * page's <meta name="request-id">, set by the root layout) and the error's digest, which the server's
 * error log line carries too. Japanese first, then English.
 */
const noChanges = () => () => {};
const pageRequestId = () => document.querySelector('meta[name="request-id"]')?.getAttribute("content") || null;

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const requestId = useSyncExternalStore(noChanges, pageRequestId, () => null);
  return (
    <main className="error-page" role="alert">
      <h1>{errorsJa.errorTitle}</h1>
      <p>{errorsJa.errorLead}</p>
      <p lang="en">{errorsEn.errorTitle}. {errorsEn.errorLead}</p>
      <dl>
        {requestId && (
          <>
            <dt>{errorsJa.requestId} / {errorsEn.requestId}</dt>
            <dd><code data-testid="request-id">{requestId}</code></dd>
          </>
        )}
        {error.digest && (
          <>
            <dt>{errorsJa.errorDigest} / {errorsEn.errorDigest}</dt>
            <dd><code data-testid="error-digest">{error.digest}</code></dd>
          </>
        )}
      </dl>
      <p>
        <button type="button" onClick={() => reset()}>{errorsJa.retry} / {errorsEn.retry}</button>{" "}
        <Link href="/">{errorsJa.backHome} / {errorsEn.backHome}</Link>
      </p>
    </main>
  );
}
