import { CsvEncoder, REPLACED_HEADER, csvContentType, csvEncoding, csvLine } from "@/lib/csv";

/**
 * A small CSV download (chart tables): UTF-8 with BOM by default, Shift_JIS with ?encoding=shift_jis.
 * Characters Shift_JIS cannot hold are counted in the X-Replaced-Characters header and a closing line.
 */
export function csvResponse(rows: unknown[][], fileName: string, encodingParam: string | null): Response {
  const encoding = csvEncoding(encodingParam);
  const encoder = new CsvEncoder(encoding);
  const data = encoder.encode(rows.map(csvLine).join(""));
  const trailer = encoder.trailer();
  const body = trailer ? Buffer.concat([data, encoder.encode(trailer)]) : data;
  return new Response(body as BodyInit, {
    headers: {
      [REPLACED_HEADER]: String(encoder.replaced),
      "content-type": csvContentType(encoding),
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
