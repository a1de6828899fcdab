import { describe, expect, it } from "vitest";
import { checkDigit, makeFacilityCode, normalizeFacilityCode, parseFacilityCode } from "./facility-code";
import { PREFECTURES } from "./prefectures";

/** The reason of an invalid code, or a failure when the code was accepted. */
function reasonOf(raw: string) {
  const result = parseFacilityCode(raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  return result.reason;
}

/** Small seeded generator so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("checkDigit", () => {
  it("follows the Luhn scheme, two-digit products summed digit by digit", () => {
    expect(checkDigit("011011371")).toBe(9); // the ministry's example 0110113719
    expect(checkDigit("274999999")).toBe(7); // 9×2 = 18 counts as 1+8
    expect(checkDigit("470000000")).toBe(5);
    expect(checkDigit("131000011")).toBe(0); // sum ends in 0: check digit 0, not 10
  });
});

describe("parseFacilityCode", () => {
  it("accepts a valid code and reads prefecture and table type from it", () => {
    expect(parseFacilityCode("0110113719")).toEqual({
      ok: true,
      code: "0110113719",
      prefecture: "01",
      tableType: "medical",
    });
    expect(parseFacilityCode("2749999997")).toMatchObject({ ok: true, prefecture: "27", tableType: "pharmacy" });
    expect(parseFacilityCode("1310000110")).toMatchObject({ ok: true, prefecture: "13", tableType: "medical" });
  });

  it("accepts what hand-made lists contain: full-width digits, hyphens, spaces", () => {
    for (const raw of [
      "０１１０１１３７１９",
      "01-1-0113719",
      "01−1−0113719",
      "０１－１－０１１３７１９",
      " 01 1 0113719 ",
    ]) {
      expect(parseFacilityCode(raw)).toMatchObject({ ok: true, code: "0110113719" });
    }
  });

  it("puts back the leading zero a spreadsheet stripped from a 9-digit code", () => {
    expect(normalizeFacilityCode("110113719")).toBe("0110113719");
    expect(parseFacilityCode("110113719")).toMatchObject({ ok: true, code: "0110113719", prefecture: "01" });
  });

  it("says the code is empty", () => {
    for (const raw of ["", "   ", "--"]) {
      const reason = reasonOf(raw);
      expect(reason.ja).toContain("空");
      expect(reason.en).toMatch(/empty/i);
    }
  });

  it("says when there is something other than digits", () => {
    for (const raw of ["01101137A9", "abcdefghij", "0110113719.0"]) {
      const reason = reasonOf(raw);
      expect(reason.ja).toContain("数字以外");
      expect(reason.en).toMatch(/other than digits/);
    }
  });

  it("says how many digits a code of the wrong length has", () => {
    expect(reasonOf("01101137").en).toContain("has 8");
    expect(reasonOf("01101137").ja).toContain("8桁");
    expect(reasonOf("01101137190").en).toContain("has 11");
    expect(reasonOf("01101137190").ja).toContain("10桁");
  });

  it("names a prefecture number outside 01–47", () => {
    for (const prefecture of ["00", "48", "99"]) {
      const reason = reasonOf(`${prefecture}10113719`);
      expect(reason.en).toContain(`Prefecture number ${prefecture}`);
      expect(reason.ja).toContain(`都道府県番号 ${prefecture}`);
    }
  });

  it("names a table digit that is not medical, dental or pharmacy (6, home-visit nursing, is out of scope)", () => {
    for (const digit of ["0", "2", "5", "6"]) {
      const reason = reasonOf(`01${digit}0113719`);
      expect(reason.en).toContain(`Table digit ${digit}`);
      expect(reason.ja).toContain(`点数表番号 ${digit}`);
    }
  });

  it("says which check digit was expected", () => {
    const reason = reasonOf("0110113710");
    expect(reason.en).toContain("check digit");
    expect(reason.en).toContain("should be 9");
    expect(reason.ja).toContain("検証番号");
  });

  it("returns the normalised code with the reason so the error can show it", () => {
    expect(parseFacilityCode("０１１０１１３７１０")).toMatchObject({ ok: false, code: "0110113710" });
  });
});

describe("makeFacilityCode", () => {
  it("always builds a code that parses as valid, with the parts it was given", () => {
    const random = seededRandom(20240930);
    const tableDigits = { "1": "medical", "3": "dental", "4": "pharmacy" } as const;
    for (let i = 0; i < 2000; i++) {
      const prefecture = PREFECTURES[Math.floor(random() * PREFECTURES.length)].code;
      const digit = (["1", "3", "4"] as const)[Math.floor(random() * 3)];
      const district = Math.floor(random() * 100);
      const number = Math.floor(random() * 10000);
      const code = makeFacilityCode(prefecture, digit, district, number);
      expect(code).toMatch(/^\d{10}$/);
      expect(parseFacilityCode(code)).toEqual({ ok: true, code, prefecture, tableType: tableDigits[digit] });
    }
  });

  it("builds the ministry's example from its parts", () => {
    expect(makeFacilityCode("01", "1", 1, 1371)).toBe("0110113719");
  });

  it("produces codes where any single mistyped digit is caught", () => {
    const code = makeFacilityCode("13", "1", 23, 4567);
    for (let position = 0; position < 10; position++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[position]) continue;
        const typo = code.slice(0, position) + d + code.slice(position + 1);
        expect(parseFacilityCode(typo).ok, typo).toBe(false);
      }
    }
  });
});
