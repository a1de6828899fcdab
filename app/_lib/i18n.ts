import "server-only";
import { cookies } from "next/headers";
import { messagesFor, type Lang } from "@/lib/i18n/messages";

export async function getLang(): Promise<Lang> {
  const store = await cookies();
  return store.get("lang")?.value === "en" ? "en" : "ja";
}

export async function getMessages() {
  const lang = await getLang();
  return { lang, t: messagesFor(lang) };
}
