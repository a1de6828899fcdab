import { describe, expect, it } from "vitest";
import { kept } from "./figure-cache";

describe("figures kept by data version", () => {
  it("loads once per version and key, and drops a version two versions old", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([kept("v1", ["x"], load), kept("v1", ["x"], load)]);
    expect([a, b]).toEqual([1, 1]);
    expect(await kept("v2", ["x"], load)).toBe(2);
    // The version before the current one is still kept …
    expect(await kept("v1", ["x"], load)).toBe(1);
    expect(await kept("v3", ["x"], load)).toBe(3);
    // … but with v1 and v3 asked for since, v2 is the oldest of three and went.
    expect(await kept("v2", ["x"], load)).toBe(4);
    expect(await kept("v3", ["x"], load)).toBe(3);
    expect(await kept("v1", ["x"], load)).toBe(5);
  });
});
