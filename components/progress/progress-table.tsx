import Link from "next/link";
import type { Lang, Messages } from "@/lib/i18n/messages";
import { fill, formatCount, formatPercent } from "@/lib/i18n/messages";
import { FigureLink } from "@/components/dashboard/figure-link";
import { LADDER, STATE_INFO, type EventState } from "@/lib/states";
import type { ProgressResult } from "@/lib/progress/types";

/** Counts by state for each group, with a stacked bar; the totals row is the same query's figures. */
export function ProgressTable({
  t,
  lang,
  result,
  groupTitle,
  testId = "progress-table",
  nameHref,
  hrefFor,
  leftHrefFor,
}: {
  t: Messages;
  lang: Lang;
  result: ProgressResult;
  groupTitle: string;
  testId?: string;
  /** When given, each group's name links to its page (prefectures). */
  nameHref?: (key: string) => string;
  /** The facility list behind a cell: the group (null: the totals row) and the state (none: every active facility). */
  hrefFor?: (group: string | null, state?: EventState) => string;
  /** The list of a group's facilities not yet online (null: the totals row). */
  leftHrefFor?: (group: string | null) => string;
}) {
  // The share by claim volume beside the share of facilities, where the lists carry volumes.
  const byClaims = result.claims.total > 0;
  const cell = (n: number, group: string | null, state?: EventState) => (
    <FigureLink href={hrefFor?.(group, state)}>{formatCount(n, lang)}</FigureLink>
  );
  const leftCell = (n: number, group: string | null) => (
    <FigureLink href={leftHrefFor?.(group)}>{formatCount(n, lang)}</FigureLink>
  );
  if (result.groups.length === 0) return <p className="muted">{t.noData}</p>;
  const month = result.claimsMonth ? claimMonthLabel(result.claimsMonth, lang) : "";
  const sourceNote = { reported: t.claimSourceReported, estimated: t.claimSourceEstimated, mixed: t.claimSourceMixed }[
    result.claimsSource
  ];
  const label = (s: (typeof LADDER)[number]) => (lang === "en" ? STATE_INFO[s].en : STATE_INFO[s].ja);
  return (
    <>
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
            {byClaims && <th scope="col">{t.claimShare}</th>}
            <th scope="col">
              <span className="sr-only">{t.barColumn}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {result.groups.map((g) => (
            <tr key={g.key} data-key={g.key}>
              <td>
                {nameHref ? (
                  <Link href={nameHref(g.key)}>{lang === "en" ? g.labelEn : g.label}</Link>
                ) : lang === "en" ? (
                  g.labelEn
                ) : (
                  g.label
                )}
              </td>
              <td>{cell(g.total, g.key)}</td>
              <td>{leftCell(g.total - g.counts.online, g.key)}</td>
              {LADDER.map((s) => (
                <td key={s}>{cell(g.counts[s], g.key, s)}</td>
              ))}
              <td>{cell(g.closed, g.key, "closed")}</td>
              <td>{formatPercent(g.onlineRate, lang)}</td>
              {byClaims && <td>{formatPercent(g.claims.onlineRate, lang)}</td>}
              <td>
                <div className="bar" aria-hidden="true">
                  {LADDER.map((s) => (
                    <span
                      key={s}
                      style={{
                        width: `${g.total ? (g.counts[s] / g.total) * 100 : 0}%`,
                        background: STATE_INFO[s].color,
                      }}
                    />
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{t.total}</td>
            <td data-testid={`${testId}-total`}>{cell(result.total, null)}</td>
            <td>{leftCell(result.total - result.counts.online, null)}</td>
            {LADDER.map((s) => (
              <td key={s}>{cell(result.counts[s], null, s)}</td>
            ))}
            <td>{cell(result.closed, null, "closed")}</td>
            <td>{formatPercent(result.onlineRate, lang)}</td>
            {byClaims && <td>{formatPercent(result.claims.onlineRate, lang)}</td>}
            <td></td>
          </tr>
        </tfoot>
      </table>
      {byClaims && (
        <p className="note" data-testid={`${testId}-claims-source`} data-source={result.claimsSource}>
          {fill(sourceNote, { month })}
        </p>
      )}
    </>
  );
}

/** "2025年3月" / "March 2025" for the month of the reported counts. */
function claimMonthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split("-").map(Number);
  if (lang === "ja") return `${y}年${m}月`;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
