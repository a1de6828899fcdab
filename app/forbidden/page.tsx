import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "../_auth/session";
import { getMessages } from "@/app/_lib/i18n";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.forbidden };
}

export const dynamic = "force-dynamic";

export default async function ForbiddenPage() {
  await requireUser();
  const { t } = await getMessages();
  return (
    <main>
      <h1>{t.forbidden}</h1>
      <p>
        <Link href="/">{t.backHome}</Link>
      </p>
    </main>
  );
}
