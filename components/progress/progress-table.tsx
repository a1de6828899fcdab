import type { Lang, Messages } from "@/lib/i18n/messages";
import { formatCount, formatPercent } from "@/lib/i18n/messages";
import { LADDER, STATE_INFO } from "@/lib/states";
import type { ProgressResult } from "@/db/queries/progress";

/** Counts by state for each group, with a stacked bar; the totals row is the same query's figures. */
export function ProgressTable({ t, lang, result, groupTitle, testId = "progress-table" }: { t: Messages; lang: Lang; result: ProgressResult; groupTitle: string; testId?: string }) {
  if (result.groups.length === 0) return <p className="muted">{t.noData}</p>;
  const label = (s: (typeof LADDER)[number]) => (lang === "en" ? STATE_INFO[s].en : STATE_INFO[s].ja);
  return (
    <table className="data" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{groupTitle}</th>
          <th scope="col">{t.facilities}</th>
          {LADDER.map((s) => (
            <th scope="col" key={s}>
              {label(s)}
            </th>
          ))}
          <th scope="col">{t.closed}</th>
          <th scope="col">{t.onlineRate}</th>
          <th scope="col" aria-hidden="true"></th>
        </tr>
      </thead>
      <tbody>
        {result.groups.map((g) => (
          <tr key={g.key} data-key={g.key}>
            <td>{lang === "en" ? g.labelEn : g.label}</td>
            <td>{formatCount(g.total, lang)}</td>
            {LADDER.map((s) => (
              <td key={s}>{formatCount(g.counts[s], lang)}</td>
            ))}
            <td>{formatCount(g.closed, lang)}</td>
            <td>{formatPercent(g.onlineRate)}</td>
            <td aria-hidden="true">
              <div className="bar">
                {LADDER.map((s) => (
                  <span key={s} style={{ width: `${g.total ? (g.counts[s] / g.total) * 100 : 0}%`, background: STATE_INFO[s].color }} />
                ))}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>{t.total}</td>
          <td data-testid={`${testId}-total`}>{formatCount(result.total, lang)}</td>
          {LADDER.map((s) => (
            <td key={s}>{formatCount(result.counts[s], lang)}</td>
          ))}
          <td>{formatCount(result.closed, lang)}</td>
          <td>{formatPercent(result.onlineRate)}</td>
          <td></td>
        </tr>
      </tfoot>
    </table>
  );
}
