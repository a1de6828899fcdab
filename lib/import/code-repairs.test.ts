import { describe, expect, it } from "vitest";
import { describeCodeRepair } from "./code-repairs";

describe("describeCodeRepair", () => {
  it("names each repair a clerk would recognise", () => {
    expect(describeCodeRepair("110113719", "0110113719")?.en).toBe("lost leading zero restored");
    expect(describeCodeRepair("０１１０１１３７１９", "0110113719")?.ja).toBe("全角を半角に直しました");
    expect(describeCodeRepair("01-1-0113719", "0110113719")?.ja).toBe("区切り（ハイフン・空白）を除きました");
    expect(describeCodeRepair("１１０－１１３７１９", "0110113719")?.en).toBe(
      "full-width digits made half-width, separators removed, lost leading zero restored",
    );
    expect(describeCodeRepair(" 0110113719 ", "0110113719")).toBeNull();
  });
});
