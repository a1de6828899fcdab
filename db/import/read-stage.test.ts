import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "../../lib/import/decode";
import { makeFacilityCode } from "../../lib/facility-code";
import type { FacilityTarget } from "./facility-lines";
import { openReadStage, type AdmittedKey } from "./read-stage";

const TODAY = "2026-12-05";
const IN_A_THREAD = 0;
const IN_THIS_THREAD = Number.POSITIVE_INFINITY;
const fixture = (...name: string[]) => readFileSync(path.join(import.meta.dirname, "__fixtures__", ...name));

async function* pieces(bytes: Uint8Array, size: number, pulled = { chunks: 0, returned: false }) {
  try {
    for (let at = 0; at < bytes.length; at += size) {
      pulled.chunks++;
      yield bytes.subarray(at, at + size);
    }
  } finally {
    pulled.returned = true;
  }
}

/**
 * Everything the import takes from the read stage for a file: the rows' lines in the file and codes, the
 * errors, the code repairs, the COPY text of the rows `admit` keeps, and what the file was found to be.
 */
async function read(
  bytes: Uint8Array,
  threadFromBytes: number,
  target: FacilityTarget,
  options: { admit?: (key: AdmittedKey) => boolean; sheet?: string; batchRows?: number } = {},
) {
  const stage = await openReadStage("facilities", pieces(bytes, 4096), {
    today: TODAY,
    batchRows: options.batchRows ?? 50,
    sheet: options.sheet,
    threadFromBytes,
  });
  const seen = { rows: [] as [number, string, string][], errors: [] as unknown[], repairs: [] as unknown[] };
  let text = "";
  try {
    for await (const part of stage.lines(target)) {
      seen.rows.push(
        ...part.rows.map(({ row, value }): [number, string, string] => [row, value.code, value.prefecture]),
      );
      seen.errors.push(...part.errors);
      seen.repairs.push(...(part.repairs ?? []));
      const lines = part.lines(part.rows.map((r) => r.value).filter(options.admit ?? (() => true)));
      text += "bytes" in lines ? Buffer.from(lines.bytes).toString("utf8") : lines.join("");
    }
  } finally {
    await stage.close();
  }
  return { ...seen, text, encoding: stage.encoding(), mapping: stage.mapping(), sheet: stage.sheet() };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe("a facility list read in a thread of its own", () => {
  const samples: [string, Uint8Array][] = [
    ["facilities_sjis.csv (Shift_JIS, six bad rows)", fixture("facilities_sjis.csv")],
    ["facilities_update_utf8.csv", fixture("facilities_update_utf8.csv")],
    ["facilities_lookalikes_utf8.csv", fixture("facilities_lookalikes_utf8.csv")],
    ["facilities_book.xlsx", fixture("xlsx", "facilities_book.xlsx")],
  ];
  const targets: FacilityTarget[] = [{ into: "facilities", batchId: 7 }, { into: "staging" }];

  it.each(samples)("gives the same rows, errors, repairs and COPY lines as in this thread: %s", async (_, bytes) => {
    for (const target of targets) {
      const here = await read(bytes, IN_THIS_THREAD, target);
      expect(here.rows.length + here.errors.length).toBeGreaterThan(0);
      expect(await read(bytes, IN_A_THREAD, target)).toEqual(here);
      // Rows the admit stage refuses are left out of the lines the same way.
      const admit = (key: AdmittedKey) => key.index % 3 !== 1;
      expect(await read(bytes, IN_A_THREAD, target, { admit })).toEqual(
        await read(bytes, IN_THIS_THREAD, target, { admit }),
      );
    }
    const sjis = await read(fixture("facilities_sjis.csv"), IN_A_THREAD, targets[0]);
    expect([sjis.rows.length, sjis.errors.length, sjis.encoding]).toEqual([200, 6, "shift_jis"]);
  });

  it("refuses a file for the same reason, in the same words, as in this thread", async () => {
    const header = "医療機関コード,医療機関名称\r\n";
    const files: [string, Uint8Array, string?][] = [
      ["undecodable", Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x81, 0x00, 0x85])],
      ["no name column", iconv.encode("医療機関コード,所在地\r\n0110000012,札幌\r\n", "cp932")],
      ["empty", new Uint8Array(0)],
      ["an endless quote", Buffer.from(`${header}0110000012,"${"長".repeat(70_000)}\r\n`, "utf8")],
      ["no such sheet", fixture("xlsx", "facilities_book.xlsx"), "一覧"],
      ["a password-protected book", fixture("xlsx", "protected.xlsx")],
    ];
    for (const [name, bytes, sheet] of files) {
      const here = (await refusal(read(bytes, IN_THIS_THREAD, { into: "staging" }, { sheet }))) as ImportFileError;
      const there = await refusal(read(bytes, IN_A_THREAD, { into: "staging" }, { sheet }));
      expect(here, name).toBeInstanceOf(ImportFileError);
      expect(there, name).toBeInstanceOf(here.constructor);
      expect({ ...(there as object), message: (there as Error).message }, name).toEqual({
        ...here,
        message: here.message,
      });
    }
  });

  it("asks for the file only as fast as its batches are taken, and lets it go when stopped", async () => {
    const lines = ["医療機関コード,医療機関名称,都道府県"];
    for (let i = 0; i < 20_000; i++)
      lines.push(`${makeFacilityCode("13", "1", 60 + Math.floor(i / 10_000), i % 10_000)},診療所${i},東京都`);
    const bytes = Buffer.from(lines.join("\n") + "\n", "utf8"); // about 800 kB: 200 chunks of 4 kB
    const pulled = { chunks: 0, returned: false };
    const stage = await openReadStage("facilities", pieces(bytes, 4096, pulled), {
      today: TODAY,
      batchRows: 100,
      threadFromBytes: IN_A_THREAD,
    });
    const parts = stage.lines({ into: "staging" })[Symbol.asyncIterator]();
    expect((await parts.next()).done).toBe(false);
    // The thread reads ahead while the first batch is held, up to the batches it may queue, then waits.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ahead = pulled.chunks;
    expect(ahead).toBeGreaterThan(2);
    expect(ahead).toBeLessThan(50);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pulled.chunks).toBe(ahead);
    let rows = 100;
    for (let next = await parts.next(); !next.done && rows < 5_000; next = await parts.next())
      rows += next.value.rows.length + next.value.errors.length;
    expect(pulled.chunks).toBeLessThan(200);
    await stage.close();
    expect(pulled.returned).toBe(true);
  });
});
