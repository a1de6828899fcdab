import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { csvCell, csvEncoding, csvLine, encodeCsv } from "./csv";

describe("Excel-safe CSV", () => {
  it("escapes cells that Excel would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
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
