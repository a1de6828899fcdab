import Link from "next/link";
import { ChoiceFilter, choicesOf } from "@/components/forms/choice-filter";
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
      <ChoiceFilter
        label={t.fu.rule}
        name="alert"
        value={query.alert}
        allLabel={t.all}
        choices={choicesOf(ALERT_RULES, ALERT_RULE_INFO, lang)}
      />
      {choices.length > 1 && (
        <ChoiceFilter
          label={t.prefecture}
          name="prefecture"
          value={query.prefecture}
          allLabel={t.all}
          choices={choices.map((p) => ({ value: p.code, label: lang === "en" ? p.nameEn : p.nameJa }))}
        />
      )}
      <ChoiceFilter
        label={t.tableType}
        name="tableType"
        value={query.tableType}
        allLabel={t.all}
        choices={choicesOf(TABLE_TYPES, TABLE_TYPE_INFO, lang)}
      />
      <ChoiceFilter
        label={t.status}
        name="status"
        value={query.status}
        allLabel={t.all}
        choices={choicesOf(
          LADDER.filter((s) => s !== "online"),
          STATE_INFO,
          lang,
        )}
      />
      <ChoiceFilter
        label={t.fu.assignee}
        name="assignee"
        value={query.assignee}
        allLabel={t.fu.assigneeAny}
        choices={[
          { value: "me", label: t.fu.assigneeMe },
          { value: "none", label: t.fu.assigneeNone },
          ...colleagues.map((c) => ({ value: c.id, label: c.email })),
        ]}
      />
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
