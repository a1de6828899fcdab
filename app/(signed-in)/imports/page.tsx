import { IMPORT_KINDS } from "@/lib/import/kinds";
import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { maxUploadBytes } from "@/app/_lib/upload";
import { ImportForm } from "@/components/imports/import-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).t.imports.title };
}

/** The upload page: editors and admins choose a kind and a file, see the preview, then confirm. */
export default async function ImportsPage() {
  await requireRole("editor");
  const { lang, t } = await getMessages();
  return (
    <>
      <main>
        <div className="panel-head">
          <h1>{t.imports.title}</h1>
          <Link href="/imports/history">{t.imports.history}</Link>
        </div>
        <p>{t.imports.lead}</p>
        <p className="templates" data-testid="templates">
          {t.imports.templates}:{" "}
          {IMPORT_KINDS.map((kind, i) => (
            <span key={kind}>
              {i > 0 && (lang === "en" ? " · " : "・")}
              <a href={`/api/v1/imports/template.csv?kind=${kind}&encoding=shift_jis`} download>
                {t.imports.kinds[kind]}
              </a>
            </span>
          ))}
        </p>
        <ImportForm t={t.imports} maxBytes={maxUploadBytes()} rn={t.rn} lang={lang} />
      </main>
    </>
  );
}
