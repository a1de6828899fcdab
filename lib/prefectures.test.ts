import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PREFECTURES, findPrefecture, isPrefectureCode, prefectureByCode } from "./prefectures";

/** data/prefectures.csv has no quoted fields, so a plain split is a faithful reading. */
function readCsv(): { header: string[]; rows: string[][] } {
  const text = readFileSync(path.resolve(__dirname, "../data/prefectures.csv"), "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const [header, ...rows] = lines.map((line) => line.split(","));
  return { header, rows };
}

describe("PREFECTURES", () => {
  const { header, rows } = readCsv();

  it("reads the CSV's columns in the expected order", () => {
    expect(header).toEqual([
      "code",
      "name_ja",
      "name_en",
      "region_ja",
      "region_en",
      "kouseikyoku",
      "population_2020",
      "tile_row",
      "tile_col",
    ]);
  });

  it("agrees with data/prefectures.csv row by row", () => {
    expect(rows).toHaveLength(47);
    expect(PREFECTURES).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      expect(PREFECTURES[i], `row ${i + 2}`).toEqual({
        code: r[0],
        nameJa: r[1],
        nameEn: r[2],
        regionJa: r[3],
        regionEn: r[4],
        kouseikyoku: r[5],
        population: Number(r[6]),
        tileRow: Number(r[7]),
        tileCol: Number(r[8]),
      });
    });
  });

  it("has the JIS codes 01 to 47 in order", () => {
    expect(PREFECTURES.map((p) => p.code)).toEqual(
      Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, "0")),
    );
  });

  it("puts each prefecture on its own tile of the map", () => {
    const tiles = new Set(PREFECTURES.map((p) => `${p.tileRow},${p.tileCol}`));
    expect(tiles.size).toBe(47);
  });
});

describe("prefecture look-ups", () => {
  it("finds by code, with or without the leading zero, full-width too", () => {
    expect(findPrefecture("13")?.nameJa).toBe("東京都");
    expect(findPrefecture("1")?.nameJa).toBe("北海道");
    expect(findPrefecture("01")?.nameJa).toBe("北海道");
    expect(findPrefecture("１３")?.nameJa).toBe("東京都");
    expect(findPrefecture("47")?.nameJa).toBe("沖縄県");
  });

  it("finds by Japanese name, with or without 都・道・府・県", () => {
    expect(findPrefecture("東京都")?.code).toBe("13");
    expect(findPrefecture("東京")?.code).toBe("13");
    expect(findPrefecture("北海道")?.code).toBe("01");
    expect(findPrefecture("大阪府")?.code).toBe("27");
    expect(findPrefecture("大阪")?.code).toBe("27");
    expect(findPrefecture("京都")?.code).toBe("26");
    expect(findPrefecture("神奈川県")?.code).toBe("14");
    expect(findPrefecture(" 東京都 ")?.code).toBe("13");
  });

  it("finds by English name in any case", () => {
    expect(findPrefecture("Tokyo")?.code).toBe("13");
    expect(findPrefecture("osaka")?.code).toBe("27");
    expect(findPrefecture("HOKKAIDO")?.code).toBe("01");
  });

  it("finds nothing for what is not a prefecture", () => {
    for (const input of ["", "0", "00", "48", "99", "123", "東", "日本", "Edo", "Tokyo-to"]) {
      expect(findPrefecture(input), input).toBeUndefined();
    }
  });

  it("checks codes strictly where a stored code is expected", () => {
    expect(isPrefectureCode("13")).toBe(true);
    expect(isPrefectureCode("1")).toBe(false);
    expect(isPrefectureCode("48")).toBe(false);
    expect(prefectureByCode("27")?.nameEn).toBe("Osaka");
    expect(prefectureByCode("27 ")).toBeUndefined();
  });
});
