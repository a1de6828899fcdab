import { describe, expect, it } from "vitest";
import { usesSecureCookies } from "./cookies";

describe("secure cookies", () => {
  it("follow the configured origin", () => {
    expect(usesSecureCookies({ NEXTAUTH_URL: "https://tracker.example.go.jp" })).toBe(true);
    expect(usesSecureCookies({ NEXTAUTH_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(usesSecureCookies({})).toBe(false);
    expect(usesSecureCookies({ NEXTAUTH_URL: "not a url" })).toBe(false);
  });
});
