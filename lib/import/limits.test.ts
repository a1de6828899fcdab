import { describe, expect, it } from "vitest";
import { makeFacilityCode } from "../facility-code";
import { ImportFileError } from "./decode";
import { readCsv } from "./read";
import { ErrorCap, MAX_CELL_CHARS } from "./limits";
import type { RowError } from "./types";

const TODAY = "2026-12-01";
const A = makeFacilityCode("13", "1", 2, 1);
const B = makeFacilityCode("13", "1", 2, 2);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A source of `total` bytes in pieces of `size`, counting what the reader has pulled. */
function counted(head: string, filler: string, total: number, size: number) {
  const state = { pulled: 0 };
  async function* source(): AsyncGenerator<Uint8Array> {
    const first = utf8(head);
    state.pulled += first.length;
    yield first;
    const piece = utf8(filler.repeat(Math.ceil(size / filler.length)).slice(0, size));
    while (state.pulled < total) {
      state.pulled += piece.length;
      yield piece;
    }
  }
  return { source: source(), state };
}

async function drain(source: AsyncIterable<Uint8Array>) {
  const reader = readCsv("facilities", source, { today: TODAY });
  const errors: RowError[] = [];
  let rows = 0;
  for await (const batch of reader.batches) {
    rows += batch.rows.length;
    errors.push(...batch.errors);
  }
  return { rows, errors };
}

describe("what one file may cost", () => {
  it("an open quote is refused as soon as the unfinished record passes the cap, without reading on", async () => {
    const { source, state } = counted(`医療機関コード,名称\n${A},"never closed `, "x", 8 * 1024 * 1024, 4096);
    const error = await drain(source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).reason).toBe("line_too_long");
    expect((error as ImportFileError).messageJa).toMatch(/65,536文字を超える行/);
    // Stopped within a couple of pieces of the cap (the whole file is 8 MB): no re-parsing of 8 MB from its start.
    expect(state.pulled).toBeLessThan(80 * 1024);
  });

  it("one endless line without a break is refused the same way", async () => {
    const { source, state } = counted("医療機関コード,名称\n", "y,", 8 * 1024 * 1024, 64 * 1024);
    await expect(drain(source)).rejects.toMatchObject({ reason: "line_too_long" });
    expect(state.pulled).toBeLessThan(256 * 1024);
  });

  it("a line longer than the cap that ends inside one piece is refused too", async () => {
    const long = `医療機関コード,名称,所在地\n${A},${"z,".repeat(40_000)}\n`;
    await expect(
      drain(
        (async function* () {
          yield utf8(long);
        })(),
      ),
    ).rejects.toMatchObject({ reason: "line_too_long" });
  });

  it("a cell over the cap rejects its row with the value cut short; the other rows are read", async () => {
    const csv = `医療機関コード,名称,所在地\n${A},青空クリニック,${"東".repeat(MAX_CELL_CHARS + 1)}\n${B},みどり医院,東京都\n`;
    const { rows, errors } = await drain(
      (async function* () {
        yield utf8(csv);
      })(),
    );
    expect(rows).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, column: "address" });
    expect(errors[0].value.length).toBeLessThan(120);
    expect(errors[0].message).toMatch(/2,001文字、上限2,000文字/);
  });
});

describe("ErrorCap", () => {
  it("keeps exactly the first errors by line and counts the rest", () => {
    const cap = new ErrorCap(3);
    const e = (row: number): RowError => ({ row, column: "code", value: "", message: "" });
    cap.add([e(5), e(2), e(9)]);
    cap.add([e(3)]);
    cap.settle();
    cap.add([e(12), e(11)]);
    cap.settle();
    expect(cap.kept.map((x) => x.row)).toEqual([2, 3, 5]);
    expect(cap.omitted).toBe(3);
    expect(cap.total).toBe(6);
  });
});
