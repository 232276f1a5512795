import { defineConfig, devices } from "@playwright/test";

// scripts/e2e.ts chooses the port and data folder, starts nothing itself:
// the web server below is `npm start`'s own script against a production build.
const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const WRITERS = ["**/security-embargo.spec.ts", "**/standards-bands.spec.ts", "**/page-cache.spec.ts", "**/preview-image.spec.ts", "**/admin-import.spec.ts", "**/admin.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // One retry in CI only: a test that passes on retry is reported as flaky in the run's output.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "test-reports/e2e-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // Specs that make public data change (an embargo passing, a publish, an import)
  // run after every other spec, one at a time: the others read exact national
  // figures and stored pages, which such a change would move under them.
  projects: [
    { name: "chromium", testIgnore: WRITERS, use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "writers", testMatch: WRITERS, dependencies: ["chromium"], workers: 1, use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `http://127.0.0.1:${port}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      ...(process.env.E2E_DATA_DIR ? { DATA_DIR: process.env.E2E_DATA_DIR } : {}),
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
