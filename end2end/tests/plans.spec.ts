import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { signIn, simFaults, simReset, waitForHydration } from "./helpers";

const rows = (page: Page) => page.getByTestId("plan-row");
const plan = (page: Page, name: string) => page.locator(`[data-testid="plan-row"][data-plan="${name}"]`);

async function openPlans(page: Page, path = "/plans") {
  await signIn(page, path);
  await waitForHydration(page);
  // The filters render with the catalogue: wait until they are live before using them.
  await expect(page.locator('.plans-page[data-ready="true"]')).toBeVisible();
}

/// The monthly prices in table order, in euros.
async function monthly(page: Page) {
  const cells = await page.getByTestId("monthly").allTextContents();
  return cells.map((t) => Number(t.replace(/[^0-9.]/g, "")));
}

test.describe("plans & regions", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await simFaults(request, {});
  });
  // Later suites do not expect our faults.
  test.afterEach(async ({ request }) => {
    await simFaults(request, {});
  });

  test("filter by family, region and price; the filters live in the URL", async ({ page }) => {
    await openPlans(page);
    const all = await rows(page).count();
    expect(all).toBeGreaterThan(20);
    await expect(page.getByTestId("result-count")).toHaveText(`${all} plans`);

    await page.getByRole("combobox", { name: "Family" }).selectOption("gpu");
    await expect(page).toHaveURL(/\/plans\?family=gpu$/);
    await expect(rows(page)).toHaveCount(7);
    for (const family of await rows(page).locator(".col-family").allTextContents()) {
      expect(family.trim()).toBe("GPU");
    }
    // ECS1GPU7's only host is full: it is offered in Frosinone but sold out there.
    await expect(plan(page, "ECS1GPU7").locator('[data-region="it-fr2"]')).toHaveAttribute("data-availability", "sold-out");
    await expect(plan(page, "ECS1GPU7").locator('[data-region="it-mi2"]')).toHaveAttribute("data-availability", "not-offered");

    // Only the plans that can be created in Frosinone now: the sold-out one goes.
    await page.getByRole("combobox", { name: "Can be created in" }).selectOption("it-fr2");
    await expect(page).toHaveURL(/family=gpu&region=it-fr2/);
    await expect(rows(page)).toHaveCount(6);
    await expect(plan(page, "ECS1GPU7")).toHaveCount(0);

    await page.getByRole("textbox", { name: "Max € / month" }).fill("600");
    await page.getByRole("textbox", { name: "Max € / month" }).press("Enter");
    await expect(page).toHaveURL(/family=gpu&region=it-fr2&max=600/);
    await expect(page.getByTestId("result-count")).toHaveText(`3 of ${all} plans match`);
    for (const price of await monthly(page)) expect(price).toBeLessThanOrEqual(600);

    // A bookmark renders the same view on the server; the controls show it.
    await page.reload();
    await expect(rows(page)).toHaveCount(3);
    await expect(page.getByRole("combobox", { name: "Family" })).toHaveValue("gpu");
    await expect(page.getByRole("textbox", { name: "Max € / month" })).toHaveValue("600");

    // Lugano: eCS6 is offered but has no room; the region card counts the same way.
    await page.goto("/plans?region=ch-lug1");
    await expect(plan(page, "eCS6")).toHaveCount(0);
    await expect(plan(page, "eCS5")).toBeVisible();
    const lugano = page.locator('[data-testid="region"][data-region="ch-lug1"]');
    await expect(lugano.getByTestId("region-count")).toHaveText(`${await rows(page).count()} of 11 plans can be created now`);

    await page.goto("/plans?family=gpu&max=10");
    await expect(page.getByTestId("plans-no-match")).toBeVisible();

    // A price that is not one is explained at the field and filters nothing.
    await page.goto("/plans?max=cheap");
    await expect(page.locator('.field-error[data-field="max"]')).toHaveText("Enter a monthly price in euros, like 50.");
    await expect(page.getByRole("textbox", { name: "Max € / month" })).toHaveValue("cheap");
    await expect(rows(page)).toHaveCount(all);
  });

  test("sort by price both ways, and back to the API's order", async ({ page }) => {
    await openPlans(page);
    const apiOrder = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-plan")));
    const table = page.getByTestId("plans-table");
    await table.getByRole("link", { name: "Month", exact: true }).click();
    await expect(page).toHaveURL(/\/plans\?sort=monthly$/);
    await expect(table.locator('th[aria-sort="ascending"]')).toContainText("Month");
    const up = await monthly(page);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBe(14);

    await table.getByRole("link", { name: "Month", exact: true }).click();
    await expect(page).toHaveURL(/sort=monthly&dir=desc/);
    await expect(table.locator('th[aria-sort="descending"]')).toContainText("Month");
    const down = await monthly(page);
    expect(down).toEqual([...up].sort((a, b) => b - a));
    await expect(rows(page).first()).toHaveAttribute("data-plan", "ECS8GPU9");

    // A filter keeps the sort.
    await page.getByRole("combobox", { name: "Family" }).selectOption("standard");
    await expect(page).toHaveURL(/family=standard&sort=monthly&dir=desc/);
    await expect(rows(page).first()).toHaveAttribute("data-plan", "eCS6");

    await page.goto("/plans");
    expect(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-plan")))).toEqual(apiOrder);
  });

  test("Create opens the create form with that plan and region chosen", async ({ page }) => {
    await openPlans(page, "/plans?region=it-mi2");
    await plan(page, "eCS3").getByRole("link", { name: "Create a server with eCS3" }).click();
    await expect(page).toHaveURL(/\/servers\/new\?plan=eCS3&region=it-mi2$/);
    await waitForHydration(page);
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await expect(page.locator('input[name="plan"][value="eCS3"]')).toBeChecked();
    await expect(page.locator('input[name="region"][value="it-mi2"]')).toBeChecked();

    // A form kept in the tab from an earlier visit does not override what the link asks for.
    await page.locator('input[name="plan"][value="eCS4"]').check();
    await page.goto("/plans");
    await expect(page.locator('.plans-page[data-ready="true"]')).toBeVisible();
    await plan(page, "eCS2").getByRole("link", { name: "Create a server with eCS2" }).click();
    await expect(page).toHaveURL(/\/servers\/new\?plan=eCS2$/);
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await expect(page.locator('input[name="plan"][value="eCS2"]')).toBeChecked();
  });

  test("the catalogue failing upstream is explained in words", async ({ page, request }) => {
    await signIn(page, "/");
    // Only "what can be created now" fails: the table stays, with a warning and no false "sold out".
    await simFaults(request, { error_rate: 1, path_prefix: "/plans/availables" });
    await page.goto("/plans");
    await expect(page.getByTestId("availability-unknown")).toContainText("What can be created right now is unknown");
    await expect(plan(page, "eCS6").locator('[data-region="ch-lug1"]')).toHaveAttribute("data-availability", "unknown");
    await expect(page.getByText("Sold out", { exact: true })).toHaveCount(0);

    // The whole catalogue down: a readable message instead of the table.
    await simFaults(request, { maintenance: true, path_prefix: "/plans" });
    await page.goto("/plans");
    await expect(page.getByTestId("maintenance")).toContainText("unavailable for maintenance");
    await expect(rows(page)).toHaveCount(0);
  });
});
