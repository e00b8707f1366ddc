import { test, expect } from "./fixtures";
import { DEMO, SIM, fillAndSubmit, signIn, simReset, waitForHydration } from "./helpers";
import { appendFileSync, mkdirSync } from "node:fs";

// Tokens made by these journeys: `make e2e` sweeps the panel's log for them too.
const MADE = "test-results/made-tokens.txt";

test.describe("account", () => {
  test.beforeEach(async ({ request }) => simReset(request));
  // The password journey leaves demo with a new password: later journeys sign in with "demo".
  test.afterEach(async ({ request }) => simReset(request));

  test("an API token: made and shown once, signs in, renamed, destroyed and then refused", async ({ page, browser, request }) => {
    await signIn(page, "/account");
    await waitForHydration(page);
    await expect(page.getByTestId("profile-username")).toHaveText(DEMO.username);
    await expect(page.getByTestId("tokens")).toHaveAttribute("data-ready", "true");

    // The name is checked in place; nothing is sent without one.
    await page.getByTestId("token-create").click();
    await expect(page.locator('.field-error[data-field="notes"]')).toContainText("Give the token a name");
    await page.locator('input[name="notes"]').first().fill("e2e deploys");
    await page.getByTestId("token-create").click();
    const shown = page.getByTestId("fresh-token-text");
    await expect(shown).toBeVisible();
    const token = (await shown.textContent())!.trim();
    expect(token.length).toBeGreaterThan(60);
    mkdirSync("test-results", { recursive: true });
    appendFileSync(MADE, token + "\n");
    await expect(page.getByTestId("fresh-token")).toContainText("cannot be shown again");
    const row = page.locator('[data-testid="token-row"][data-notes="e2e deploys"]');
    await expect(row).toBeVisible();

    // After "I have copied it", and on a reload, the token is nowhere in the page.
    const later: string[] = [];
    page.on("response", (res) => res.body().then((b) => b.toString("utf8").includes(token) && later.push(res.url())).catch(() => {}));
    await page.getByTestId("fresh-token-done").click();
    await expect(page.getByTestId("fresh-token")).toHaveCount(0);
    await page.reload();
    await waitForHydration(page);
    await expect(row).toBeVisible();
    expect(await page.content()).not.toContain(token);

    // It signs in to the panel (the API-token tab), in a browser of its own.
    const origin = new URL(page.url()).origin;
    const other = await browser.newContext({ baseURL: origin });
    const tab = await other.newPage();
    await tab.goto("/login");
    await waitForHydration(tab);
    await tab.getByRole("tab", { name: "API token" }).click();
    await tab.locator('input[name="token"]').fill(token);
    await tab.getByRole("button", { name: "Sign in with token" }).click();
    await expect(tab.getByTestId("signed-in-user")).toContainText(DEMO.username);

    // Renamed: the new name in the list, the token unchanged.
    await row.getByTestId("token-rename").click();
    const dialog = page.getByTestId("rename-token");
    await dialog.locator('input[name="notes"]').fill("e2e releases");
    await page.getByTestId("rename-token-confirm").click();
    const renamed = page.locator('[data-testid="token-row"][data-notes="e2e releases"]');
    await expect(renamed).toBeVisible();

    // Destroyed after a warning; then it no longer signs in.
    await renamed.getByTestId("token-destroy").click();
    await expect(page.getByTestId("destroy-token")).toContainText("stops working at once");
    await page.getByTestId("destroy-token-confirm").click();
    await expect(renamed).toHaveCount(0);
    // Asked of ECS directly: a refused sign-in through the panel would count against this address
    // in the sign-in throttle, and hold back later journeys.
    const refused = await request.get(`${SIM}/ecs/v2/account`, { headers: { "X-APITOKEN": token } });
    expect(refused.status()).toBe(401);
    await other.close();
    expect(later, "the token came back after it was shown").toEqual([]);
  });

  test("the password: rules tick off, a mismatch at its field with what was typed kept, then changed", async ({ page }) => {
    await signIn(page, "/account");
    await waitForHydration(page);
    const form = page.getByTestId("password-form");
    const rules = page.getByTestId("password-rules");
    await form.locator('input[name="new"]').fill("short");
    // Only "not your username" holds for "short".
    await expect(rules.locator('li[data-met="true"]')).toHaveCount(1);
    const good = "Tramonto-2026";
    // A wrong current password is refused at its field over HTTP (account_logs.rs): here it would
    // count against this address in the sign-in throttle.
    await form.locator('input[name="current"]').fill(DEMO.password);
    await form.locator('input[name="new"]').fill(good);
    await expect(rules.locator('li[data-met="false"]')).toHaveCount(0);
    await form.locator('input[name="confirm"]').fill("Tramonto-2025");
    await page.getByTestId("password-submit").click();
    await expect(page.locator('.field-error[data-field="confirm"]')).toContainText("differ");
    await expect(form.locator('input[name="new"]')).toHaveValue(good);
    await form.locator('input[name="confirm"]').fill(good);
    await page.getByTestId("password-submit").click();
    await expect(page.getByTestId("password-changed")).toContainText("You stay signed in");
    await expect(form.locator('input[name="new"]')).toHaveValue("");

    // Still signed in here; the next sign-in takes the new password (that the old one is refused
    // is checked over HTTP: a failed sign-in here would count against later journeys' throttle).
    await page.goto("/servers");
    await expect(page.getByTestId("signed-in-user")).toBeVisible();
    await waitForHydration(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await fillAndSubmit(page, DEMO.username, good);
    await expect(page.getByTestId("signed-in-user")).toContainText(DEMO.username);
  });
});
