import Link from "next/link";
import type { ProgressGroup } from "@/db/queries/progress";
import { formatPercent, type Lang } from "@/lib/i18n/messages";
import { LADDER, STATE_INFO } from "@/lib/states";

/** Prefectures sorted by online share, each bar split by state, the 100% target at the right edge. */
export function PrefectureRanking({ groups, lang }: { groups: ProgressGroup[]; lang: Lang }) {
  const sorted = [...groups].filter((g) => g.total > 0).sort((a, b) => b.onlineRate - a.onlineRate || a.key.localeCompare(b.key));
  return (
    <table className="data ranking" data-testid="ranking">
      <tbody>
        {sorted.map((g, i) => (
          <tr key={g.key}>
            <td>
              {i + 1}. <Link href={`/prefectures/${g.key}`}>{lang === "en" ? g.labelEn : g.label}</Link>
            </td>
            <td>{formatPercent(g.onlineRate)}</td>
            <td>
              <div className="bar" role="img" aria-label={LADDER.map((s) => `${STATE_INFO[s][lang]} ${g.counts[s]}`).join("、")}>
                {LADDER.map((s) => (
                  <span key={s} style={{ width: `${(g.counts[s] / g.total) * 100}%`, background: STATE_INFO[s].color }} />
                ))}
                <span className="target" />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
