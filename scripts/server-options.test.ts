import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_HEAP_MB, serverNodeOptions } from "./server-options";

describe("the production server's heap", () => {
  it("npm start uses the same limit as the demo, the e2e suite and the benchmark", () => {
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`NODE_OPTIONS="$NODE_OPTIONS --max-old-space-size=${SERVER_HEAP_MB}" next start`); // keeps the operator's own options
    expect(serverNodeOptions("--enable-source-maps")).toBe(`--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB}`);
    expect(serverNodeOptions("")).toBe(`--max-old-space-size=${SERVER_HEAP_MB}`);
  });
});
