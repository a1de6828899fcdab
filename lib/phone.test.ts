import { describe, expect, it } from "vitest";
import { telHref } from "./phone";

describe("telHref", () => {
  it("dials what people write", () => {
    expect(telHref("03-1234-5678")).toBe("tel:0312345678");
    expect(telHref("０３－１２３４－５６７８")).toBe("tel:0312345678");
    expect(telHref("03(1234)5678 内線12")).toBe("tel:0312345678");
    expect(telHref("+81 3 1234 5678")).toBe("tel:+81312345678");
    expect(telHref("03-1234-5678 ext. 4")).toBe("tel:0312345678");
  });
  it("gives nothing for blanks and non-numbers", () => {
    expect(telHref(null)).toBeNull();
    expect(telHref("")).toBeNull();
    expect(telHref("なし")).toBeNull();
    expect(telHref("12-34")).toBeNull();
  });
});
