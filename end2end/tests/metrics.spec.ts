import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { SIM, signIn, simReset, waitForHydration } from "./helpers";

async function shapes(page: Page) {
  const charts = page.getByTestId("charts");
  await expect(charts).toBeVisible();
  const counts = [];
  for (const key of ["cpu", "disk", "network"]) {
    counts.push(await page.getByTestId(`chart-${key}`).locator("path.line").count());
  }
  return { samples: Number(await charts.getAttribute("data-samples")), counts };
}

test.describe("metrics", () => {
  test.beforeEach(async ({ request }) => simReset(request));

  test("every range loads and draws the three charts", async ({ page }) => {
    await signIn(page, "/servers/ec200401/metrics");
    for (const range of ["1h", "6h", "24h", "7d", "30d"]) {
      await page.goto(`/servers/ec200401/metrics?range=${range}`);
      const { samples, counts } = await shapes(page);
      expect(samples, range).toBeGreaterThan(0);
      expect(counts.every((n) => n >= 1), `${range}: ${counts}`).toBeTruthy();
      await expect(page.locator(`.segmented a[data-range="${range}"]`)).toHaveAttribute("aria-current", "page");
      await expect(page.getByTestId("metrics-title"), "the server's display name").toHaveText("web-1");
    }
    // 30 days of 5-minute samples arrive down-sampled.
    const d = await page.getByTestId("chart-cpu").locator("path.line").first().getAttribute("d");
    expect((d ?? "").split("L").length).toBeLessThan(1_000);
  });

  test("hovering shows the time and every series' value", async ({ page }) => {
    await signIn(page, "/servers/ec200401/metrics?range=6h");
    await waitForHydration(page);
    const chart = page.getByTestId("chart-network");
    await expect(chart).toHaveAttribute("data-live", "true");
    const svg = chart.locator("svg");
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    await svg.hover({ position: { x: box.width * 0.6, y: box.height / 2 } });
    const tip = chart.getByTestId("tooltip");
    await expect(tip).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(tip).toContainText(/Received: [\d.]+ (KB|MB)\/s/);
    await expect(tip).toContainText(/Transmitted: [\d.]+ (KB|MB)\/s/);
  });

  test("the older answer forms draw the same charts", async ({ page, request }) => {
    await signIn(page, "/servers/ec200402/metrics?range=24h");
    const live = await shapes(page);
    await request.put(`${SIM}/__sim/forms`, { data: { legacy: true } });
    await page.reload();
    const legacy = await shapes(page);
    await request.put(`${SIM}/__sim/forms`, { data: { legacy: false } });
    expect(legacy).toEqual(live);
  });

  test("a server without metrics says so; before it existed, the charts say that", async ({ page }) => {
    await signIn(page, "/servers/ec200399/metrics");
    await expect(page.getByTestId("metrics-unavailable")).toContainText("not available");
    await page.goto("/servers/ec200401/metrics?range=custom&from=2020-01-01T00:00&to=2020-01-02T00:00");
    await expect(page.getByTestId("chart-cpu")).toContainText("did not exist yet");
  });
});
