import { describe, expect, it } from "vitest";
import { formatPointChange } from "./headline";
import { zoomedAxisEnd } from "./ranking";

describe("headline change", () => {
  it("never shows -0.00", () => {
    expect(formatPointChange(-0.001)).toBe("±0.00");
    expect(formatPointChange(0)).toBe("±0.00");
    expect(formatPointChange(0.126)).toBe("+0.13");
    expect(formatPointChange(-1.5)).toBe("−1.50");
  });
});

describe("ranking axis", () => {
  it("ends just past the largest share not online", () => {
    expect(zoomedAxisEnd(0.043)).toBe(0.05);
    expect(zoomedAxisEnd(0.06)).toBe(0.1);
    expect(zoomedAxisEnd(0.004)).toBe(0.005);
    expect(zoomedAxisEnd(0.7)).toBe(1);
  });
});
