import type { TrendPoint } from "@/lib/figures/types";
import { formatCount, formatPercent, type Lang, type Messages } from "@/lib/i18n/messages";
import { LADDER, STATE_INFO, type LadderState } from "@/lib/states";
import { FigureLink } from "./figure-link";

/**
 * The trend's numbers: facilities by state at each month end (and the as-of day), the share online by
 * facilities and by claim volume, closed ones apart. Each count opens its list on that date when given `hrefFor`.
 */
export function TrendTable({
  t,
  lang,
  points,
  hrefFor,
  testId,
}: {
  t: Messages;
  lang: Lang;
  points: TrendPoint[];
  hrefFor?: (date: string, state?: LadderState) => string;
  testId: string;
}) {
  // The payers' reported counts, where imported: the share of claims actually sent online that month.
  const reported = points.some((p) => p.reportedClaims);
  return (
    <table className="data" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t.asOf}</th>
          <th scope="col">{t.facilities}</th>
          {LADDER.map((s) => (
            <th scope="col" key={s}>
              {STATE_INFO[s][lang]}
            </th>
          ))}
          <th scope="col">{t.closed}</th>
          <th scope="col">{t.onlineRate}</th>
          <th scope="col">{t.claimShare}</th>
          {reported && <th scope="col">{t.fig.reportedShare}</th>}
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.date}>
            <td>{p.date}</td>
            <td>
              <FigureLink href={hrefFor?.(p.date)}>{formatCount(p.total, lang)}</FigureLink>
            </td>
            {LADDER.map((s) => (
              <td key={s}>
                <FigureLink href={hrefFor?.(p.date, s)}>{formatCount(p.counts[s], lang)}</FigureLink>
              </td>
            ))}
            <td>{formatCount(p.closed, lang)}</td>
            <td>{formatPercent(p.onlineRate, lang)}</td>
            <td>{p.claims.total ? formatPercent(p.claims.onlineRate, lang) : "—"}</td>
            {reported && <td>{p.reportedClaims ? formatPercent(p.reportedClaims.onlineRate, lang) : "—"}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
