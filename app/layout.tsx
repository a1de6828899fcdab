import type { Metadata } from "next";
import "./globals.css";
import { getLang } from "./_i18n";
import { messagesFor } from "@/lib/i18n/messages";

export const metadata: Metadata = {
  title: messagesFor("ja").appName,
  description: "光ディスク等からオンライン請求への移行状況を全国・都道府県・点数表別に追跡します",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const lang = await getLang();
  return (
    <html lang={lang}>
      <body>{children}</body>
    </html>
  );
}
