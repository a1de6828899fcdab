import Link from "next/link";
import type { ProgressGroup } from "@/lib/progress/types";
import { fill, formatCount, formatPercent, type Lang, type Messages } from "@/lib/i18n/messages";
import { LADDER, STATE_INFO } from "@/lib/states";
import { ScrollBox } from "@/components/layout/scroll-box";

const LEFT = LADDER.filter((s) => s !== "online");

/** The axis end for shares not online: the largest share rounded up to a round step, so small gaps show. */
export function zoomedAxisEnd(maxShare: number): number {
  const steps = [0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1];
  return steps.find((s) => maxShare <= s) ?? 1;
}

export type RankBy = "count" | "share";

interface Props {
  t: Messages;
  lang: Lang;
  groups: ProgressGroup[];
  by: RankBy;
  limit: number;
  hrefFor: (code: string) => string;
  sortHref: (by: RankBy) => string;
}

/**
 * Where the work is: prefectures by facilities not yet online (count, or share), each bar split into the
 * states still to move, on an axis that ends just past the largest share so the differences are visible.
 */
export function PrefectureRanking({ t, lang, groups, by, limit, hrefFor, sortHref }: Props) {
  const left = (g: ProgressGroup) => g.total - g.counts.online;
  const share = (g: ProgressGroup) => (g.total ? left(g) / g.total : 0);
  const sorted = groups
    .filter((g) => g.total > 0)
    .sort((a, b) => (by === "share" ? share(b) - share(a) : left(b) - left(a)) || a.key.localeCompare(b.key))
    .slice(0, limit);
  const axisEnd = zoomedAxisEnd(Math.max(0, ...sorted.map(share)));
  return (
    <>
      <p className="muted">
        {fill(t.rankingNote, { n: sorted.length, axis: formatPercent(axisEnd, lang, axisEnd < 0.01 ? 1 : 0) })}{" "}
        <span className="rank-sort">
          {t.sortBy}:{" "}
          {by === "count" ? (
            <strong aria-current="true">{t.rankByCount}</strong>
          ) : (
            <Link href={sortHref("count")}>{t.rankByCount}</Link>
          )}
          {" / "}
          {by === "share" ? (
            <strong aria-current="true">{t.rankByShare}</strong>
          ) : (
            <Link href={sortHref("share")}>{t.rankByShare}</Link>
          )}
        </span>
      </p>
      <ScrollBox>
        <table className="data ranking" data-testid="ranking">
          <thead>
            <tr>
              <th scope="col">{t.prefecture}</th>
              <th scope="col">{t.notOnline}</th>
              <th scope="col">{t.notOnlineShare}</th>
              <th scope="col" className="axis">
                <span aria-hidden="true" className="axis-ticks">
                  <span>0%</span>
                  <span>{formatPercent(axisEnd / 2, lang, axisEnd < 0.02 ? 2 : 1)}</span>
                  <span>{formatPercent(axisEnd, lang, axisEnd < 0.01 ? 1 : 0)}</span>
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((g, i) => (
              <tr key={g.key} data-key={g.key}>
                <td>
                  {i + 1}. <Link href={hrefFor(g.key)}>{lang === "en" ? g.labelEn : g.label}</Link>
                </td>
                <td>{formatCount(left(g), lang)}</td>
                <td>{formatPercent(share(g), lang)}</td>
                <td>
                  <div
                    className="bar zoomed"
                    role="img"
                    aria-label={LEFT.map((s) => `${STATE_INFO[s][lang]} ${formatCount(g.counts[s], lang)}`).join(
                      lang === "en" ? ", " : "、",
                    )}
                  >
                    {LEFT.map((s) => (
                      <span
                        key={s}
                        style={{
                          width: `${Math.min(100, (g.counts[s] / g.total / axisEnd) * 100)}%`,
                          background: STATE_INFO[s].color,
                        }}
                      />
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <ul className="legend" aria-hidden="true">
        {LEFT.map((s) => (
          <li key={s}>
            <span className="swatch" style={{ background: STATE_INFO[s].color }} />
            {STATE_INFO[s][lang]}
          </li>
        ))}
      </ul>
    </>
  );
}
