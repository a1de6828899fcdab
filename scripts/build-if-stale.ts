import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
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

/** Runs `next build` unless the last build is newer than every source file (so a second demo starts fast). */
export function buildIfStale(log: (line: string) => void = console.log): void {
  const buildId = path.resolve(".next/BUILD_ID");
  const newest = Math.max(...["app", "components", "db", "lib", "proxy.ts", "next.config.js"].map((d) => {
    const full = path.resolve(d);
    return existsSync(full) && statSync(full).isFile() ? statSync(full).mtimeMs : newestSource(full);
  }));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newest) {
    log("production build is up to date");
    return;
  }
  log("building the production server (next build)…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("next build failed");
}
