"use client";

import Link from "next/link";
import { useRef, useState } from "react";

export interface MapTile {
  code: string;
  row: number;
  col: number;
  short: string;
  /** Accessible name with the figures. */
  label: string;
  href: string;
  colour: string;
  ink: string;
}

/** The tile nearest to `from` in a direction (rows and columns of the grid), or undefined at the edge. */
export function nextTile(tiles: MapTile[], from: MapTile, key: string): MapTile | undefined {
  const [dr, dc] = (
    { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] } as Record<string, [number, number]>
  )[key] ?? [0, 0];
  if (dr === 0 && dc === 0) return undefined;
  let best: MapTile | undefined;
  let bestScore = Infinity;
  for (const t of tiles) {
    const along = (t.row - from.row) * dr + (t.col - from.col) * dc;
    if (along <= 0) continue;
    const across = Math.abs(dr !== 0 ? t.col - from.col : t.row - from.row);
    const score = along * 10 + across * 11;
    if (score < bestScore) [best, bestScore] = [t, score];
  }
  return best;
}

/**
 * A tile-grid map of Japan: one square per prefecture at its grid position, coloured by its band. One tile
 * is in the tab order; the arrow keys move between tiles (Home/End to the first and last), Enter opens it.
 */
export function TileMap({ tiles, rows, cols, label }: { tiles: MapTile[]; rows: number; cols: number; label: string }) {
  const [active, setActive] = useState(tiles[0]?.code);
  const refs = useRef(new Map<string, HTMLAnchorElement>());
  const move = (e: React.KeyboardEvent, from: MapTile) => {
    const to = e.key === "Home" ? tiles[0] : e.key === "End" ? tiles[tiles.length - 1] : nextTile(tiles, from, e.key);
    if (!to && !e.key.startsWith("Arrow")) return;
    e.preventDefault();
    if (!to) return;
    setActive(to.code);
    refs.current.get(to.code)?.focus();
  };
  return (
    <div
      className="tilemap"
      role="group"
      aria-label={label}
      data-testid="tile-map"
      style={{ gridTemplateRows: `repeat(${rows}, auto)`, gridTemplateColumns: `repeat(${cols}, minmax(0, 44px))` }}
    >
      {tiles.map((t) => (
        <Link
          key={t.code}
          ref={(el) => {
            if (el) refs.current.set(t.code, el);
            else refs.current.delete(t.code);
          }}
          href={t.href}
          className="tile-cell"
          style={{ gridRow: t.row + 1, gridColumn: t.col + 1, background: t.colour, color: t.ink }}
          title={t.label}
          tabIndex={t.code === active ? 0 : -1}
          onKeyDown={(e) => move(e, t)}
          onFocus={() => setActive(t.code)}
        >
          <span aria-hidden="true">{t.short}</span>
          <span className="sr-only">{t.label}</span>
        </Link>
      ))}
    </div>
  );
}
