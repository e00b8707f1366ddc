// Part of `make bench-load` (scripts/bench.py): time to interactive, and a hidden tab's upstream
// calls, in headless Chromium.   node end2end/bench-browser.mjs PANEL_URL SIM_URL RUNS
import { chromium } from "@playwright/test";

const [base, sim, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 10);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const page = await context.newPage();
await page.goto(`${base}/login`);
await page.waitForFunction(() => window.__ecsHydrated === true);
await page.fill('input[name="username"]', "demo");
await page.fill('input[name="password"]', "demo");
await page.click('button[type="submit"]');
await page.waitForSelector('[data-testid="signed-in-user"]');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const path of ["/servers", "/servers/ec200401", "/servers/new"]) {
  const tti = [];
  const fcp = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(`${base}${path}`);
    await page.waitForFunction(() => window.__ecsHydrated === true, null, { timeout: 30_000 });
    tti.push(await page.evaluate(() => window.__ecsHydratedAt));
    fcp.push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN));
  }
  console.log(`  ${path.padEnd(22)} first paint ${median(fcp).toFixed(0).padStart(5)} ms   interactive (hydrated) ${median(tti).toFixed(0).padStart(5)} ms   (median of ${runs}, cache warm)`);
}

// A hidden tab: the page is told it is hidden, then the simulator's request log is watched.
await page.goto(`${base}/servers`);
await page.waitForFunction(() => window.__ecsHydrated === true);
await page.evaluate(() => {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  Object.defineProperty(document, "hidden", { value: true, configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
});
await new Promise((r) => setTimeout(r, 1_000));
await fetch(`${sim}/__sim/requests`, { method: "DELETE" });
const wait = runs >= 10 ? 40 : 20;
await new Promise((r) => setTimeout(r, wait * 1_000));
const { requests } = await (await fetch(`${sim}/__sim/requests`)).json();
console.log(`  hidden tab on /servers for ${wait} s: ${requests.length} upstream calls   (target 0)`);
await browser.close();
