import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { getDb } from "@/db/client";
import { listImportBatches } from "@/db/queries/imports";
import { formatCount } from "@/lib/i18n/format";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.imports.history };
}

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Every import the user may see, newest first, with its counts and its rejected rows as CSV. */
export default async function ImportHistoryPage({ searchParams }: Props) {
  const user = await requireRole("editor");
  const { lang, t } = await getMessages();
  const raw = (await searchParams).page;
  const page = typeof raw === "string" && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1;
  const { total, items } = await listImportBatches(getDb(), user.scope, user.id, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const m = t.imports;
  return (
    <>
      <main>
        <div className="panel-head">
          <h1>{m.history}</h1>
          <Link href="/imports">{m.title}</Link>
        </div>
        <p>{m.historyLead}</p>
        <div className="panel" tabIndex={0}>
          {items.length === 0 ? (
            <p>{m.noBatches}</p>
          ) : (
            <table className="data" data-testid="import-history">
              <thead>
                <tr>
                  <th>{m.when}</th>
                  <th>{m.kind}</th>
                  <th>{m.fileName}</th>
                  <th>{m.who}</th>
                  <th>{m.status}</th>
                  <th>{m.encoding}</th>
                  <th>{m.rows}</th>
                  <th>{m.inserted}</th>
                  <th>{m.updated}</th>
                  <th>{m.unchanged}</th>
                  <th>{m.rejected}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((b) => (
                  <tr key={b.id}>
                    <td>{b.startedAt}</td>
                    <td>{m.kinds[b.kind]}</td>
                    <td>{b.fileName}</td>
                    <td>{b.userEmail ?? ""}</td>
                    <td>{m.statuses[b.status] ?? b.status}</td>
                    <td>{b.encoding === "shift_jis" ? "Shift_JIS" : b.encoding === "utf-8" ? "UTF-8" : ""}</td>
                    <td>{formatCount(b.rows, lang)}</td>
                    <td>{formatCount(b.inserted, lang)}</td>
                    <td>{formatCount(b.updated, lang)}</td>
                    <td>{formatCount(b.unchanged, lang)}</td>
                    <td>
                      {b.rejected > 0 || b.status === "failed" ? (
                        <a href={`/api/v1/imports/${b.id}/errors.csv`} title={m.downloadErrors}>
                          {formatCount(b.rejected, lang)} CSV
                        </a>
                      ) : (
                        0
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pages > 1 && (
            <nav className="pager" aria-label="pages">
              {page > 1 && <Link href={`/imports/history?page=${page - 1}`}>←</Link>}
              <span>
                {page} / {pages}
              </span>
              {page < pages && <Link href={`/imports/history?page=${page + 1}`}>→</Link>}
            </nav>
          )}
        </div>
      </main>
    </>
  );
}
