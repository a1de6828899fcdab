import { describe, expect, it } from "vitest";
import { LoadCache } from "./lru";

describe("LoadCache", () => {
  it("loads once per key and shares the load", async () => {
    const cache = new LoadCache<number>(2);
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get("k", load), cache.get("k", load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
  });

  it("evicts the least recently used entry when full", async () => {
    const cache = new LoadCache<string>(2);
    await cache.get("a", async () => "a1");
    await cache.get("b", async () => "b1");
    await cache.get("a", async () => "a2"); // a is now the most recent
    await cache.get("c", async () => "c1"); // b goes
    expect(cache.size).toBe(2);
    expect(await cache.get("a", async () => "a3")).toBe("a1");
    expect(await cache.get("b", async () => "b2")).toBe("b2");
  });

  it("forgets a failed load, so the next caller loads again", async () => {
    const cache = new LoadCache<string>(2);
    await expect(cache.get("k", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await Promise.resolve();
    expect(await cache.get("k", async () => "ok")).toBe("ok");
  });

  it("is invalidated by a new version in the key, or cleared at once", async () => {
    const cache = new LoadCache<string>(4);
    const key = (version: string) => JSON.stringify([version, "national"]);
    await cache.get(key("v1"), async () => "before the import");
    expect(await cache.get(key("v2"), async () => "after the import")).toBe("after the import");
    cache.clear();
    expect(cache.size).toBe(0);
    expect(await cache.get(key("v2"), async () => "reloaded")).toBe("reloaded");
  });
});
