import { ChoiceFilter, choicesOf } from "@/components/forms/choice-filter";
import type { Lang, Messages } from "@/lib/i18n/messages";
import { CATEGORIES, CATEGORY_INFO, TABLE_TYPES, TABLE_TYPE_INFO } from "@/lib/table-types";

export interface DashboardFilter {
  asOf: string;
  tableType?: string;
  category?: string;
}

/** A plain GET form: every filter lives in the URL, so a view can be bookmarked and sent. */
export function DashboardFilters({ t, lang, filter }: { t: Messages; lang: Lang; filter: DashboardFilter }) {
  return (
    <form className="filters" method="get">
      <label>
        {t.asOf}
        <input type="date" name="asOf" defaultValue={filter.asOf} />
      </label>
      <ChoiceFilter label={t.tableType} name="tableType" value={filter.tableType} allLabel={t.all} choices={choicesOf(TABLE_TYPES, TABLE_TYPE_INFO, lang)} />
      <ChoiceFilter label={t.category} name="category" value={filter.category} allLabel={t.all} choices={choicesOf(CATEGORIES, CATEGORY_INFO, lang)} />
      <button className="btn" type="submit">
        {t.show}
      </button>
    </form>
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
