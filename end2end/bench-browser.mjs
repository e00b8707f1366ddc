// Part of `make bench-load` (scripts/bench.py), in headless Chromium: what a first visit of each
// route downloads (the lazy chunks it loads, sized from the site on disk), time to interactive,
// and a hidden tab's upstream calls.   node end2end/bench-browser.mjs PANEL_URL SIM_URL RUNS SITE_DIR
import { chromium } from "@playwright/test";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

const [base, sim, runsArg, site] = process.argv.slice(2);
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

// A first visit per route: a fresh browser context (empty cache), signed in with the same cookie.
const state = await context.storageState();
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const size = (f) => (existsSync(f) ? statSync(f).size : 0);
const ROUTES = ["/login", "/", "/servers", "/servers/new", "/servers/ec200401", "/servers/ec200401/metrics",
  "/actions", "/templates", "/groups", "/ssh-keys", "/scripts", "/scripts/new", "/plans", "/networks", "/logs", "/account"];
console.log("  first visit, fresh cache   files  wasm br KB    js br KB   css br KB  |  all raw KB    gzip KB  brotli KB  interactive");
let worst = 0;
for (const path of ROUTES) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, storageState: path === "/login" ? undefined : state });
  const p = await ctx.newPage();
  const files = new Set();
  p.on("response", (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/pkg/")) files.add(u.pathname.slice(1));
  });
  await p.goto(`${base}${path}`);
  await p.waitForFunction(() => window.__ecsHydrated === true, null, { timeout: 30_000 });
  const tti = await p.evaluate(() => window.__ecsHydratedAt);
  await ctx.close();
  const t = { wasm: 0, js: 0, css: 0, raw: 0, gz: 0, br: 0 };
  for (const f of files) {
    const disk = join(site, f);
    const [raw, gz, br] = [size(disk), size(`${disk}.gz`), size(`${disk}.br`)];
    const kind = f.endsWith(".wasm") ? "wasm" : f.endsWith(".css") ? "css" : "js";
    t[kind] += br || raw;
    t.raw += raw; t.gz += gz || raw; t.br += br || raw;
  }
  const budget = path === "/login" ? 150 : 250;
  worst = Math.max(worst, t.wasm / 1024);
  console.log(`  ${path.padEnd(26)} ${String(files.size).padStart(5)}  ${kb(t.wasm)}   ${kb(t.js)}   ${kb(t.css)}  | ${kb(t.raw)}   ${kb(t.gz)}  ${kb(t.br)}  ${tti.toFixed(0).padStart(6)} ms` +
    `   (wasm target ≤ ${budget} KB brotli${t.wasm / 1024 <= budget ? ": met" : ": MISSED"})`);
}
console.log(`  largest first-visit wasm: ${worst.toFixed(1)} KB brotli`);

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
