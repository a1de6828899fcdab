import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { makeFacilityCode } from "../facility-code";
import { readCsv } from "./read";
import type { ImportKind } from "./headers";
import type { RowError } from "./types";
import { FirstLines } from "./first-lines";

const TODAY = "2026-12-01";
const A = makeFacilityCode("13", "1", 2, 1);
const B = makeFacilityCode("13", "1", 2, 2);
const C = makeFacilityCode("27", "3", 1, 3);

/** The bytes handed over in pieces of `size` bytes (a piece may end inside a character or a record). */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function readAll(kind: ImportKind, bytes: Uint8Array, size = 1 << 16, batchRows?: number) {
  const reader = readCsv(kind, pieces(bytes, size), { today: TODAY, batchRows });
  const rows: { row: number; code: string; name?: string; address?: string | null }[] = [];
  const errors: RowError[] = [];
  let batches = 0;
  for await (const batch of reader.batches) {
    batches++;
    for (const r of batch.rows)
      rows.push({
        row: r.row,
        code: r.value.code,
        ...("name" in r.value ? { name: r.value.name, address: r.value.address } : {}),
      });
    errors.push(...batch.errors);
  }
  return { rows, errors, batches, encoding: reader.encoding() };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("reading a facility list as it streams in", () => {
  // Line 3's address spans three physical lines; line 7 is blank; line 8 repeats line 2's code.
  const lines = [
    "医療機関コード,名称,所在地",
    `${A},青空クリニック,東京都新宿区`,
    `${B},みどり医院,"東京都港区1-2\n2階\n奥"`,
    `${C},"さくら歯科, 本院",大阪府`,
    "",
    `${A},二度目の青空クリニック,東京都`,
    `0000000000,番号違い,どこか`,
  ];
  const physical = (nl: string) =>
    lines.join(nl).replaceAll("\n2階\n奥", `${nl === "\r" ? "\r" : "\n"}2階${nl === "\r" ? "\r" : "\n"}奥`) + nl;

  for (const [label, nl] of [
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR (Excel for Mac)", "\r"],
  ] as const) {
    it(`numbers rows by their physical line, ${label}, however the bytes are cut`, async () => {
      const bytes = iconv.encode(physical(nl), "cp932");
      for (const size of [1, 3, 7, 64, 1 << 16]) {
        const { rows, errors, encoding } = await readAll("facilities", bytes, size);
        expect(encoding).toBe("shift_jis");
        expect(rows.map((r) => [r.row, r.code])).toEqual([
          [2, A],
          [3, B],
          [6, C],
        ]);
        expect(rows[1].address).toBe(`東京都港区1-2${nl === "\r" ? "\r" : "\n"}2階${nl === "\r" ? "\r" : "\n"}奥`);
        expect(rows[2].name).toBe("さくら歯科, 本院");
        expect(errors.map((e) => [e.row, e.column])).toEqual([
          [8, "code"],
          [9, "code"],
        ]);
        expect(errors[0].message).toContain("2行目と重複");
      }
    });
  }

  it(
    "counts a line break inside a cell of an Excel for " + "Mac file (lines ending in CR) as an editor shows it",
    async () => {
      // The cells break their lines with LF and with CRLF, the records end in CR.
      const text = ["コード,名称,住所", `${A},"一\n二",x`, `${B},"三\r\n四",y`, `${A},重複,z`].join("\r") + "\r";
      for (const size of [1, 4, 1 << 16]) {
        const { rows, errors } = await readAll("facilities", utf8(text), size);
        expect(rows.map((r) => r.row)).toEqual([2, 4]);
        expect(errors).toEqual([expect.objectContaining({ row: 6, message: expect.stringContaining("2行目と重複") })]);
      }
    },
  );

  it("gives the same rows and lines in small batches as in one", async () => {
    const bytes = utf8(physical("\r\n"));
    const whole = await readAll("facilities", bytes, 5);
    const small = await readAll("facilities", bytes, 5, 1);
    expect(small.batches).toBeGreaterThan(3);
    expect(small.rows).toEqual(whole.rows);
    expect(small.errors).toEqual(whole.errors);
  });

  it("keeps line numbers right when many records with line breaks in their cells follow each other", async () => {
    const body = [];
    for (let i = 1; i <= 3000; i++)
      body.push(`${makeFacilityCode("01", "1", 1, i)},名称${i},"${i % 3 === 0 ? "一\n二" : "一"}"`);
    body.push(`${makeFacilityCode("01", "1", 1, 1)},重複,x`);
    const { rows, errors } = await readAll("facilities", utf8(["コード,名称,住所", ...body].join("\n") + "\n"), 4096);
    expect(rows).toHaveLength(3000);
    // Each record takes one line, or two when its address holds a line break: line = 2 + i-1 + breaks before it.
    for (const r of [rows[0], rows[2], rows[3], rows[2999]]) {
      const i = Number(r.name!.slice(2));
      expect(r.row).toBe(1 + i + Math.floor((i - 1) / 3));
    }
    expect(errors).toEqual([
      expect.objectContaining({ row: 1 + 3001 + 1000, message: expect.stringContaining("2行目と重複") }),
    ]);
  });
});

describe("duplicates in other kinds of file", () => {
  it(
    "an events file may name a code several times; " + "only the same step on the same day twice is a duplicate",
    async () => {
      const text = [
        "医療機関コード,状態,日付",
        `${A},利用申請,2025-01-10`,
        `${A},オンライン,2025-03-01`,
        `${A},利用申請,2025-01-10`,
      ].join("\n");
      const { rows, errors } = await readAll("events", utf8(text));
      expect(rows.map((r) => r.row)).toEqual([2, 3]);
      expect(errors).toEqual([expect.objectContaining({ row: 4, message: expect.stringContaining("2行目と重複") })]);
    },
  );
});

describe("FirstLines", () => {
  it("remembers the first line of each of many codes, through its growth", () => {
    const lines = new FirstLines();
    // 30,000 codes, then 20,000 of them again.
    const codes = Array.from({ length: 50_000 }, (_, i) => {
      const j = i % 30_000;
      return Number(makeFacilityCode(String((j % 47) + 1).padStart(2, "0"), "1", Math.floor(j / 10_000), j % 10_000));
    });
    const first = new Map<number, number>();
    codes.forEach((code, i) => {
      const expected = first.get(code);
      expect(lines.firstOr(code, i + 1)).toBe(expected);
      if (expected === undefined) first.set(code, i + 1);
    });
    expect(first.size).toBe(30_000);
    for (const [code, line] of first) expect(lines.firstOr(code, 999_999)).toBe(line);
    expect(lines.firstOr("13|online|2025-01-01", 5)).toBeUndefined();
    expect(lines.firstOr("13|online|2025-01-01", 6)).toBe(5);
  });
});
