import { describe, expect, it } from "vitest";
import { LADDER, STATE_INFO } from "../states";
import { BAND_COLOURS, bandFor, bandLabel, shareBands } from "./colors";
import { colourDifference, contrastRatio } from "./colour-vision";

describe("the five states' palette", () => {
  const colours = LADDER.map((s) => STATE_INFO[s].color);
  for (const deficiency of [undefined, "deuteranopia", "protanopia", "tritanopia"] as const) {
    it(`keeps every pair of states apart (ΔE ≥ 28) for ${deficiency ?? "normal vision"}`, () => {
      for (let i = 0; i < colours.length; i++) {
        for (let j = i + 1; j < colours.length; j++) {
          expect(
            colourDifference(colours[i], colours[j], deficiency),
            `${LADDER[i]} vs ${LADDER[j]}`,
          ).toBeGreaterThanOrEqual(28);
        }
      }
    });
  }

  it("the simulation collapses the red and green the palette replaced (so the check above can fail)", () => {
    // The old stack put red #c0392b beside green #27ae60: ΔE 108 for normal vision, about 21 with deuteranopia.
    expect(colourDifference("#c0392b", "#27ae60")).toBeGreaterThan(100);
    expect(colourDifference("#c0392b", "#27ae60", "deuteranopia")).toBeLessThan(28);
  });

  it("the map's bands stay apart under deuteranopia too", () => {
    for (let i = 0; i + 1 < BAND_COLOURS.length; i++) {
      expect(colourDifference(BAND_COLOURS[i], BAND_COLOURS[i + 1], "deuteranopia")).toBeGreaterThanOrEqual(15);
    }
  });
});

describe("map bands from the spread", () => {
  it("centres on the national share with steps of the prefectures' standard deviation", () => {
    const rates = [0.94, 0.945, 0.95, 0.955, 0.96];
    const b = shareBands(0.95, rates);
    expect(b.step).toBeCloseTo(0.008, 6); // sd 0.0079 rounded up to 0.1 point
    expect(bandFor(b, 0.95).step).toBe(0);
    expect(bandFor(b, 0.93).step).toBe(-2);
    expect(bandFor(b, 0.945).step).toBe(-1);
    expect(bandFor(b, 0.96).step).toBe(1);
    expect(bandFor(b, 0.99).step).toBe(2);
    expect(bandLabel(b.bands[2])).toBe("94.6–95.4%");
    expect(bandLabel(b.bands[0])).toBe("< 93.8%");
    expect(bandLabel(b.bands[4])).toBe("≥ 96.2%");
  });

  it("a tight spread still gives bands (never zero width) and every text colour is readable", () => {
    const b = shareBands(0.95, [0.95, 0.95, 0.95]);
    expect(b.step).toBeCloseTo(0.001, 6);
    for (const band of b.bands) expect(contrastRatio(band.colour, band.ink)).toBeGreaterThanOrEqual(4.5);
  });
});
