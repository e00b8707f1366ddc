import { test, expect } from "./fixtures";
import { DEMO_API_TOKEN, SIM, signIn, simReset, waitForHydration } from "./helpers";
import { readFileSync } from "node:fs";

/// The month before this one (the simulator runs on the real clock in `make e2e`).
function lastMonth() {
  const d = new Date();
  return d.getUTCMonth() === 0 ? { y: d.getUTCFullYear() - 1, m: 12 } : { y: d.getUTCFullYear(), m: d.getUTCMonth() };
}

test.describe("consumption", () => {
  test.beforeEach(async ({ request }) => simReset(request));

  test("a past month: totals match the rows, charts before and after hydration, the CSV is ECS's", async ({ page, request }) => {
    const { y, m } = lastMonth();
    const path = `/consumption?year=${y}&month=${m}&kind=servers`;
    await signIn(page, "/servers");
    // Before hydration: the wasm never arrives, the server-rendered charts are there.
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(path);
    await expect(page.getByTestId("chart-resources")).toBeVisible();
    await expect(page.getByTestId("chart-history").locator('[data-testid="chart-bar"]')).toHaveCount(12);
    await page.unroute(/\.wasm$/);

    await page.goto(path);
    await waitForHydration(page);
    await expect(page.getByTestId("chart-resources").locator('[data-testid="chart-row"]').first()).toBeVisible();
    await expect(page.getByTestId("chart-history").locator('[data-testid="chart-bar"]')).toHaveCount(12);
    // Each bar says its figures (the tooltip).
    await expect(page.getByTestId("chart-resources").locator("title").first()).toContainText("€");

    const costs = await page.getByTestId("usage-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-cost"))));
    expect(costs.length).toBeGreaterThan(0);
    const sum = costs.reduce((a, b) => a + b, 0);
    const total = Number((await page.getByTestId("usage-total-cost").textContent())!.replace(/[^0-9.]/g, ""));
    expect(Math.abs(sum - total)).toBeLessThan(0.011 * costs.length);
    await expect(page.getByTestId("month-total")).toHaveText(`€${total.toFixed(2)}`);

    // The month picker walks the URL; the kind tabs too.
    await page.getByTestId("month-next").click();
    await expect(page.getByTestId("estimate")).toBeVisible();
    await expect(page.getByTestId("estimate")).toContainText("Estimate");
    await page.locator(".kind-tabs").getByRole("link", { name: "Templates", exact: true }).click();
    await expect(page).toHaveURL(/kind=templates/);

    // The CSV: downloaded through the panel, byte for byte what ECS sends.
    await page.goto(path);
    await waitForHydration(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    expect(download.suggestedFilename()).toBe(`ecs-servers-${y}-${String(m).padStart(2, "0")}.csv`);
    const ours = readFileSync((await download.path())!);
    const theirs = await request.get(`${SIM}/ecs/v2/billing/servers/${y}/${m}?type=csv`, { headers: { "X-APITOKEN": DEMO_API_TOKEN } });
    expect(ours.equals(await theirs.body())).toBeTruthy();
  });

  test("a month not begun is explained", async ({ page }) => {
    await signIn(page, `/consumption?year=${new Date().getUTCFullYear() + 1}&month=6`);
    await expect(page.getByTestId("month-future")).toContainText("has not started yet");
  });
});

test.describe("dashboard", () => {
  test.beforeEach(async ({ request }) => simReset(request));

  test("its counts match the servers list, each linking to it filtered", async ({ page }) => {
    await signIn(page);
    await waitForHydration(page);
    const total = Number(await page.getByTestId("servers-total").textContent());
    const count = async (id: string) => Number(await page.getByTestId(id).locator("[data-count]").getAttribute("data-count"));
    const ready = await count("count-ready");
    const failed = await count("count-failed");
    await expect(page.getByTestId("spend-so-far")).toContainText("€");
    await expect(page.getByTestId("recent-action").first()).toBeVisible();

    await page.getByTestId("count-ready").click();
    await expect(page).toHaveURL(/\/servers\?status=Booted$/);
    await expect(page.getByTestId("result-count")).toHaveText(`${ready} of ${total} servers match`);
    await page.goto("/");
    await page.getByTestId("count-failed").click();
    await expect(page).toHaveURL(/\/servers\?status=Failed$/);
    if (failed > 0) await expect(page.getByTestId("result-count")).toHaveText(`${failed} of ${total} servers match`);
  });
});
