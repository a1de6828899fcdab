import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CP932_LOOKALIKES, CsvEncoder, csvCell, csvEncoding, csvLine, encodeCsv } from "./csv";

describe("Excel-safe CSV", () => {
  it("escapes cells that Excel would run as formulas", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+81-3")).toBe("'+81-3");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell(-1)).toBe("-1");
  });

  it("quotes commas, quotes and line breaks; keeps codes and Japanese as they are", () => {
    expect(csvLine(["0110113719", "東京都新宿区1-2, 3F", 'a"b', "1行目\n2行目", null, 12])).toBe(
      '0110113719,"東京都新宿区1-2, 3F","a""b","1行目\n2行目",,12\r\n',
    );
  });

  it("UTF-8 starts with a BOM; Shift_JIS round-trips CP932 characters", () => {
    const utf8 = encodeCsv("名称\r\n", "utf-8");
    expect([...utf8.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sjis = encodeCsv("髙﨑①㈱\r\n", "shift_jis");
    expect(iconv.decode(Buffer.from(sjis), "cp932")).toBe("髙﨑①㈱\r\n");
    expect(csvEncoding("shift_jis")).toBe("shift_jis");
    expect(csvEncoding("Shift-JIS")).toBe("shift_jis");
    expect(csvEncoding(undefined)).toBe("utf-8");
  });
});

describe("Excel-true Shift_JIS", () => {
  const decode = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), "cp932");

  it("writes the look-alikes as the CP932 characters Excel shows the same, and counts nothing", () => {
    const encoder = new CsvEncoder("shift_jis");
    const text = "〜 − ‖ ¢ £ ¬ — – ¦ •·\u00A0";
    expect(decode(encoder.encode(text))).toBe("～ － ∥ ￠ ￡ ￢ ― - ￤ ・・ ");
    expect(encoder.replaced).toBe(0);
    expect(encoder.trailer()).toBeNull();
    for (const [from, to] of Object.entries(CP932_LOOKALIKES)) {
      expect(decode(iconv.encode(to, "cp932")), `${from} → ${to}`).toBe(to);
    }
  });

  it("writes a character CP932 lacks as 〓, counts it across pieces, and keeps a real question mark", () => {
    const encoder = new CsvEncoder("shift_jis");
    expect(decode(encoder.encode("𠮷野家?,Café\r\n"))).toBe("〓野家?,Caf〓\r\n");
    expect(decode(encoder.encode("髙﨑①㈱ 🏥\r\n"))).toBe("髙﨑①㈱ 〓\r\n");
    expect(encoder.replaced).toBe(3);
    expect(encoder.trailer()).toContain("3 字を「〓」に置き換えました");
    expect(decode(encoder.encode(encoder.trailer()!))).toContain("3 characters not in Shift_JIS");
  });

  it("changes nothing in UTF-8, which holds every character", () => {
    const encoder = new CsvEncoder("utf-8");
    const first = encoder.encode("𠮷〜\r\n");
    const second = encoder.encode("−\r\n");
    expect(new TextDecoder().decode(first)).toBe("𠮷〜\r\n"); // TextDecoder drops the BOM
    expect([...first.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...second.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(encoder.replaced).toBe(0);
  });
});
