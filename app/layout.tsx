import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";
import { getLang } from "./_i18n";
import { messagesFor } from "@/lib/i18n/messages";

export const metadata: Metadata = {
  title: messagesFor("ja").appName,
  description: "光ディスク等からオンライン請求への移行状況を全国・都道府県・点数表別に追跡します",
};

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
