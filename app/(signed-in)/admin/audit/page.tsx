import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_auth/session";
import { getMessages } from "@/app/_lib/i18n";
import { getDb } from "@/db/client";
import { auditActions, searchAudit } from "@/db/queries/audit";
import { auditFilterOf, auditQuery } from "@/app/_lib/audit-params";
import { ChoiceFilter } from "@/components/forms/choice-filter";
import { auditActionName } from "@/lib/i18n/admin-names";
import { ScrollBox } from "@/components/layout/scroll-box";
import { formatCount } from "@/lib/i18n/format";

/** The tab's title in the language the user chose. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.admin.audit.title };
}

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function plain(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === "string" && v !== "") out[k] = v;
  return out;
}

/** The audit log, searchable, newest first, with the same filters as its CSV export. National admins only. */
export default async function AuditPage({ searchParams }: Props) {
  const admin = await requireRole("admin");
  if (admin.scope.kind !== "national") notFound();
  const { lang, t } = await getMessages();
  const m = t.admin.audit;
  const raw = plain(await searchParams);
  const parsed = auditQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : { page: 1 };
  const filter = parsed.success ? auditFilterOf(parsed.data) : {};
  const [result, actions] = await Promise.all([
    parsed.success
      ? searchAudit(getDb(), admin.scope, filter, query.page, PAGE_SIZE)
      : Promise.resolve({ total: 0, items: [] }),
    auditActions(getDb(), admin.scope),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const link = (page: number) => `/admin/audit?${new URLSearchParams({ ...filter, page: String(page) })}`;
  return (
    <>
      <main>
        <div className="panel-head">
          <h1>{m.title}</h1>
          <span className="links">
            <a href={`/api/v1/export/audit.csv?${new URLSearchParams(filter)}`} download>
              {m.csv}
            </a>{" "}
            <a href={`/api/v1/export/audit.csv?${new URLSearchParams({ ...filter, format: "xlsx" })}`} download>
              {t.downloadXlsx}
            </a>
          </span>
        </div>
        <p>{m.lead}</p>
        <form className="filters" method="get" action="/admin/audit" role="search">
          <label>
            {m.q}
            <input name="q" defaultValue={raw.q ?? ""} maxLength={200} />
          </label>
          <ChoiceFilter
            label={m.action}
            name="action"
            value={raw.action}
            allLabel={m.anyAction}
            choices={actions.map((a) => ({ value: a, label: auditActionName(t.admin.actionNames, a) }))}
          />
          <label>
            {m.from}
            <input type="date" name="from" defaultValue={raw.from ?? ""} />
          </label>
          <label>
            {m.to}
            <input type="date" name="to" defaultValue={raw.to ?? ""} />
          </label>
          <button className="btn" type="submit">
            {m.search}
          </button>
          <Link href="/admin/audit">{m.reset}</Link>
        </form>
        {!parsed.success && (
          <p role="alert" className="error">
            {m.invalid}
          </p>
        )}
        <div className="panel">
          <p className="muted" data-testid="audit-total">
            {formatCount(result.total, lang)} {m.count}
          </p>
          {result.items.length === 0 ? (
            <p>{m.none}</p>
          ) : (
            <ScrollBox>
              <table className="data text-table" data-testid="audit-log">
                <thead>
                  <tr>
                    <th>{m.at}</th>
                    <th>{m.user}</th>
                    <th>{m.ip}</th>
                    <th>{m.action}</th>
                    <th>{m.target}</th>
                    <th>{m.details}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((r) => (
                    <tr key={r.id} data-action={r.action}>
                      <td>{r.at}</td>
                      <td>{r.userEmail ?? ""}</td>
                      <td>{r.ip ?? ""}</td>
                      <td title={r.action}>{auditActionName(t.admin.actionNames, r.action)}</td>
                      <td>{r.target ?? ""}</td>
                      <td className="audit-details">{r.details === null ? "" : JSON.stringify(r.details)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          {pages > 1 && (
            <nav className="pager" aria-label={m.title}>
              {query.page > 1 ? (
                <Link href={link(query.page - 1)}>{m.prev}</Link>
              ) : (
                <span aria-disabled="true">{m.prev}</span>
              )}
              <span>
                {query.page} / {pages}
              </span>
              {query.page < pages ? (
                <Link href={link(query.page + 1)}>{m.next}</Link>
              ) : (
                <span aria-disabled="true">{m.next}</span>
              )}
            </nav>
          )}
        </div>
      </main>
    </>
  );
}
