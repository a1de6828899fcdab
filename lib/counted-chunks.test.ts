import { describe, expect, it } from "vitest";
import { countedChunks, type ChunksEnd } from "./counted-chunks";

async function* three() {
  yield [1, 2];
  yield [3];
  yield [4, 5, 6];
}

describe("counted chunks", () => {
  it("says complete with every row once the source runs out", async () => {
    const ends: ChunksEnd[] = [];
    const seen: number[][] = [];
    for await (const chunk of countedChunks(
      three(),
      (c) => c.length,
      async (e) => void ends.push(e),
    ))
      seen.push(chunk);
    expect(seen).toEqual([[1, 2], [3], [4, 5, 6]]);
    expect(ends).toEqual([{ outcome: "complete", rows: 6 }]);
  });

  it("says cut off with the rows handed on when the reader stops early, and closes the source", async () => {
    const ends: ChunksEnd[] = [];
    let closed = false;
    async function* source() {
      try {
        yield* three();
      } finally {
        closed = true;
      }
    }
    const it = countedChunks(
      source(),
      (c) => c.length,
      async (e) => void ends.push(e),
    );
    await it.next();
    await it.next();
    await it.return!();
    await it.return!();
    expect(ends).toEqual([{ outcome: "cut_off", rows: 3, reason: "cancelled" }]);
    expect(closed).toBe(true);
  });

  it("says cut off when the source fails, and passes the failure on", async () => {
    const ends: ChunksEnd[] = [];
    async function* failing() {
      yield [1];
      throw new Error("statement timeout");
    }
    const it = countedChunks(
      failing(),
      (c) => c.length,
      async (e) => void ends.push(e),
    );
    await it.next();
    await expect(it.next()).rejects.toThrow("statement timeout");
    expect(ends).toEqual([{ outcome: "cut_off", rows: 1, reason: "error" }]);
  });
});
