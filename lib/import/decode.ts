/** Detects and decodes the bytes of an uploaded CSV: UTF-8 (with or without BOM) or Shift_JIS (CP932). */

export type FileEncoding = "utf-8" | "shift_jis";

/** A file that cannot be read at all (exit code 2): undecodable, empty, or without its required columns. */
export class ImportFileError extends Error {
  constructor(
    readonly reason: "undecodable" | "empty" | "missing_columns" | "too_large" | "line_too_long",
    readonly messageJa: string,
    messageEn: string,
  ) {
    super(messageEn);
  }
}

const undecodable = () =>
  new ImportFileError(
    "undecodable",
    "文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）",
    "The file is neither UTF-8 nor Shift_JIS text; save it from Excel as CSV (UTF-8 or Shift_JIS)",
  );

function decodes(encoding: FileEncoding, bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a character cut in two at the end of the sample.
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Sniffs the encoding from the first bytes: a BOM or valid UTF-8 means UTF-8, else valid CP932. */
export function detectEncoding(head: Uint8Array): FileEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (decodes("utf-8", head)) return "utf-8";
  if (decodes("shift_jis", head)) return "shift_jis";
  throw undecodable();
}

const SNIFF_BYTES = 64 * 1024;

/**
 * Streams decoded text from byte chunks in bounded memory. The encoding is decided on the first 64 KB; a
 * byte sequence later in the file that is not valid in it stops the import with an undecodable-file error
 * (never mojibake). Node's TextDecoder("shift_jis") is CP932: ①, ㈱, 髙 and 﨑 decode correctly.
 */
export async function* decodeChunks(
  source: AsyncIterable<Uint8Array>,
  onEncoding: (encoding: FileEncoding) => void,
): AsyncGenerator<string> {
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let decoder: TextDecoder | null = null;
  let first = true;
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    try {
      let text = decoder!.decode(chunk, { stream });
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      return text;
    } catch {
      throw undecodable();
    }
  };
  const start = (): string => {
    const head = Buffer.concat(pending);
    if (head.length === 0) throw new ImportFileError("empty", "ファイルが空です", "The file is empty");
    const encoding = detectEncoding(head);
    onEncoding(encoding);
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    return decode(head, true);
  };
  for await (const chunk of source) {
    if (decoder) {
      yield decode(chunk, true);
      continue;
    }
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= SNIFF_BYTES) yield start();
  }
  if (!decoder) yield start();
  const tail = decode(new Uint8Array(0), false);
  if (tail) yield tail;
}
