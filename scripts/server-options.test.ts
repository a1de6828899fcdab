import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_HEAP_MB, serverNodeOptions, TRUSTED_PROXY_PRELOAD } from "./server-options";

describe("the production server's heap", () => {
  it("npm start uses the same limit as the demo, the e2e suite and the benchmark", () => {
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`NODE_OPTIONS="$NODE_OPTIONS --max-old-space-size=${SERVER_HEAP_MB} --require ${TRUSTED_PROXY_PRELOAD}" next start`); // keeps the operator's own options
    const preload = `--require ${path.join(import.meta.dirname, "trusted-proxy.cjs")}`;
    expect(serverNodeOptions("--enable-source-maps")).toBe(`--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB} ${preload}`);
    expect(serverNodeOptions("")).toBe(`--max-old-space-size=${SERVER_HEAP_MB} ${preload}`);
  });
});
