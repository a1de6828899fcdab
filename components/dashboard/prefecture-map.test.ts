import { describe, expect, it } from "vitest";
import { PREFECTURES } from "@/lib/prefectures";
import { uniqueShortNames } from "./prefecture-map";

describe("English tile names", () => {
  it("are unique and as short as they can be", () => {
    const short = uniqueShortNames(PREFECTURES.map((p) => ({ code: p.code, name: p.nameEn })));
    const values = [...short.values()];
    expect(new Set(values).size).toBe(47);
    const byName = (en: string) => short.get(PREFECTURES.find((p) => p.nameEn === en)!.code);
    expect(byName("Tokyo")).toBe("Toky"); // Tokushima is "Toku"
    expect(byName("Osaka")).toBe("Osa");
    expect(byName("Fukui")).toBe("Fukui");
    expect(byName("Fukuoka")).toBe("Fukuo");
    expect(byName("Shizuoka")).toBe("Shiz");
  });
});
