import { describe, expect, it } from "vitest";
import { normalizeContractorName } from "./contractors";

describe("normalizeContractorName", () => {
  it("groups the usual spellings of one company", () => {
    const key = normalizeContractorName("株式会社メディカルサポート横浜");
    for (const spelling of [
      "メディカルサポート横浜株式会社",
      "㈱メディカルサポート横浜",
      "（株）メディカル サポート　横浜",
      " メディカルサポート横浜 (株) ",
    ]) {
      expect(normalizeContractorName(spelling)).toBe(key);
    }
    expect(key).toBe("メディカルサポート横浜");
  });

  it("upper-cases ASCII letters after NFKC, drops 有限会社 and 合同会社, and gives '' for nothing left", () => {
    expect(normalizeContractorName("ｍｅｄｉ ｃｏｍ 合同会社")).toBe("MEDICOM");
    expect(normalizeContractorName("有限会社ABCレセプト")).toBe("ABCレセプト");
    expect(normalizeContractorName("（有）")).toBe("");
    expect(normalizeContractorName("   ")).toBe("");
  });
});
