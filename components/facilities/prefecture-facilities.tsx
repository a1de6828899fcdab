import { ChoiceFilter, choicesOf } from "@/components/forms/choice-filter";
import { fill, formatCount, type Lang, type Messages } from "@/lib/i18n/messages";
import { ALERT_RULES, ALERT_RULE_INFO } from "@/lib/alerts/catalogue";
import { EVENT_STATES, STATE_INFO } from "@/lib/states";
import type { Query } from "@/components/data-table/url";
import { FacilityTable, type FacilityRow } from "./facility-table";

interface Props {
  t: Messages;
  lang: Lang;
  path: string;
  query: Query;
  page: { total: number; page: number; pageSize: number; items: FacilityRow[] };
  csvHref: string;
  /** Facilities not yet online in the prefecture (the page's headline figure). */
  notOnline: number;
  /** True when the list's own filters narrow it. */
  filtered: boolean;
}

/** The facilities panel of a prefecture page: its own filters (f* keys) beside the dashboard's. */
export function PrefectureFacilities({ t, lang, path, query, page, csvHref, notOnline, filtered }: Props) {
  const keep = Object.entries(query).filter(([k]) => !["fStatus", "fAlert", "fQ", "fPage"].includes(k));
  const sortedByState = (query.fSort ?? "status") === "status" && query.fDir !== "desc";
  return (
    <section className="panel" aria-labelledby="facilities">
      <div className="panel-head">
        <h2 id="facilities">{t.facilityList}</h2>
        <span className="links">
          <a href={csvHref} download>
            {t.fu.exportUtf8}
          </a>{" "}
          <a href={`${csvHref}&format=xlsx`} download>
            {t.downloadXlsx}
          </a>
        </span>
      </div>
      <p className="muted" data-testid="facility-list-note">
        {filtered
          ? fill(t.listFiltered, { n: formatCount(page.total, lang) })
          : fill(t.listNote, { n: formatCount(page.total, lang), left: formatCount(notOnline, lang) })}
        {sortedByState && !filtered ? ` ${t.listNotOnlineFirst}` : ""}
      </p>
      <form className="filters" method="get" action={path}>
        {keep.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <ChoiceFilter
          label={t.status}
          name="fStatus"
          value={query.fStatus}
          allLabel={t.all}
          choices={choicesOf(EVENT_STATES, STATE_INFO, lang)}
        />
        <ChoiceFilter
          label={t.fu.rule}
          name="fAlert"
          value={query.fAlert}
          allLabel={t.all}
          choices={choicesOf(ALERT_RULES, ALERT_RULE_INFO, lang)}
        />
        <label>
          {t.fu.search}
          <input type="search" name="fQ" defaultValue={query.fQ ?? ""} />
        </label>
        <button className="btn" type="submit">
          {t.fu.apply}
        </button>
      </form>
      <FacilityTable
        t={t}
        lang={lang}
        items={page.items}
        total={page.total}
        page={page.page}
        pageSize={page.pageSize}
        path={path}
        query={query}
      />
    </section>
  );
}
