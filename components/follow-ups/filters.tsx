import Link from "next/link";
import type { Lang, Messages } from "@/lib/i18n/messages";
import { ALERT_RULES, ALERT_RULE_INFO } from "@/lib/alerts/rules";
import { LADDER, STATE_INFO } from "@/lib/states";
import { TABLE_TYPES, TABLE_TYPE_INFO } from "@/lib/table-types";
import { PREFECTURES } from "@/lib/prefectures";
import type { Query } from "@/components/data-table/url";

interface Props {
  t: Messages;
  lang: Lang;
  query: Query;
  /** The prefectures the user may see (all for national staff). */
  prefectures: string[] | null;
  colleagues: { id: number; email: string }[];
}

/** A plain GET form: every filter lives in the URL (bookmark it, send it, save it as a view). */
export function FollowUpFilters({ t, lang, query, prefectures, colleagues }: Props) {
  const choices = PREFECTURES.filter((p) => prefectures === null || prefectures.includes(p.code));
  return (
    <form className="filters" method="get" action="/follow-ups" data-testid="follow-up-filters">
      <label>
        {t.fu.rule}
        <select name="alert" defaultValue={query.alert ?? ""}>
          <option value="">{t.all}</option>
          {ALERT_RULES.map((r) => (
            <option key={r} value={r}>
              {ALERT_RULE_INFO[r][lang]}
            </option>
          ))}
        </select>
      </label>
      {choices.length > 1 && (
        <label>
          {t.prefecture}
          <select name="prefecture" defaultValue={query.prefecture ?? ""}>
            <option value="">{t.all}</option>
            {choices.map((p) => (
              <option key={p.code} value={p.code}>
                {lang === "en" ? p.nameEn : p.nameJa}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t.tableType}
        <select name="tableType" defaultValue={query.tableType ?? ""}>
          <option value="">{t.all}</option>
          {TABLE_TYPES.map((tt) => (
            <option key={tt} value={tt}>
              {TABLE_TYPE_INFO[tt][lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.status}
        <select name="status" defaultValue={query.status ?? ""}>
          <option value="">{t.all}</option>
          {LADDER.filter((s) => s !== "online").map((s) => (
            <option key={s} value={s}>
              {STATE_INFO[s][lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.fu.assignee}
        <select name="assignee" defaultValue={query.assignee ?? ""}>
          <option value="">{t.fu.assigneeAny}</option>
          <option value="me">{t.fu.assigneeMe}</option>
          <option value="none">{t.fu.assigneeNone}</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id}>
              {c.email}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.fu.dueBefore}
        <input type="date" name="dueBefore" defaultValue={query.dueBefore ?? ""} />
      </label>
      <label>
        {t.fu.nextActionBefore}
        <input type="date" name="nextActionBefore" defaultValue={query.nextActionBefore ?? ""} />
      </label>
      <label>
        {t.fu.search}
        <input type="search" name="q" defaultValue={query.q ?? ""} />
      </label>
      <label>
        {t.asOf}
        <input type="date" name="asOf" defaultValue={query.asOf ?? ""} />
      </label>
      {query.sort && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir && <input type="hidden" name="dir" value={query.dir} />}
      <button className="btn" type="submit">
        {t.fu.apply}
      </button>
      <Link href="/follow-ups">{t.fu.reset}</Link>
    </form>
  );
}
