import Link from "next/link";
import type { Lang, Messages } from "@/lib/i18n/messages";
import type { ContractorGroup } from "@/lib/follow-ups/types";
import type { Colleague } from "@/lib/follow-ups/types";
import { formatCount } from "@/lib/i18n/format";

interface Props {
  t: Messages;
  lang: Lang;
  groups: ContractorGroup[];
  /** The list's query string without view/page: each group links to the list filtered by its contractor. */
  query: Record<string, string>;
  canEdit: boolean;
  colleagues: Colleague[];
  assign: (form: FormData) => Promise<void>;
}

/** The follow-up list grouped by contractor, with an assignment of every facility of one contractor at once. */
export function ContractorGroups({ t, lang, groups, query, canEdit, colleagues, assign }: Props) {
  const m = t.rn;
  const num = (n: number) => formatCount(n, lang);
  const base = { ...query };
  delete base.view;
  delete base.page;
  if (groups.length === 0) return <p className="muted">{m.noContractors}</p>;
  return (
    <div className="scroll-x">
      <table className="data" data-testid="contractor-groups">
        <thead>
          <tr>
            <th>{m.contractor}</th>
            <th className="num">{m.facilities}</th>
            <th className="num">{m.unassigned}</th>
            <th>{m.firstDue}</th>
            {canEdit && <th>{m.assignAll}</th>}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.contractor}>
              <td>{g.label}</td>
              <td className="num">
                <Link href={`/follow-ups?${new URLSearchParams({ ...base, contractor: g.contractor })}`}>
                  {num(g.facilities)}
                </Link>
              </td>
              <td className="num">{num(g.unassigned)}</td>
              <td>{g.firstDue}</td>
              {canEdit && (
                <td>
                  <form action={assign} className="inline-form">
                    <input
                      type="hidden"
                      name="query"
                      value={new URLSearchParams({ ...base, contractor: g.contractor }).toString()}
                    />
                    <select name="assignee" required defaultValue="" aria-label={`${m.assignTo}（${g.label}）`}>
                      <option value="" disabled>
                        {m.assignTo}
                      </option>
                      {colleagues.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.email}
                        </option>
                      ))}
                    </select>
                    <button type="submit">{m.assign}</button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
