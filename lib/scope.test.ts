import { describe, expect, it } from "vitest";
import { narrowScope, NATIONAL, scopeFromPrefectures, scopeIncludes } from "./scope";

describe("scope", () => {
  it("null prefectures is national; a list is that list; unknown codes are dropped", () => {
    expect(scopeFromPrefectures(null)).toEqual(NATIONAL);
    expect(scopeFromPrefectures(["13", "99", "x"])).toEqual({ kind: "prefectures", prefectures: ["13"] });
    expect(scopeFromPrefectures([])).toEqual({ kind: "prefectures", prefectures: [] });
  });

  it("narrowing outside the scope gives an empty scope, never a wider one", () => {
    const tokyo = scopeFromPrefectures(["13"]);
    expect(narrowScope(tokyo, "27")).toEqual({ kind: "prefectures", prefectures: [] });
    expect(narrowScope(tokyo, "13")).toEqual({ kind: "prefectures", prefectures: ["13"] });
    expect(narrowScope(tokyo, undefined)).toBe(tokyo);
    expect(narrowScope(NATIONAL, "27")).toEqual({ kind: "prefectures", prefectures: ["27"] });
    expect(scopeIncludes(tokyo, "14")).toBe(false);
    expect(scopeIncludes(NATIONAL, "14")).toBe(true);
  });
});
