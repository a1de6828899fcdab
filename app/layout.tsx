import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";
import { getLang } from "./_lib/i18n";
import { messagesFor } from "@/lib/i18n/messages";

/** The tab's title and description in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const t = messagesFor(await getLang());
  return { title: { default: t.appName, template: `%s | ${t.appShort}` }, description: t.appDescription };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const lang = await getLang();
  // The request's id (lib/request-log.ts), so that the error page can show it for the user to quote.
  const requestId = (await headers()).get("x-request-id");
  return (
    <html lang={lang}>
      <body>
        {requestId && <meta name="request-id" content={requestId} />}
        {children}
      </body>
    </html>
  );
}
