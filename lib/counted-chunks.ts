/**
 * Passes chunks through and tells, exactly once, how the passing ended: "complete" when the source ran
 * out, "cut_off" when the reader stopped early (a client that went away) or the source failed, with the
 * rows handed on by then. The export audit writes its closing entry from this.
 */
export type ChunksEnd = { outcome: "complete" | "cut_off"; rows: number; reason?: "cancelled" | "error" };

export function countedChunks<T>(
  chunks: AsyncIterable<T>,
  rowsOf: (chunk: T) => number,
  onEnd: (end: ChunksEnd) => Promise<void>,
): AsyncIterableIterator<T> {
  const source = chunks[Symbol.asyncIterator]();
  let rows = 0;
  let ended = false;
  const end = async (outcome: ChunksEnd["outcome"], reason?: ChunksEnd["reason"]) => {
    if (ended) return;
    ended = true;
    await onEnd({ outcome, rows, ...(reason && { reason }) });
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      let result: IteratorResult<T>;
      try {
        result = await source.next();
      } catch (error) {
        await end("cut_off", "error");
        throw error;
      }
      if (result.done) await end("complete");
      else rows += rowsOf(result.value);
      return result;
    },
    async return(value?: unknown) {
      await end("cut_off", "cancelled");
      await source.return?.();
      return { done: true, value } as IteratorResult<T>;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
