import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ImportFileError } from "../../lib/import/decode";
import type { FacilityTarget } from "./facility-lines";
import type { DescribedError, LineBatch, ReaderStart, ReaderState, ToMain, ToReader } from "./facility-reader-protocol";

export type { LineBatch };

/** A facility list read in a thread of its own: what it learned of the file, and its batches as COPY lines. */
export interface FacilityLineReader {
  encoding: () => ReaderState["encoding"];
  mapping: () => ReaderState["mapping"];
  sheet: () => ReaderState["sheet"];
  /** The batches, their rows written as COPY lines for `target` (once the writer knows where they go). */
  batches: (target: FacilityTarget) => AsyncGenerator<LineBatch>;
  /** Stops the thread and lets the file go, if they are still running (a no-op once the batches have ended). */
  close: () => Promise<void>;
}

/**
 * The thread's young generation, a half of V8's default: a batch's rows die young either way, and the
 * national list's import then peaks 10–15 MB lower at the same CPU time (12 MB: 25 MB lower, 10% more CPU).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 24 };

/**
 * Inside Next (the server, built or in development) the bundler compiles the reader thread's entry with
 * everything it imports. Run from the TypeScript sources, the same entry is bundled by ./thread-code.ts.
 */
async function startThread(start: ReaderStart): Promise<Worker> {
  if (process.env.NEXT_RUNTIME)
    return new Worker(new URL("./facility-reader.worker.ts", import.meta.url), { workerData: start, resourceLimits });
  const { threadCode } = await import(/* turbopackIgnore: true */ "./thread-code");
  const entry = fileURLToPath(import.meta.url.replace(/facility-reader\.ts$/, "facility-reader.worker.ts"));
  return new Worker(await threadCode(entry), { eval: true, workerData: start, resourceLimits });
}

async function restoreError(error: DescribedError): Promise<Error> {
  if (error.file && error.sheets) {
    const { SheetError } = await import("../../lib/import/xlsx-sheet"); // only for a workbook
    return new SheetError(error.reason, error.messageJa, error.message, error.sheets);
  }
  if (error.file) return new ImportFileError(error.reason, error.messageJa, error.message);
  const restored = new Error(error.message);
  restored.name = error.name;
  if (error.stack) restored.stack = error.stack;
  return restored;
}

/**
 * Starts reading a facility list (CSV or workbook) in a thread of its own, at once: the thread starts up
 * while the import opens its transaction. The main thread hands the file over chunk by chunk as the thread
 * asks for it, and takes the batches as its consumer does; the thread stops when the batches end, or at
 * `close` (the import failed).
 */
export async function startFacilityReader(
  source: AsyncIterable<Uint8Array>,
  start: ReaderStart,
): Promise<FacilityLineReader> {
  let state: ReaderState = { encoding: null, mapping: null, sheet: null };
  const thread = await startThread(start);
  const send = (message: ToReader, transfer: ArrayBuffer[] = []) => thread.postMessage(message, transfer);
  const inbox: Exclude<ToMain, { type: "pull" }>[] = [];
  let failure = null as { error: unknown } | null; // set by the thread's and the file's handlers
  let exited = false;
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    wake?.();
    wake = null;
  };
  // The file, a chunk for each chunk the thread asks for (copied into a buffer of its own and moved over).
  const chunks = source[Symbol.asyncIterator]();
  let asked = 0;
  let pumping = false;
  let sourceDone = false;
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (asked > 0 && !sourceDone) {
        asked--;
        const next = await chunks.next();
        if (next.done) {
          sourceDone = true;
          send({ type: "end" });
        } else {
          const bytes = new Uint8Array(next.value);
          send({ type: "chunk", bytes }, [bytes.buffer]);
        }
      }
    } catch (error) {
      sourceDone = true;
      failure ??= { error };
      wakeUp();
    } finally {
      pumping = false;
    }
  };
  thread.on("message", (message: ToMain) => {
    if (message.type === "pull") {
      asked++;
      void pump();
      return;
    }
    inbox.push(message);
    wakeUp();
  });
  thread.on("error", (error) => {
    failure ??= { error };
    wakeUp();
  });
  thread.on("exit", () => {
    exited = true;
    wakeUp();
  });
  let stopped = false;
  const close = async () => {
    if (stopped) return;
    stopped = true;
    await thread.terminate();
    if (!sourceDone) await chunks.return?.();
  };
  async function* batches(target: FacilityTarget): AsyncGenerator<LineBatch> {
    send({ type: "target", target });
    try {
      for (;;) {
        const message = inbox.shift();
        if (!message) {
          if (failure) throw failure.error;
          if (exited) throw new Error("the facility list's reader thread stopped before the end of the file");
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        state = { encoding: message.encoding, mapping: message.mapping, sheet: message.sheet };
        if (message.type === "done") return;
        if (message.type === "failed") throw await restoreError(message.error);
        send({ type: "ack" });
        yield message;
      }
    } finally {
      await close();
    }
  }
  return {
    encoding: () => state.encoding,
    mapping: () => state.mapping,
    sheet: () => state.sheet,
    batches,
    close,
  };
}
