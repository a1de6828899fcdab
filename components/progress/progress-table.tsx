import Link from "next/link";
import type { Lang, Messages } from "@/lib/i18n/messages";
import { formatCount, formatPercent } from "@/lib/i18n/messages";
import { LADDER, STATE_INFO } from "@/lib/states";
import type { ProgressResult } from "@/db/queries/progress";

/** Counts by state for each group, with a stacked bar; the totals row is the same query's figures. */
export function ProgressTable({
  t,
  lang,
  result,
  groupTitle,
  testId = "progress-table",
  hrefFor,
}: {
  t: Messages;
  lang: Lang;
  result: ProgressResult;
  groupTitle: string;
  testId?: string;
  /** When given, each group's name links to its page (prefectures). */
  hrefFor?: (key: string) => string;
}) {
  if (result.groups.length === 0) return <p className="muted">{t.noData}</p>;
  const label = (s: (typeof LADDER)[number]) => (lang === "en" ? STATE_INFO[s].en : STATE_INFO[s].ja);
  return (
    <table className="data" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{groupTitle}</th>
          <th scope="col">{t.facilities}</th>
          <th scope="col">{t.notOnline}</th>
          {LADDER.map((s) => (
            <th scope="col" key={s}>
              {label(s)}
            </th>
          ))}
          <th scope="col">{t.closed}</th>
          <th scope="col">{t.onlineRate}</th>
          <th scope="col">
            <span className="sr-only">{t.barColumn}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {result.groups.map((g) => (
          <tr key={g.key} data-key={g.key}>
            <td>{hrefFor ? <Link href={hrefFor(g.key)}>{lang === "en" ? g.labelEn : g.label}</Link> : lang === "en" ? g.labelEn : g.label}</td>
            <td>{formatCount(g.total, lang)}</td>
            <td>{formatCount(g.total - g.counts.online, lang)}</td>
            {LADDER.map((s) => (
              <td key={s}>{formatCount(g.counts[s], lang)}</td>
            ))}
            <td>{formatCount(g.closed, lang)}</td>
            <td>{formatPercent(g.onlineRate)}</td>
            <td>
              <div className="bar" aria-hidden="true">
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
          <td>{formatCount(result.total - result.counts.online, lang)}</td>
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
