import { parentPort, workerData } from "node:worker_threads";
import { readImportFile } from "../../lib/import/file-reader";
import { facilityLines, presentColumns, type FacilityLines, type FacilityTarget } from "./facility-lines";
import {
  describeError,
  INPUT_AHEAD,
  QUEUED_BATCHES,
  type ReaderStart,
  type ToMain,
  type ToReader,
} from "./facility-reader-protocol";

/**
 * The reader thread of a facility list (./facility-reader.ts starts it): the file's bytes come in from the
 * main thread as it asks for them, and each batch goes back with its accepted-so-far rows written as COPY
 * lines in UTF-8, so that the main thread only admits them and streams the bytes to the database. At most
 * INPUT_AHEAD chunks are asked for ahead and QUEUED_BATCHES batches sent ahead of the main thread, so
 * memory stays bounded however large the file.
 */

const port = parentPort!;
const start = workerData as ReaderStart;
const post = (message: ToMain, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const chunks: Uint8Array[] = [];
let ended = false;
let wakeInput: (() => void) | null = null;
let credit = QUEUED_BATCHES;
let wakeOutput: (() => void) | null = null;
let target: FacilityTarget | null = null;

port.on("message", (message: ToReader) => {
  if (message.type === "ack" || message.type === "target") {
    if (message.type === "ack") credit++;
    else target = message.target;
    wakeOutput?.();
    wakeOutput = null;
    return;
  }
  if (message.type === "chunk") chunks.push(message.bytes);
  else ended = true;
  wakeInput?.();
  wakeInput = null;
});

async function* input(): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < INPUT_AHEAD; i++) post({ type: "pull" });
  for (;;) {
    const chunk = chunks.shift();
    if (chunk) {
      post({ type: "pull" });
      yield chunk;
    } else if (ended) return;
    else await new Promise<void>((resolve) => (wakeInput = resolve));
  }
}

/**
 * A batch's lines written one after another into a buffer of its own (moved, not copied, to the main thread),
 * each as UTF-8 straight from its text: no string of the whole batch on the way.
 */
class LineBuffer {
  private bytes = Buffer.allocUnsafeSlow(256 << 10);
  length = 0;

  write(line: string): number {
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    if (this.length + line.length * 3 > this.bytes.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.length + line.length * 3));
      this.bytes.copy(larger, 0, 0, this.length);
      this.bytes = larger;
    }
    this.length += this.bytes.write(line, this.length);
    return this.length;
  }

  /** The buffer written so far; the next is sized for a batch like this one. */
  take(): ArrayBuffer {
    const { buffer } = this.bytes;
    this.bytes = Buffer.allocUnsafeSlow(Math.max(64 << 10, Math.ceil(this.length * 1.25)));
    this.length = 0;
    return buffer as ArrayBuffer;
  }
}

async function main(): Promise<void> {
  const reader = readImportFile("facilities", input(), start.options);
  const state = () => ({ encoding: reader.encoding(), mapping: reader.mapping(), sheet: reader.sheet() });
  let lines: FacilityLines | null = null;
  const buffer = new LineBuffer();
  try {
    for await (const batch of reader.batches) {
      // The file is read from the start; its lines wait for the writer to say where they go.
      while (!target) await new Promise<void>((resolve) => (wakeOutput = resolve));
      lines ??= facilityLines(target, presentColumns(reader.mapping()));
      const n = batch.rows.length;
      const rows = new Int32Array(n);
      const ends = new Uint32Array(n);
      let codes = "";
      for (let i = 0; i < n; i++) {
        const { row, value } = batch.rows[i];
        rows[i] = row;
        codes += (i === 0 ? "" : "\n") + value.code;
        ends[i] = buffer.write(lines.line(value));
      }
      const size = buffer.length;
      const bytes = buffer.take();
      post(
        { type: "batch", rows, codes, ends, bytes, size, errors: batch.errors, repairs: batch.repairs, ...state() },
        [bytes, rows.buffer, ends.buffer],
      );
      credit--;
      while (credit <= 0) await new Promise<void>((resolve) => (wakeOutput = resolve));
    }
    post({ type: "done", ...state() });
  } catch (error) {
    post({ type: "failed", error: describeError(error), ...state() });
  }
}

void main();
