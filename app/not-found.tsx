import { headers } from "next/headers";
import { getMessages } from "./_lib/i18n";
import { messagesFor } from "@/lib/i18n/messages";
import { PlainBar, WayOn } from "@/components/layout/plain-bar";

/**
 * Unknown pages and records outside the caller's scope look the same: nothing is confirmed. In the page's
 * language, with the English beside a Japanese page, and the request id a user can quote.
 */
export default async function NotFound() {
  const { lang, t } = await getMessages();
  const en = messagesFor("en");
  const requestId = (await headers()).get("x-request-id");
  return (
    <>
      <PlainBar t={t} />
      <main className="message-page">
        <h1>{t.notFoundTitle}</h1>
        <p>{t.notFoundBody}</p>
        {lang === "ja" && (
          <p lang="en">
            {en.notFoundTitle}. {en.notFoundBody}
          </p>
        )}
        {requestId && (
          <p>
            {t.requestId}: <code data-testid="request-id">{requestId}</code>
          </p>
        )}
        <WayOn t={t} />
      </main>
    </>
  );
}
