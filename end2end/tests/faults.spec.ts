import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { DEMO, SIM, fillAndSubmit, signIn, simFaults, simReset, waitForHydration } from "./helpers";

/// Every document load of /login from now on.
function countSignInPages(page: Page) {
  const loads: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest() && new URL(r.url()).pathname === "/login") loads.push(r.url());
  });
  return loads;
}

// What people see when the ECS API misbehaves (the simulator's fault injection).
test.describe("upstream faults", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
  });
  test.afterEach(async ({ request }) => {
    await simFaults(request, {});
  });

  test("maintenance (503) shows a banner, and the page works again once it ends", async ({ page, request }) => {
    // Not the dashboard: it would leave a copy of the server list that /servers could use.
    await signIn(page, "/plans");
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

  test("a token that stops working after a few calls: one trip to sign-in, then back", async ({ page, request }) => {
    // A quiet page to start from: the dashboard's own calls could use the budget up before the
    // journey moves, and the 401 would meet it on / (which signs in with no `next`).
    await signIn(page, "/plans");
    await waitForHydration(page);
    const logins = countSignInPages(page);
    await request.post(`${SIM}/__sim/expire-tokens`, { data: { username: "demo", after_calls: 3 } });
    // Moving around in the browser uses the calls up; the page that meets the 401 is kept.
    const links = ["Servers", "Actions", "Groups", "SSH keys", "Plans", "Templates", "Scripts"];
    let from = "";
    for (const name of links) {
      if (new URL(page.url()).pathname === "/login") break;
      // The trip to sign-in may start while the link is being clicked: that is the point.
      try {
        await page.getByRole("navigation").getByRole("link", { name, exact: true }).first().click({ timeout: 5_000 });
      } catch (e) {
        if (new URL(page.url()).pathname === "/login") break;
        throw e;
      }
      from = name;
      await page.waitForTimeout(400);
    }
    await expect(page).toHaveURL(/\/login\?next=%2F[a-z-]+&reason=expired$/);
    const next = decodeURIComponent(new URL(page.url()).searchParams.get("next") ?? "");
    await page.waitForTimeout(3_000);
    expect(logins, `one trip to sign-in (last link: ${from})`).toHaveLength(1);
    await fillAndSubmit(page, DEMO.username, DEMO.password);
    await expect(page).toHaveURL(new RegExp(`${next}$`));
  });

  test("a token revoked while an action is followed: polling stops, no redirect loop", async ({ page, request }) => {
    await signIn(page, "/servers/ec200403");
    await waitForHydration(page);
    await page.getByTestId("power-button").click();
    await page.getByTestId("power-confirm").click();
    await expect(page.getByTestId("power-button")).toBeDisabled();
    const logins = countSignInPages(page);
    const polls: number[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/servers_activity")) polls.push(Date.now());
    });
    await request.post(`${SIM}/__sim/expire-tokens`, { data: { username: "demo" } });
    await expect(page).toHaveURL(/\/login\?next=%2Fservers%2Fec200403&reason=expired$/);
    const arrived = Date.now();
    await page.waitForTimeout(5_000);
    expect(logins).toHaveLength(1);
    expect(polls.filter((t) => t > arrived)).toHaveLength(0);
    await expect(page.getByRole("status")).toHaveText("Your session expired, sign in again.");
  });

  test("an action followed for 30 minutes is given up with a message", async ({ page }) => {
    // The browser's clock jumps; the simulator's does not, so the action is still running.
    await page.clock.install();
    await signIn(page, "/servers/ec200403");
    await waitForHydration(page);
    await page.getByTestId("power-button").click();
    await page.getByTestId("power-confirm").click();
    await expect(page.getByTestId("power-button")).toBeDisabled();
    await page.clock.fastForward("31:00");
    await expect(
      page.getByTestId("toast").filter({ hasText: "still running after 30 minutes" }),
    ).toBeVisible();
  });
});
