import { describe, expect, it } from "vitest";
import { normalizeContractorName } from "./contractors";

describe("normalizeContractorName", () => {
  it("treats the spellings of one company as one", () => {
    const one = ["株式会社メディカルサポート世田谷", "(株)メディカルサポート世田谷", "㈱メディカルサポート世田谷", "メディカルサポート世田谷 株式会社", "（株）メディカルサポート　世田谷"];
    expect(new Set(one.map(normalizeContractorName))).toEqual(new Set(["メディカルサポート世田谷"]));
  });
  it("folds widths and letter case, drops every company form and space", () => {
    expect(normalizeContractorName("ＡＢＣ　ｍｅｄｉｃａｌ 有限会社")).toBe("ABCMEDICAL");
    expect(normalizeContractorName("合同会社ｱｵﾊﾞ")).toBe("アオバ");
    expect(normalizeContractorName("(有)すずらん(合)")).toBe("すずらん");
  });
  it("keeps different companies apart and gives empty for nothing left", () => {
    expect(normalizeContractorName("世田谷医事サービス株式会社")).not.toBe(normalizeContractorName("横浜医事サービス株式会社"));
    expect(normalizeContractorName(" 株式会社 ")).toBe("");
    expect(normalizeContractorName("")).toBe("");
  });
});
