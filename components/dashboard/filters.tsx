import { ChoiceFilter, choicesOf } from "@/components/forms/choice-filter";
import { fill, type Lang, type Messages } from "@/lib/i18n/messages";
import { AS_OF_EARLIEST, asOfLatest } from "@/lib/as-of-window";
import { CATEGORIES, CATEGORY_INFO, TABLE_TYPES, TABLE_TYPE_INFO } from "@/lib/table-types";

export interface DashboardFilter {
  asOf: string;
  /** The date asked for when it lay outside the window and the page shows `asOf` instead. */
  asOfClampedFrom?: string;
  tableType?: string;
  category?: string;
}

/** A plain GET form: every filter lives in the URL, so a view can be bookmarked and sent. */
export function DashboardFilters({ t, lang, filter }: { t: Messages; lang: Lang; filter: DashboardFilter }) {
  return (
    <>
      <form className="filters" method="get">
        <label>
          {t.asOf}
          <input type="date" name="asOf" defaultValue={filter.asOf} min={AS_OF_EARLIEST} max={asOfLatest()} />
        </label>
        <ChoiceFilter
          label={t.tableType}
          name="tableType"
          value={filter.tableType}
          allLabel={t.all}
          choices={choicesOf(TABLE_TYPES, TABLE_TYPE_INFO, lang)}
        />
        <ChoiceFilter
          label={t.category}
          name="category"
          value={filter.category}
          allLabel={t.all}
          choices={choicesOf(CATEGORIES, CATEGORY_INFO, lang)}
        />
        <button className="btn" type="submit">
          {t.show}
        </button>
      </form>
      {filter.asOfClampedFrom && <AsOfClampedNotice t={t} asked={filter.asOfClampedFrom} used={filter.asOf} />}
    </>
  );
}

/** Says that the asked date lay outside the window and which date the page shows instead. */
export function AsOfClampedNotice({ t, asked, used }: { t: Messages; asked: string; used: string }) {
  return (
    <p role="status" className="notice" data-testid="as-of-clamped">
      {fill(t.asOfClamped, { asked, used, from: AS_OF_EARLIEST, to: asOfLatest() })}
    </p>
  );
}

/** The filters as a query string (for CSV links and the print view). */
export function filterQuery(filter: DashboardFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set("asOf", filter.asOf);
  if (filter.tableType) params.set("tableType", filter.tableType);
  if (filter.category) params.set("category", filter.category);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
