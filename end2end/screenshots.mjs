// Screenshots of the main pages at desktop and phone widths, for looking at the UI:
//   node end2end/screenshots.mjs [base-url] [out-dir] [page,page…]   (a panel in demo mode; light
//   and dark, desktop and phone). SHOT_USER / SHOT_PASSWORD sign in as someone else than demo
//   (e.g. admin/admin against `ECS_PANEL_DEMO_TEAM=1`). SHOT_LOCALE=it-IT takes them in Italian.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = process.argv[3] ?? "screenshots";
const only = process.argv[4]?.split(",");
const pages = [
  ["login", "/login", false],
  ["overview", "/", true],
  ["servers", "/servers", true],
  ["server-detail", "/servers/ec200402", true],
  ["server-settings", "/servers/ec200402?tab=settings", true],
  ["server-actions", "/servers/ec200401?tab=actions", true],
  ["server-snapshots", "/servers/ec200401?tab=snapshots", true],
  ["server-networks", "/servers/ec200401?tab=networks", true],
  ["networks", "/networks", true],
  ["create", "/servers/new", true],
  ["metrics", "/servers/ec200401/metrics?range=24h", true],
  ["actions", "/actions", true],
  ["templates", "/templates", true],
  ["groups", "/groups", true],
  ["ssh-keys", "/ssh-keys", true],
  ["scripts", "/scripts", true],
  ["plans", "/plans", true],
  ["logs", "/logs", true],
  ["log-entry", "/logs/1", true],
  ["account", "/account", true],
  ["consumption", "/consumption", true],
  ["team", "/team", true],
  ["audit", "/audit", true],
];
const user = process.env.SHOT_USER ?? "demo";
const password = process.env.SHOT_PASSWORD ?? user;
const widths = [["desktop", 1366, 900], ["phone", 390, 844]];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
for (const [wname, width, height] of widths) for (const scheme of ["light", "dark"]) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, locale: process.env.SHOT_LOCALE ?? "en-US" });
  const page = await context.newPage();
  for (const [name, path, needsSession] of pages.filter(([n]) => !only || only.includes(n))) {
    if (needsSession && !(await context.cookies()).some((c) => c.name === "ecs_panel_session")) {
      await page.goto(`${base}/login`);
      await page.waitForFunction(() => window.__ecsHydrated === true);
      await page.fill('input[name="username"]', user);
      await page.fill('input[name="password"]', password);
      await page.click('button[type="submit"]');
      await page.waitForSelector('[data-testid="signed-in-user"]');
    }
    await page.goto(`${base}${path}`);
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => window.__ecsHydrated === true);
    await page.screenshot({ path: `${out}/${name}-${wname}-${scheme}.png`, fullPage: true });
  }
  await context.close();
}
await browser.close();
