import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { DEMO_API_TOKEN, SIM, expectNoReload, markPage, signIn, simFaults, simReset, waitForHydration } from "./helpers";

const API = { "X-APITOKEN": DEMO_API_TOKEN };
const rows = (page: Page) => page.getByTestId("action-row");

/// The account's action count, straight from the simulator.
async function totalActions(page: Page, resource?: string) {
  const query = resource ? `?length=1&resource=${resource}` : "?length=1";
  const res = await page.request.get(`${SIM}/ecs/v2/actions${query}`, { headers: API });
  return (await res.json()).total_actions as number;
}

test.describe("actions", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await simFaults(request, {});
  });
  // Later suites do not expect our faults.
  test.afterEach(async ({ request }) => {
    await simFaults(request, {});
  });

  test("pages and a resource filter live in the URL", async ({ page }) => {
    await signIn(page, "/actions");
    await waitForHydration(page);
    const total = await totalActions(page);
    expect(total).toBeGreaterThan(50);
    await expect(rows(page)).toHaveCount(25);
    await expect(page.getByTestId("result-count")).toHaveText(`Showing 1–25 of ${total} actions`);
    // Newest first.
    const ids = await rows(page).evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-id"))));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/\/actions\?page=2$/);
    await expect(page.getByTestId("result-count")).toHaveText(`Showing 26–50 of ${total} actions`);
    const older = Number(await rows(page).first().getAttribute("data-id"));
    expect(older).toBeLessThan(ids[24]);

    // A resource typed in the box: applied after a pause, back to page 1, kept across a reload.
    await page.getByRole("combobox", { name: "Resource" }).fill("ec200401");
    await expect(page).toHaveURL(/\/actions\?resource=ec200401$/);
    const mine = await totalActions(page, "ec200401");
    await expect(page.getByTestId("result-count")).toHaveText(`Showing 1–25 of ${mine} actions on ec200401`);
    await expect(rows(page).locator(':scope:not([data-resource="ec200401"])')).toHaveCount(0);

    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/\/actions\?resource=ec200401&page=2$/);
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Resource" })).toHaveValue("ec200401");
    await expect(page.getByTestId("result-count")).toHaveText(`Showing 26–${mine} of ${mine} actions on ec200401`);

    // A row links to its server.
    await waitForHydration(page);
    await rows(page).first().getByRole("link", { name: "web-1" }).click();
    await expect(page).toHaveURL(/\/servers\/ec200401$/);
    await expect(page.getByTestId("server-title")).toContainText("web-1");

    // A bookmark past the last page shows the last page.
    await page.goto("/actions?resource=ec200401&page=99");
    await expect(page.getByText(`Page 2 of 2`)).toBeVisible();

    await page.goto("/actions?resource=ec999999");
    await expect(page.getByTestId("actions-empty")).toContainText("No actions on ec999999");
  });

  test("an action started elsewhere shows in progress, then completed, without a reload", async ({ page }) => {
    test.slow();
    await signIn(page, "/actions");
    await waitForHydration(page);
    // Another client of the API powers a server off (the simulator takes 5 s).
    const res = await page.request.post(`${SIM}/ecs/v2/servers/ec200406/actions`, { headers: API, data: { type: "power_off" } });
    expect(res.ok()).toBeTruthy();
    const { id } = await res.json();
    // The live feed's polls: every 15 s when idle, every 2 s while something runs.
    const polls: number[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/servers_activity")) polls.push(Date.now());
    });
    await page.goto("/actions");
    await waitForHydration(page);
    await markPage(page);
    const row = page.locator(`[data-testid="action-row"][data-id="${id}"]`);
    await expect(row).toHaveAttribute("data-outcome", "busy");
    await expect(row.getByTestId("action-status")).toContainText("In progress");
    await expect(row.getByRole("progressbar")).toBeVisible();
    // The live feed polls every 2 s while something runs and reloads the page's data when it ends.
    await expect(row.getByTestId("action-status")).toContainText("Completed", { timeout: 15_000 });
    // It sped up: more than one poll while the action ran, none more than ~2 s apart.
    expect(polls.length).toBeGreaterThanOrEqual(2);
    const gaps = polls.slice(1).map((t, i) => t - polls[i]);
    expect(Math.max(...gaps)).toBeLessThan(4_000);
    await expect(row.getByRole("progressbar")).toHaveCount(0);
    await expect(row).toContainText(/\d+ s/);
    await expectNoReload(page);
  });

  test("an invalid resource is explained at the field, not as an error page", async ({ page }) => {
    await signIn(page, "/actions");
    await waitForHydration(page);
    await page.getByRole("combobox", { name: "Resource" }).fill("ec2004/../login");
    await expect(page).toHaveURL(/resource=ec2004%2F/);
    const message = page.locator('.field-error[data-field="resource"]');
    await expect(message).toContainText("letters, digits, - and _ only");
    await expect(page.getByTestId("actions-bad-filter")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Resource" })).toHaveValue("ec2004/../login");
    // Also when the page is opened from such a URL (server-rendered).
    const html = await (await page.request.get("/actions?resource=a%20b")).text();
    expect(html).toContain("letters, digits, - and _ only");
    // Fixing it clears the message.
    await page.getByRole("combobox", { name: "Resource" }).fill("ec200402");
    await expect(page).toHaveURL(/resource=ec200402$/);
    await expect(message).toHaveCount(0);
    await expect(rows(page).first()).toHaveAttribute("data-resource", "ec200402");
  });

  test("the API failing shows a readable message", async ({ page, request }) => {
    await signIn(page, "/");
    await simFaults(request, { maintenance: true, path_prefix: "/actions" });
    await page.goto("/actions");
    await expect(page.getByTestId("maintenance")).toContainText("unavailable for maintenance");
    await expect(page.getByTestId("action-row")).toHaveCount(0);
  });
});
