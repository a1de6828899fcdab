import Link from "next/link";
import { PREFECTURES } from "@/lib/prefectures";
import type { ProgressGroup } from "@/db/queries/progress";
import { formatPercent } from "@/lib/i18n/messages";
import { shareColor } from "@/lib/charts/colors";

/**
 * A tile-grid map of Japan: one square per prefecture at its grid position, coloured by online share.
 * Each tile is a link (keyboard reachable) whose accessible name carries the figures.
 */
export function TileMap({ groups, lang, hrefFor }: { groups: ProgressGroup[]; lang: "ja" | "en"; hrefFor: (code: string) => string }) {
  const byCode = new Map(groups.map((g) => [g.key, g]));
  const rows = Math.max(...PREFECTURES.map((p) => p.tileRow)) + 1;
  const cols = Math.max(...PREFECTURES.map((p) => p.tileCol)) + 1;
  return (
    <div className="tilemap" style={{ gridTemplateRows: `repeat(${rows}, auto)`, gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
      {PREFECTURES.map((p) => {
        const g = byCode.get(p.code);
        const name = lang === "en" ? p.nameEn : p.nameJa;
        const label = g ? `${name} ${formatPercent(g.onlineRate)}（${g.counts.online}/${g.total}）` : name;
        const style = { gridRow: p.tileRow + 1, gridColumn: p.tileCol + 1, background: g ? shareColor(g.onlineRate) : "#e5e7eb" };
        return g ? (
          <Link key={p.code} href={hrefFor(p.code)} className="tile-cell" style={style} title={label} aria-label={label}>
            <span>{lang === "en" ? p.nameEn.slice(0, 3) : p.nameJa.replace(/[都府県]$/, "").slice(0, 3)}</span>
          </Link>
        ) : (
          <span key={p.code} className="tile-cell out" style={style} title={name}>
            <span>{lang === "en" ? p.nameEn.slice(0, 3) : p.nameJa.replace(/[都府県]$/, "").slice(0, 3)}</span>
          </span>
        );
      })}
    </div>
  );
}
