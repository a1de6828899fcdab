import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages";

interface Props {
  t: Messages;
  views: { id: number; name: string; query: string; own?: boolean; owner?: string; shared?: boolean }[];
  currentQuery: string;
  save: (form: FormData) => Promise<void>;
  remove: (form: FormData) => Promise<void>;
}

/**
 * The user's named views of the list ("my calls this week"), those the team shares, and a form to keep the current one.
 */
export function SavedViews({ t, views, currentQuery, save, remove }: Props) {
  return (
    <section className="views" aria-label={t.fu.savedViews} data-testid="saved-views">
      <strong>{t.fu.savedViews}:</strong>
      {views.length === 0 && <span className="muted">{t.fu.noViews}</span>}
      {views.map((v) => (
        <span key={v.id}>
          <Link href={v.query ? `/follow-ups?${v.query}` : "/follow-ups"}>{v.name}</Link>
          {v.own === false ? (
            <small className="muted">
              （{t.rn.sharedBy}: {v.owner}）
            </small>
          ) : (
            <form action={remove}>
              <input type="hidden" name="id" value={v.id} />
              <button type="submit" className="link" aria-label={`${t.fu.deleteView} ${v.name}`}>
                ×
              </button>
            </form>
          )}
        </span>
      ))}
      <form action={save}>
        <input type="hidden" name="query" value={currentQuery} />
        <input name="name" required maxLength={60} aria-label={t.fu.viewName} placeholder={t.fu.viewName} />
        <label>
          <input type="checkbox" name="shared" />
          {t.rn.shareView}
        </label>
        <button type="submit" className="btn secondary">
          {t.fu.saveView}
        </button>
      </form>
    </section>
  );
}
