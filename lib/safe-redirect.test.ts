import { describe, expect, it } from "vitest";
import { sameSitePath } from "./safe-redirect";

describe("sameSitePath", () => {
  it("keeps paths on this site with their query", () => {
    expect(sameSitePath("/prefectures/13?asOf=2024-01-31")).toBe("/prefectures/13?asOf=2024-01-31");
  });
  it("sends anything that could leave the site home", () => {
    for (const v of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "evil",
      "/\t/evil.example",
      "",
      null,
      undefined,
    ])
      expect(sameSitePath(v), String(v)).toBe("/");
  });
});
