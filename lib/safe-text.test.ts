import { describe, expect, it } from "vitest";
import { isPlainText } from "./safe-text";

describe("isPlainText", () => {
  it("accepts ordinary, full-width, emoji and right-to-left text", () => {
    for (const s of ["東京", "１３", "𠮷野家😀", "\u202e13", "' or 1=1 --", "a\tb"])
      expect(isPlainText(s), s).toBe(true);
  });
  it("refuses NUL and other control characters, and lone surrogates", () => {
    for (const s of ["\u0000", "a\u0000b", "x\u001by", "\u007f", "\ud800", "a\udc00"])
      expect(isPlainText(s), JSON.stringify(s)).toBe(false);
  });
});
