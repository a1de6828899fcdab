import { getMessages } from "./_i18n";
import { PlainBar, WayOn } from "@/components/layout/plain-bar";

/** Unknown pages and records outside the caller's scope look the same: nothing is confirmed. */
export default async function NotFound() {
  const { t } = await getMessages();
  return (
    <>
      <PlainBar t={t} />
      <main className="message-page">
        <h1>{t.notFoundTitle}</h1>
        <p>{t.notFoundBody}</p>
        <WayOn t={t} />
      </main>
    </>
  );
}
