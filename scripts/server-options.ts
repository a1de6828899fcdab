import path from "node:path";

/**
 * The production server's heap. With V8's default limit (about 4 GB on a 24 GB machine) the old generation
 * is collected lazily: a streamed national export (37 MB of CSV written a piece at a time) left resident
 * memory far higher; with a 1 GB limit it grew a small fraction of that at the same speed. The live set of
 * the app stays far below it. `npm start`, the demo, the end-to-end suite and the benchmark all start the server
 * with it (a test holds package.json's start script to the same figure).
 */
export const SERVER_HEAP_MB = 1024;

/**
 * The preload that decides which X-Forwarded-For entry is believed (TRUSTED_PROXY_HOPS), as npm start
 * names it; servers started from a script get it by its full path.
 */
export const TRUSTED_PROXY_PRELOAD = "./scripts/trusted-proxy.cjs";

export function serverNodeOptions(existing: string | undefined = process.env.NODE_OPTIONS): string {
  const preload = path.join(import.meta.dirname, "trusted-proxy.cjs");
  return [existing, `--max-old-space-size=${SERVER_HEAP_MB}`, `--require ${preload}`].filter(Boolean).join(" ");
}
