import { describe, expect, it } from "vitest";
import { describeListFilter, facilityListHref } from "./figure-words";
import { en, ja } from "./i18n/messages";

const figuresJa = ja.fig;
const figuresEn = en.fig;

describe("the facility list's filter in words", () => {
  it("reads as a committee caption", () => {
    expect(
      describeListFilter(
        { asOf: "2025-03-31", prefecture: "13", tableType: "medical", status: "optical_disk" },
        "ja",
        figuresJa,
        true,
      ),
    ).toBe("東京都・医科・光ディスク等・2025年3月31日時点");
    expect(
      describeListFilter({ asOf: "2025-03-31", prefecture: "13", status: "optical_disk" }, "en", figuresEn, true),
    ).toBe("Tokyo · Optical disk · as of 2025-03-31");
  });
  it("names figures, the scope and closed facilities", () => {
    expect(
      describeListFilter(
        { asOf: "2024-10-01", figure: { reason: "outsourced", contractor: "メディカル東京" } },
        "ja",
        figuresJa,
        true,
        "株式会社メディカル東京",
      ),
    ).toBe("全国・猶予理由 ア 外部委託・委託先「株式会社メディカル東京」・2024年10月1日時点");
    expect(describeListFilter({ asOf: "2024-10-01", figure: { plan: "slipped" } }, "ja", figuresJa, false)).toBe(
      "担当地域・移行予定日を経過・2024年10月1日時点",
    );
    expect(describeListFilter({ asOf: "2024-10-01", closed: "include" }, "ja", figuresJa, true)).toBe(
      "全国・全施設（廃止・休止を含む）・2024年10月1日時点",
    );
  });
  it("links carry every filter and nothing empty", () => {
    expect(
      facilityListHref({ asOf: "2025-03-31", prefecture: "13", status: "optical_disk", tableType: undefined }),
    ).toBe("/facilities?asOf=2025-03-31&prefecture=13&status=optical_disk");
  });
});
