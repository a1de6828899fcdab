import { createReadStream } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { runImport, type ImportKind } from "./run";
import { ImportFileError } from "../../lib/import/decode";
import { NATIONAL } from "../../lib/scope";
import type { SheetError } from "../../lib/import/xlsx-sheet";

// The workbooks are written by openpyxl (db/import/__fixtures__/xlsx/make_fixtures.py), not by exceljs.
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDb());
});
afterAll(async () => close?.());

const book = (name: string) => path.join(import.meta.dirname, "__fixtures__", "xlsx", name);
const importBook = (kind: ImportKind, name: string, opts: { sheet?: string; dryRun?: boolean } = {}) =>
  runImport({
    kind,
    fileName: name,
    actor: { id: null, email: "test", scope: NATIONAL },
    dryRun: opts.dryRun ?? false,
    source: createReadStream(book(name)),
    sheet: opts.sheet,
  });
const count = async (table: string) =>
  (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as ImportFileError,
  );

describe("a facility list kept in Excel", () => {
  it(
    "is refused with a clear message, nothing written, " +
      "when the workbook is password-protected, cut short or its sheet empty",
    async () => {
      const protectedBook = await refusal(importBook("facilities", "protected.xlsx"));
      expect(protectedBook).toBeInstanceOf(ImportFileError);
      expect(protectedBook!.messageJa).toContain("パスワード");
      const corrupt = await refusal(importBook("facilities", "corrupt.xlsx"));
      expect(corrupt!.messageJa).toContain("Excel ブックを読めません");
      const empty = await refusal(importBook("facilities", "empty.xlsx"));
      expect([empty!.reason, empty!.messageJa]).toEqual(["empty", "シート「Sheet1」は空です"]);
      const emptySheet = await refusal(importBook("facilities", "facilities_book.xlsx", { sheet: "空" }));
      expect(emptySheet!.reason).toBe("empty");
      const noSuchSheet = await refusal(importBook("facilities", "facilities_book.xlsx", { sheet: "一覧" }));
      expect(noSuchSheet!.messageJa).toBe("シート「一覧」がありません（このブックのシート: 医療機関一覧、メモ、空）");
      const notAList = await refusal(importBook("facilities", "facilities_book.xlsx", { sheet: "メモ" }));
      expect([notAList!.reason, notAList!.messageJa, (notAList as SheetError).sheets]).toEqual([
        "missing_columns",
        "シート「メモ」: 必須の列がありません: 医療機関コード、名称",
        ["医療機関一覧", "メモ", "空"],
      ]);
      expect(await count("facilities")).toBe(0);
      const failed = await queryRows<{ status: string }>(db, sql`select status from import_batches`);
      expect(failed.every((b) => b.status === "failed")).toBe(true);
    },
  );

  it(
    "reads the first sheet below its title rows, through a merged two-row header, " +
      "with codes, dates and formulas as Excel shows them",
    async () => {
      const summary = await importBook("facilities", "facilities_book.xlsx");
      expect([summary.encoding, summary.sheet, summary.sheets]).toEqual([
        "xlsx",
        "医療機関一覧",
        ["医療機関一覧", "メモ", "空"],
      ]);
      expect([summary.rows, summary.inserted, summary.rejected]).toEqual([7, 5, 2]);
      // Errors name the row, and the cell as Excel does.
      expect(summary.errors.map((e) => [e.row, e.cell, e.sheet, e.column])).toEqual([
        [12, "A12", "医療機関一覧", "code"],
        [13, "B13", "医療機関一覧", "name"],
      ]);
      const rows = await queryRows<Record<string, string | number | null>>(
        db,
        sql`select code, name, phone, postal_code, monthly_claims, closed_on::text as closed_on from facilities
          order by code`,
      );
      expect(rows).toEqual([
        // 110112349 typed as a number: its leading zero put back
        {
          code: "0110112349",
          name: "北星クリニック",
          phone: "011-222-3333",
          postal_code: "060-0001",
          monthly_claims: 1200,
          closed_on: null,
        },
        {
          code: "0130220015",
          name: "すずらん歯科",
          phone: "011-555-6666",
          postal_code: "060-0002",
          monthly_claims: 300,
          closed_on: "2024-03-31",
        },
        // a pharmacy code that lost its zero; the name from a formula's cached value; a date shown in 和暦
        {
          code: "0440330033",
          name: "みやぎ薬局",
          phone: "022-333-4444",
          postal_code: "980-0001",
          monthly_claims: 950,
          closed_on: "2023-12-01",
        },
        // its name a shared string in two formatted runs; claims from a formula (=100*4, cached 400, never
        // evaluated here); closed as the bare serial 45535
        {
          code: "1311041246",
          name: "橋本小児科クリニック",
          phone: "03-5203-4353",
          postal_code: "160-0001",
          monthly_claims: 400,
          closed_on: "2024-08-31",
        },
        // its name a shared string with its reading (furigana) beside it, read without it; closed as 和暦 text
        {
          code: "2710510013",
          name: "なにわ医院",
          phone: "06-1111-2222",
          postal_code: "530-0001",
          monthly_claims: 800,
          closed_on: "2024-03-31",
        },
      ]);
      const again = await importBook("facilities", "facilities_book.xlsx");
      expect([again.inserted, again.updated, again.unchanged, again.rejected]).toEqual([0, 0, 5, 2]);
    },
  );

  it(
    "reads an events sheet whose dates are date cells, " +
      "serial numbers, 和暦 text, digits and a formula with a date format",
    async () => {
      const summary = await importBook("events", "events_book.xlsx");
      expect([summary.rows, summary.inserted, summary.rejected]).toEqual([5, 5, 0]);
      const events = await queryRows<{ code: string; state: string; on: string }>(
        db,
        sql`select facility_code as code, state::text as state, effective_on::text as on from status_events
            order by 1, 3`,
      );
      expect(events).toEqual([
        { code: "0110112349", state: "applied", on: "2024-04-04" },
        { code: "0110112349", state: "certificate_issued", on: "2024-05-16" },
        { code: "1311041246", state: "applied", on: "2024-06-01" },
        { code: "1311041246", state: "certificate_issued", on: "2024-06-20" },
        { code: "2710510013", state: "online", on: "2024-07-01" },
      ]);
    },
  );
});
