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
    // The journeys read English; italian.spec.ts asks for Italian itself.
    locale: "en-US",
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
  // A second panel in team mode for team.spec.ts: the binary cargo-leptos just built, with its own
  // simulator (3090) and an in-memory database. Its log goes into `make e2e`'s, which the secret
  // sweep reads.
  webServer: {
    command: "target/debug/ecs-panel",
    cwd: "..",
    url: "http://127.0.0.1:3002/healthz",
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    timeout: 60_000,
    env: {
      ECS_PANEL_LISTEN: "127.0.0.1:3002",
      ECS_PANEL_DEMO_TEAM: "1",
      ECS_PANEL_SIM_ADDR: "127.0.0.1:3090",
      ECS_PANEL_SESSION_STORE: "memory",
      ECS_PANEL_DATABASE_URL: "sqlite::memory:",
      ECS_SIM_BOOT_SECONDS: "3",
      ECS_PANEL_LOG: "info,app=debug,server=debug",
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1366, height: 900 } } },
  ],
});
