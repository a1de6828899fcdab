import { csvContentType, csvEncoding, csvLine, encodeCsv } from "@/lib/csv";

/** A small CSV download (chart tables): UTF-8 with BOM by default, Shift_JIS with ?encoding=shift_jis. */
export function csvResponse(rows: unknown[][], fileName: string, encodingParam: string | null): Response {
  const encoding = csvEncoding(encodingParam);
  const body = encodeCsv(rows.map(csvLine).join(""), encoding);
  return new Response(body as BodyInit, {
    headers: {
      "content-type": csvContentType(encoding),
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
