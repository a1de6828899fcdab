import type { ProgressGroup } from "@/lib/progress/types";
import { PREFECTURES } from "@/lib/prefectures";
import { bracket, fill, formatCount, formatPercent, type Lang, type Messages } from "@/lib/i18n/messages";
import { bandFor, bandLabel, shareBands } from "@/lib/charts/colors";
import { TileMap, type MapTile } from "@/components/charts/tile-map";

interface Props {
  t: Messages;
  lang: Lang;
  groups: ProgressGroup[];
  national: number;
  hrefFor: (code: string) => string;
}

/** The tile map with bands drawn around the national share, its legend saying so, and a text summary. */
/**
 * Shortest prefix of each English name (three letters at least)
 * that no other prefecture shares: Fukui, Fukuo(ka), Fukus(hima).
 */
export function uniqueShortNames(names: { code: string; name: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { code, name } of names) {
    let n = 3;
    while (n < name.length && names.some((o) => o.code !== code && o.name.startsWith(name.slice(0, n)))) n++;
    out.set(code, name.slice(0, n));
  }
  return out;
}

const shortEn = uniqueShortNames(PREFECTURES.map((p) => ({ code: p.code, name: p.nameEn })));

export function PrefectureMap({ t, lang, groups, national, hrefFor }: Props) {
  const shown = groups.filter((g) => g.total > 0);
  const bands = shareBands(
    national,
    shown.map((g) => g.onlineRate),
  );
  const byCode = new Map(shown.map((g) => [g.key, g]));
  const tiles: MapTile[] = PREFECTURES.filter((p) => byCode.has(p.code)).map((p) => {
    const g = byCode.get(p.code)!;
    const band = bandFor(bands, g.onlineRate);
    const name = lang === "en" ? p.nameEn : p.nameJa;
    return {
      code: p.code,
      row: p.tileRow,
      col: p.tileCol,
      short: lang === "en" ? shortEn.get(p.code)! : p.nameJa.replace(/[都府県]$/, "").slice(0, 3),
      label: `${name} ${formatPercent(g.onlineRate, lang)}${bracket(
        lang,
        `${t.notOnline} ${formatCount(g.total - g.counts.online, lang)}`,
      )}`,
      href: hrefFor(p.code),
      colour: band.colour,
      ink: band.ink,
    };
  });
  // Zoomed to the prefectures shown: a regional user's map is their region, not Japan with grey gaps.
  const top = Math.min(...tiles.map((x) => x.row));
  const left = Math.min(...tiles.map((x) => x.col));
  const zoomed = tiles.map((x) => ({ ...x, row: x.row - top, col: x.col - left }));
  const sorted = [...shown].sort((a, b) => a.onlineRate - b.onlineRate);
  const nameOf = (g: ProgressGroup) => (lang === "en" ? g.labelEn : g.label);
  const counts = bands.bands.map((b) => shown.filter((g) => bandFor(bands, g.onlineRate) === b).length);
  return (
    <>
      <p className="sr-only" data-testid="map-summary">
        {fill(t.mapSummary, {
          n: shown.length,
          national: formatPercent(national, lang),
          low: sorted[0] ? `${nameOf(sorted[0])} ${formatPercent(sorted[0].onlineRate, lang)}` : "—",
          high: sorted.at(-1) ? `${nameOf(sorted.at(-1)!)} ${formatPercent(sorted.at(-1)!.onlineRate, lang)}` : "—",
          below: counts[0] + counts[1],
          above: counts[3] + counts[4],
        })}
      </p>
      <TileMap
        tiles={zoomed}
        rows={Math.max(...zoomed.map((x) => x.row)) + 1}
        cols={Math.max(...zoomed.map((x) => x.col)) + 1}
        label={t.mapKeys}
      />
      <p className="muted legend-note">
        {fill(t.mapBandsNote, { national: formatPercent(national, lang), step: (bands.step * 100).toFixed(1) })}
      </p>
      <ul className="legend" aria-label={t.mapLegend}>
        {bands.bands.map((b, i) => (
          <li key={b.step}>
            <span className="swatch" style={{ background: b.colour }} aria-hidden="true" />
            {t.bandNames[String(b.step) as keyof Messages["bandNames"]]} {bandLabel(b)}
            {bracket(lang, `${counts[i]}`)}
          </li>
        ))}
      </ul>
    </>
  );
}
