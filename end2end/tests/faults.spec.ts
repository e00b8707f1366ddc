import { test, expect } from "./fixtures";
import { signIn, simFaults, simReset, waitForHydration } from "./helpers";

// What people see when the ECS API misbehaves (the simulator's fault injection).
test.describe("upstream faults", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
  });
  test.afterEach(async ({ request }) => {
    await simFaults(request, {});
  });

  test("maintenance (503) shows a banner, and the page works again once it ends", async ({ page, request }) => {
    await signIn(page);
    await simFaults(request, { maintenance: true });
    await page.goto("/servers");
    const banner = page.getByTestId("maintenance");
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("unavailable for maintenance");
    await expect(banner).toContainText("Your servers keep running");
    await simFaults(request, {});
    await page.reload();
    await expect(page.getByTestId("maintenance")).toHaveCount(0);
    await expect(page.getByTestId("servers-table")).toBeVisible();
  });

  test("one failed read is retried: a single 500 never reaches the page", async ({ page, request }) => {
    await signIn(page);
    await simFaults(request, { error_rate: 1.0, path_prefix: "/servers", method: "GET", remaining: 1 });
    await page.goto("/servers");
    await waitForHydration(page);
    await expect(page.getByTestId("servers-table")).toBeVisible();
    await expect(page.locator(".notice-error")).toHaveCount(0);
  });
});
