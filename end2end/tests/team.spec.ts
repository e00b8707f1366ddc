import { test, expect } from "./fixtures";
import { Browser, Page } from "@playwright/test";
import { waitForHydration } from "./helpers";

// A second panel in team mode (playwright.config.ts starts it: ECS_PANEL_DEMO_TEAM=1), with its
// own simulator and an in-memory database: admin/admin, operator/operator and viewer/viewer.
const TEAM = process.env.TEAM_PANEL_URL ?? "http://127.0.0.1:3002";
const TEAM_SIM = "http://127.0.0.1:3090";
// Unique per run: a retried journey must not find its people already added.
const tag = Date.now().toString(36).slice(-5);

async function signInAt(browser: Browser, name: string, password: string, next = "/") {
  const ctx = await browser.newContext({ baseURL: TEAM });
  const page = await ctx.newPage();
  await page.goto(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`);
  await waitForHydration(page);
  await page.locator('input[name="username"]').fill(name);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  return page;
}

/// Adds someone on /team as the admin; their one-time password.
async function addPerson(admin: Page, name: string, role: string) {
  await admin.goto("/team");
  await waitForHydration(admin);
  await expect(admin.getByTestId("team")).toHaveAttribute("data-ready", "true");
  const form = admin.getByTestId("add-member-form");
  await form.locator('input[name="name"]').fill(name);
  await form.locator('select[name="role"]').selectOption(role);
  await admin.getByTestId("add-member-submit").click();
  await expect(admin.getByTestId("one-time-password")).toContainText(name);
  const otp = (await admin.getByTestId("one-time-password-value").textContent())!.trim();
  await admin.getByRole("button", { name: "Done" }).click();
  await expect(admin.locator(`[data-testid="member-row"][data-name="${name}"]`)).toBeVisible();
  return otp;
}

/// The forced first change: /password, then on to where they were going.
async function chooseOwnPassword(page: Page, otp: string, password: string) {
  await expect(page).toHaveURL(/\/password/);
  await waitForHydration(page);
  await page.locator('input[name="current"]').fill(otp);
  await page.locator('input[name="new"]').fill(password);
  await page.locator('input[name="confirm"]').fill(password);
  await page.getByTestId("password-submit").click();
}

test.describe.serial("team mode", () => {
  const operator = `ops-${tag}`;
  const viewer = `look-${tag}`;
  let admin: Page;
  let viewerPage: Page;

  test.beforeAll(async ({ browser, request }) => {
    expect((await request.post(`${TEAM_SIM}/__sim/reset`)).ok()).toBeTruthy();
    admin = await signInAt(browser, "admin", "admin");
    await expect(admin.getByTestId("signed-in-user")).toContainText("admin");
  });

  test("the sign-in page lists the demo's team accounts and offers no API token", async ({ page }) => {
    await page.goto(`${TEAM}/login`);
    await expect(page.getByTestId("demo-banner")).toContainText("operator");
    await expect(page.getByRole("tab", { name: "API token" })).toBeHidden();
  });

  test("the admin adds an operator, who changes the one-time password and powers a server off; the audit says who", async ({ browser }) => {
    const otp = await addPerson(admin, operator, "operator");
    const ops = await signInAt(browser, operator, otp, "/servers/ec200401");
    await chooseOwnPassword(ops, otp, "Operator-Pass-42");
    await expect(ops).toHaveURL(/\/servers\/ec200401$/);
    await waitForHydration(ops);
    // The operator has no team or audit pages in the navigation.
    await expect(ops.getByRole("link", { name: "Team" })).toHaveCount(0);
    await ops.getByTestId("power-button").click();
    await ops.getByTestId("power-confirm").click();
    await expect(ops.getByTestId("toast").filter({ hasText: "powered off" })).toBeVisible({ timeout: 20_000 });

    await admin.goto(`/audit?actor=${operator}&operation=servers_power`);
    const row = admin.getByTestId("audit-row").first();
    await expect(row).toHaveAttribute("data-actor", operator);
    await expect(row.getByTestId("audit-outcome")).toHaveText("done");
    await expect(row).toContainText("ec200401");
    await expect(row).toContainText(/action \d+/);
  });

  test("a viewer sees servers but has no power, console or delete, and a crafted call is refused", async ({ browser }) => {
    const otp = await addPerson(admin, viewer, "viewer");
    viewerPage = await signInAt(browser, viewer, otp);
    await chooseOwnPassword(viewerPage, otp, "Viewer-Pass-42");
    await expect(viewerPage).toHaveURL(new RegExp(`${TEAM}/$`));
    await viewerPage.goto("/servers/ec200401");
    await waitForHydration(viewerPage);
    await expect(viewerPage.getByTestId("server-title")).toBeVisible();
    for (const id of ["power-button", "console-button", "delete-button"]) {
      await expect(viewerPage.getByTestId(id)).toBeHidden();
    }
    await viewerPage.goto("/servers");
    await expect(viewerPage.getByRole("link", { name: "Create server" })).toHaveCount(0);
    // The browser's own request, as a crafted page would send it: refused by role.
    const res = await viewerPage.request.post(`${TEAM}/api/servers_power`, {
      form: { name: "ec200401", on: "false" },
      headers: { Origin: TEAM },
    });
    expect(res.status()).toBe(403);
    expect(JSON.stringify(await res.json())).toContain("viewer");
    // An admin page says so in words.
    await viewerPage.goto("/audit");
    await expect(viewerPage.locator("main")).toContainText("Your role (viewer) does not allow this");

    await admin.goto(`/audit?actor=${viewer}&outcome=denied`);
    await expect(admin.getByTestId("audit-row").first()).toContainText("Power a server on or off");
  });

  test("a disabled account is signed out at its next request", async () => {
    await admin.goto("/team");
    await waitForHydration(admin);
    const row = admin.locator(`[data-testid="member-row"][data-name="${viewer}"]`);
    await row.getByTestId("disable-member").click();
    await expect(row).toHaveAttribute("data-disabled", "true");
    await viewerPage.goto("/servers");
    await expect(viewerPage).toHaveURL(/\/login\?next=%2Fservers&reason=expired/);
  });
});
