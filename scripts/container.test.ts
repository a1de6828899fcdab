import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No Docker engine runs here, so the image is held to what CI does test: its build step is the script CI
 * runs (scripts/build-standalone.sh, through npm run test:e2e), and it starts the same standalone server
 * the e2e suite is served by, as a non-root user, with the Japanese font.
 */
const root = path.resolve(import.meta.dirname, "..");
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");
const compose = readFileSync(path.join(root, "compose.yaml"), "utf8");

function stage(name: string): string {
  const start = dockerfile.search(new RegExp(`^FROM .* AS ${name}$`, "m"));
  expect(start, `stage ${name}`).toBeGreaterThan(-1);
  const next = dockerfile.slice(start + 1).search(/^FROM /m);
  return next === -1 ? dockerfile.slice(start) : dockerfile.slice(start, start + 1 + next);
}

describe("the container image", () => {
  it("builds with the script CI runs, and the e2e suite starts the server the image runs", () => {
    expect(stage("build")).toMatch(/^RUN bash scripts\/build-standalone\.sh$/m);
    expect(readFileSync(path.join(root, "scripts", "e2e.ts"), "utf8")).toContain('"scripts/build-standalone.sh"');
    expect(readFileSync(path.join(root, "playwright.config.ts"), "utf8")).toContain(
      'command: "node .next/standalone/server.js"',
    );
    expect(stage("runtime")).toContain("COPY --from=build --chown=node:node /app/.next/standalone ./");
    expect(stage("runtime")).toMatch(/^CMD \["node", "server\.js"\]$/m);
  });

  it("runs as a non-root user, has the Japanese font and a health check", () => {
    const runtime = stage("runtime");
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain("fonts-ipafont-gothic");
    expect(runtime).toMatch(/HEALTHCHECK[\s\S]*\/api\/health/);
    expect(dockerfile).toMatch(/^ARG NODE_VERSION=22$/m);
  });

  it(
    "compose.yaml: PostgreSQL, the migration job before the app, " + "readiness from /api/ready, no secret written in",
    () => {
      expect(compose).toMatch(/image: postgres:15/);
      expect(compose).toMatch(/migrate:[\s\S]*target: tools[\s\S]*db:migrate/);
      expect(compose).toMatch(/condition: service_completed_successfully/);
      expect(compose).toContain("/api/ready");
      expect(compose).toMatch(/NEXTAUTH_SECRET: \$\{NEXTAUTH_SECRET:\?/);
      expect(compose).toMatch(/POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD:\?/);
    },
  );
});
