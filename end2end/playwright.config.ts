import { defineConfig } from "@playwright/test";

// Playwright drives Debian's chromium; `npx playwright install` is never used (no downloads here).
// cargo-leptos starts the panel before running this suite (`cargo leptos end-to-end`).
export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry: a journey that passes only the second time is listed as flaky in the log (and
  // by `make e2e`'s summary); one that fails twice fails the run.
  retries: 1,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.PANEL_URL ?? "http://127.0.0.1:3000",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1366, height: 900 } } },
  ],
});
