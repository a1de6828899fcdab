import { PassThrough, Readable } from "node:stream";
import { formatDateJa } from "@/lib/dates";
import { xlsxBook, type XlsxSheetSpec } from "@/lib/xlsx-export";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `format=xlsx` asks for an Excel workbook instead of the CSV (the `encoding` then does not apply). */
export const wantsXlsx = (format: string | undefined | null) => (format ?? "").toLowerCase() === "xlsx";

/** The lines above a table: what it is, its 基準日 and its filters (the query as given, without paging). */
export function exportNotes(title: string, asOf: string | undefined, filters: object): string[] {
  const given = Object.entries(filters).filter(
    ([key, value]) => value !== undefined && value !== "" && key !== "asOf" && key !== "page" && key !== "pageSize",
  );
  return [
    title,
    ...(asOf ? [`基準日 (asOf): ${formatDateJa(asOf)}`] : []),
    `条件 (filters): ${
      given.length > 0
        ? given.map(([key, value]) => `${key}=${Array.isArray(value) ? value.join("|") : String(value)}`).join(", ")
        : "なし (none)"
    }`,
  ];
}

/** A workbook of one or more sheets, each written while its rows are read, as a download. */
export function xlsxResponse(
  title: string,
  sheets: { spec: XlsxSheetSpec; rows: AsyncIterable<unknown[][]> }[],
  fileName: string,
): Response {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const book = xlsxBook(out, { title, description: sheets[0]?.spec.notes.slice(1).join(" / ") ?? "" });
  void (async () => {
    try {
      for (const sheet of sheets) await book.addSheet(sheet.spec, sheet.rows);
      await book.finish();
    } catch (error) {
      if (out.destroyed) return; // the download was cancelled: the rows were let go
      console.error(`Excel export ${fileName} failed`, error);
      out.destroy(error as Error);
    }
  })();
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": XLSX_CONTENT_TYPE,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

/** A small table (header row first) as rows for one sheet. */
export async function* tableRows(table: unknown[][]): AsyncGenerator<unknown[][]> {
  yield table.slice(1);
}
