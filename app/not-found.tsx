import Link from "next/link";
import { headers } from "next/headers";
import { errorsEn, errorsJa } from "@/lib/i18n/errors";

/** Unknown URLs and records outside the caller's scope (404): nothing is confirmed. Japanese, then English. */
export default async function NotFound() {
  const requestId = (await headers()).get("x-request-id");
  return (
    <main className="error-page">
      <h1>{errorsJa.notFoundTitle}</h1>
      <p>{errorsJa.notFoundLead}</p>
      <p lang="en">{errorsEn.notFoundTitle}. {errorsEn.notFoundLead}</p>
      {requestId && (
        <p>
          {errorsJa.requestId} / {errorsEn.requestId}: <code data-testid="request-id">{requestId}</code>
        </p>
      )}
      <p>
        <Link href="/">{errorsJa.backHome} / {errorsEn.backHome}</Link>
      </p>
    </main>
  );
}
