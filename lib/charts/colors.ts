import { contrastRatio } from "./colour-vision";

/**
 * The map's bands, drawn from the actual spread: the national share in the middle band, and steps of one
 * standard deviation of the prefectures' shares (rounded up to 0.1 point, at least 0.1 point) either side,
 * so the map shows who is ahead and who is behind even when every prefecture sits within a few points.
 * Colours: ColorBrewer BrBG (brown behind, teal ahead), safe for the common colour-vision deficiencies.
 */
export const BAND_COLOURS = ["#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571"] as const;

export interface ShareBand {
  /** Lower bound (inclusive) of the band as a share 0–1; -Infinity for the lowest. */
  min: number;
  /** Upper bound (exclusive); Infinity for the highest. */
  max: number;
  colour: string;
  /** Text colour on this band with at least 4.5:1 contrast. */
  ink: string;
  /** -2 … 2: steps below or above the national share. */
  step: number;
}

export interface ShareBands {
  national: number;
  /** The step width as a share (0.004 = 0.4 points). */
  step: number;
  bands: ShareBand[];
}

function inkOn(colour: string): string {
  return contrastRatio(colour, "#111111") >= contrastRatio(colour, "#ffffff") ? "#111111" : "#ffffff";
}

export function shareBands(national: number, rates: number[]): ShareBands {
  const mean = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : national;
  const sd = rates.length > 1 ? Math.sqrt(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / (rates.length - 1)) : 0;
  const step = Math.max(0.001, Math.ceil(sd * 1000 - 1e-9) / 1000);
  const edges = [
    -Infinity,
    national - 1.5 * step,
    national - 0.5 * step,
    national + 0.5 * step,
    national + 1.5 * step,
    Infinity,
  ];
  const bands = BAND_COLOURS.map((colour, i) => ({
    min: edges[i],
    max: edges[i + 1],
    colour,
    ink: inkOn(colour),
    step: i - 2,
  }));
  return { national, step, bands };
}

export function bandFor(bands: ShareBands, rate: number): ShareBand {
  return bands.bands.find((b) => rate >= b.min && rate < b.max) ?? bands.bands[bands.bands.length - 1];
}

/** "94.1–94.6%" style label for a band, in percent with one decimal. */
export function bandLabel(band: ShareBand): string {
  const pct = (r: number) => (r * 100).toFixed(1);
  if (band.min === -Infinity) return `< ${pct(band.max)}%`;
  if (band.max === Infinity) return `≥ ${pct(band.min)}%`;
  return `${pct(band.min)}–${pct(band.max)}%`;
}
