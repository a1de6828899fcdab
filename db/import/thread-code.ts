import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A thread's code when running from the TypeScript sources (scripts, tests, the benchmark): its entry and
 * everything it imports bundled into one script, packages left to `require` from node_modules, as Next
 * bundles it for the server. Node 20 cannot load TypeScript in a thread, and tsx there compiled each module
 * again through a loader thread of its own at every start: for the reader thread 0.4 s of CPU, 40 MB and a
 * quarter of a second before the first row. The bundle is kept in the temporary directory with a digest of
 * each source it was made from, and made again when one of them changes.
 */

const OPTIONS = { bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external" } as const;

interface Kept {
  inputs: [file: string, digest: string][];
  code: string;
}

const digestOf = (text: string | Buffer) => createHash("sha1").update(text).digest("hex");

function digestOfFile(file: string): string {
  try {
    return digestOf(readFileSync(file));
  } catch {
    return ""; // a source that has gone: made again
  }
}

function kept(cache: string): string | null {
  try {
    const { inputs, code } = JSON.parse(readFileSync(cache, "utf8")) as Kept;
    return inputs.every(([file, digest]) => digestOfFile(file) === digest) ? code : null;
  } catch {
    return null; // none kept yet, or unreadable: made again
  }
}

/** The code to start a thread with (`new Worker(code, { eval: true })`) for the TypeScript file `entry`. */
export async function threadCode(entry: string): Promise<string> {
  const cache = path.join(os.tmpdir(), "claims-tracker-threads", `${digestOf(entry + JSON.stringify(OPTIONS))}.json`);
  const ready = kept(cache);
  if (ready !== null) return ready;
  const { build } = await import(/* turbopackIgnore: true */ "esbuild");
  const result = await build({ ...OPTIONS, entryPoints: [entry], write: false, metafile: true, logLevel: "silent" });
  const inputs = Object.keys(result.metafile.inputs).map((file): [string, string] => {
    const absolute = path.resolve(file);
    return [absolute, digestOfFile(absolute)];
  });
  // Packages are required from where the entry is, not from wherever the process was started.
  const code =
    `(function (require) {\n${result.outputFiles[0].text}\n})` +
    `(require("node:module").createRequire(${JSON.stringify(entry)}));`;
  mkdirSync(path.dirname(cache), { recursive: true });
  const written = `${cache}.${process.pid}`;
  writeFileSync(written, JSON.stringify({ inputs, code } satisfies Kept));
  renameSync(written, cache); // whole or not at all, whichever process writes last
  return code;
}
