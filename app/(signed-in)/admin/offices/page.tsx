import type { Metadata } from "next";
import { requireRole } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { getDb } from "@/db/client";
import { listOffices } from "@/db/queries/letters";
import { PREFECTURES } from "@/lib/prefectures";
import { scopeIncludes } from "@/lib/scope";
import { saveOfficeAction } from "./actions";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.rn.officesTitle };
}

export const dynamic = "force-dynamic";

/** Each prefecture office's letter sender: name, phone, portal address (admins; a scoped admin edits their own). */
export default async function OfficesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireRole("admin");
  const { lang, t } = await getMessages();
  const m = t.rn;
  const params = await searchParams;
  const offices = new Map((await listOffices(getDb(), admin.scope)).map((o) => [o.prefecture, o]));
  const prefectures = PREFECTURES.filter((p) => scopeIncludes(admin.scope, p.code));
  return (
    <>
      <main>
        <h1>{m.officesTitle}</h1>
        <p>{m.officesLead}</p>
        {typeof params.saved === "string" && <p role="status">{m.officeSaved}</p>}
        {typeof params.error === "string" && (
          <p role="alert" className="error">
            {m.officeInvalid}
          </p>
        )}
        <div className="panel scroll-x">
          <table className="data" data-testid="offices">
            <thead>
              <tr>
                <th>{t.prefecture}</th>
                <th>{m.officeName}</th>
                <th>{m.letterPhone}</th>
                <th>{m.portalUrl}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {prefectures.map((p) => {
                const o = offices.get(p.code);
                const form = `office-${p.code}`;
                const name = lang === "en" ? p.nameEn : p.nameJa;
                return (
                  <tr key={p.code}>
                    <td>
                      {name}
                      <form id={form} action={saveOfficeAction}>
                        <input type="hidden" name="prefecture" value={p.code} />
                      </form>
                    </td>
                    <td>
                      <input
                        form={form}
                        name="officeName"
                        required
                        maxLength={100}
                        defaultValue={o?.officeName ?? ""}
                        aria-label={`${m.officeName}（${name}）`}
                      />
                    </td>
                    <td>
                      <input
                        form={form}
                        name="phone"
                        maxLength={30}
                        defaultValue={o?.phone ?? ""}
                        aria-label={`${m.letterPhone}（${name}）`}
                      />
                    </td>
                    <td>
                      <input
                        form={form}
                        name="portalUrl"
                        type="url"
                        maxLength={200}
                        defaultValue={o?.portalUrl ?? ""}
                        aria-label={`${m.portalUrl}（${name}）`}
                      />
                    </td>
                    <td>
                      <button form={form} type="submit" className="btn secondary">
                        {m.saveOffice}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </main>
    </>
  );
}
