import { csvContentType, csvEncoding, csvLine, encodeCsv } from "@/lib/csv";

/**
 * A CSV download written while it is read: the header, then each chunk of rows as the query yields it,
 * encoded on the way (UTF-8 with BOM by default, Shift_JIS on request). Memory holds one chunk at a time.
 */
export function streamedCsvResponse(
  header: string[],
  chunks: AsyncIterable<unknown[][]>,
  fileName: string,
  encodingParam: string | null,
): Response {
  const encoding = csvEncoding(encodingParam);
  const iterator = chunks[Symbol.asyncIterator]();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encodeCsv(csvLine(header), encoding, true));
          return;
        }
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encodeCsv(next.value.map(csvLine).join(""), encoding, false));
      } catch (error) {
        console.error(`CSV export ${fileName} failed`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": csvContentType(encoding),
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
