import type { Metadata } from "next";
import "./globals.css";
import { getLang } from "./_i18n";
import { messagesFor } from "@/lib/i18n/messages";

/** The tab's title and description in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const t = messagesFor(await getLang());
  return { title: { default: t.appName, template: `%s | ${t.appShort}` }, description: t.appDescription };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const lang = await getLang();
  return (
    <html lang={lang}>
      <body>{children}</body>
    </html>
  );
}
