import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_HEAP_MB, serverNodeOptions, TRUSTED_PROXY_PRELOAD } from "./server-options";

describe("the production server's heap", () => {
  it(
    "npm start (the standalone server) uses the same limit as the demo, " +
      "the e2e suite, the benchmark and the image",
    () => {
      const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      };
      expect(pkg.scripts.start).toBe(
        `NODE_OPTIONS="$NODE_OPTIONS --max-old-space-size=${SERVER_HEAP_MB} --require ${TRUSTED_PROXY_PRELOAD}" node ` +
          `.next/standalone/server.js`,
      ); // keeps the operator's own options
      expect(readFileSync(path.join(import.meta.dirname, "..", "Dockerfile"), "utf8")).toContain(
        `NODE_OPTIONS="--max-old-space-size=${SERVER_HEAP_MB} --require ./trusted-proxy.cjs"`,
      );
      const preload = `--require ${path.join(import.meta.dirname, "trusted-proxy.cjs")}`;
      expect(serverNodeOptions("--enable-source-maps")).toBe(
        `--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB} ${preload}`,
      );
      expect(serverNodeOptions("")).toBe(`--max-old-space-size=${SERVER_HEAP_MB} ${preload}`);
    },
  );
});
