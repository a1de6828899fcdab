import { defineConfig } from "@playwright/test";
import { serverNodeOptions } from "./scripts/server-options";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;

/** Runs through `npm run test:e2e` (scripts/e2e.ts), which prepares a fresh database and the build. */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The standalone server, the same entry the container image runs (scripts/build-standalone.sh builds it);
    // the run starts once /api/ready says the database is reachable and migrated.
    command: "node .next/standalone/server.js",
    url: `${baseURL}/api/ready`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      ...(process.env as Record<string, string>),
      NODE_OPTIONS: serverNodeOptions(),
      NEXTAUTH_URL: baseURL,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
    },
  },
});
