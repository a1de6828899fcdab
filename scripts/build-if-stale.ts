import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the standalone server (scripts/build-standalone.sh, as the image and CI do) unless the last build
 * is newer than every source file (so a second demo starts fast).
 */
export function buildIfStale(log: (line: string) => void = console.log): void {
  const buildId = path.resolve(".next/BUILD_ID");
  const newest = Math.max(
    ...["app", "components", "db", "lib", "proxy.ts", "next.config.js"].map((d) => {
      const full = path.resolve(d);
      return existsSync(full) && statSync(full).isFile() ? statSync(full).mtimeMs : newestSource(full);
    }),
  );
  // A plain `next build` leaves the standalone server without its static files: build again then too.
  const served =
    existsSync(buildId) && existsSync(path.join(".next/standalone/.next/static", readFileSync(buildId, "utf8").trim()));
  if (served && statSync(buildId).mtimeMs > newest) {
    log("production build is up to date");
    return;
  }
  log("building the production server (scripts/build-standalone.sh: next build, standalone)…");
  const result = spawnSync("bash", ["scripts/build-standalone.sh"], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("the production build failed");
}
