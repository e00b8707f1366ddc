import { test, expect } from "./fixtures";
import { row, signIn, simReset, waitForHydration } from "./helpers";

test.describe("server detail", () => {
  test.beforeEach(async ({ request }) => simReset(request));

  async function open(page, name: string, tab = "") {
    await signIn(page, `/servers/${name}${tab ? `?tab=${tab}` : ""}`);
    await waitForHydration(page);
  }

  test("overview shows the server, its power state and isolations", async ({ page }) => {
    await open(page, "ec200402");
    await expect(page.getByTestId("server-title")).toHaveText("db-1");
    await expect(page.getByTestId("power-state")).toHaveText("Running");
    await expect(page.getByTestId("overview")).toContainText("160 GB");
    await expect(page.getByTestId("isolations")).toContainText("ec200401");
  });

  test("power off from the header, followed to completion", async ({ page }) => {
    test.slow();
    await open(page, "ec200403");
    // staging is off: the button offers to power it on.
    await page.getByTestId("power-button").click();
    await page.getByTestId("power-confirm").click();
    await expect(page.getByTestId("power-button")).toBeDisabled();
    await expect(page.getByTestId("toast").filter({ hasText: "staging is powered on" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("power-state")).toHaveText("Running");
    await expect(page.getByTestId("power-button")).toHaveText("Power off");
  });

  test("rename keeps the text on an error and saves it on success", async ({ page }) => {
    await open(page, "ec200402", "settings");
    const input = page.locator('input[name="notes"]');
    await input.fill("   ");
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.locator('.field-error[data-field="notes"]')).toHaveText("Enter a display name.");
    await input.fill("db primary");
    await expect(page.getByText("Will be saved as “db-primary”.")).toBeVisible();
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Display name saved" })).toBeVisible();
    await expect(page.getByTestId("server-title")).toHaveText("db-primary");
  });

  test("move to a group and back out of it", async ({ page }) => {
    await open(page, "ec200402", "settings");
    await page.getByRole("combobox", { name: "Group" }).selectOption("eg100001");
    await page.getByRole("button", { name: "Move" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Group changed" })).toBeVisible();
    await page.getByTestId("tab-overview").click();
    await expect(page.getByTestId("overview")).toContainText("eg100001");
    await page.goto("/servers?group=eg100001");
    await expect(row(page, "ec200402")).toBeVisible();
  });

  test("a locked support plan refuses a change, in plain words", async ({ page }) => {
    await open(page, "ec200405", "settings");
    const card = page.getByTestId("support-card");
    await card.getByLabel(/Global/).check();
    await page.getByTestId("support-save").click();
    await expect(card.getByTestId("refusal")).toContainText("This support plan is locked and cannot be changed.");
    await expect(card.getByTestId("refusal")).toContainText("You cannot edit an immutable support plan");
  });

  test("support upgrade applies at once", async ({ page }) => {
    await open(page, "ec200401", "settings");
    await page.getByTestId("support-card").getByLabel(/Basic/).check();
    await page.getByTestId("support-save").click();
    await expect(page.getByTestId("toast").filter({ hasText: "Support plan is now Basic" })).toBeVisible();
    await expect(page.getByTestId("support-card")).toContainText("Basic since");
  });

  test("reserve a period: formula, discount and end date; then deletion is refused", async ({ page }) => {
    await open(page, "ec200402", "settings");
    const card = page.getByTestId("reserved-card");
    await card.getByLabel("Period").selectOption("6");
    await expect(card).toContainText("Sent as M6PeCS4");
    await page.getByTestId("reserve-save").click();
    await expect(page.getByTestId("reserved-result")).toContainText("discount");
    await expect(page.getByTestId("reserved-result")).toContainText(/ends \d{1,2} [A-Z][a-z]{2} \d{4}/);
    await expect(page.getByTestId("reserved-note")).toContainText("cannot be deleted");
    await expect(page.getByTestId("delete-button")).toBeDisabled();
  });

  test("a console key is shown with what to do with it", async ({ page }) => {
    await open(page, "ec200402");
    await page.getByTestId("console-button").click();
    await expect(page.getByTestId("console-key")).toHaveText(/^[0-9a-f-]{36}$/);
    await expect(page.getByTestId("console-dialog")).toContainText("noVNC");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("console-dialog")).toBeHidden();
  });

  test("delete asks for the name typed, then the list shows it going", async ({ page }) => {
    test.slow();
    await open(page, "ec200406");
    await page.getByTestId("delete-button").click();
    const dialog = page.getByTestId("delete-dialog");
    const confirm = dialog.getByTestId("delete-confirm");
    await dialog.locator('input[name="confirm"]').fill("vpn");
    await expect(confirm).toBeDisabled();
    await dialog.locator('input[name="confirm"]').fill("vpn-sofia");
    await confirm.click();
    await expect(page).toHaveURL(/\/servers$/);
    await expect(row(page, "ec200406").getByTestId("status")).toContainText("Deleting");
    await expect(row(page, "ec200406")).toHaveCount(0, { timeout: 25_000 });
    await expect(page.getByTestId("toast").filter({ hasText: "vpn-sofia is deleted" })).toBeVisible();
  });

  test("a reserved server cannot be deleted", async ({ page }) => {
    await open(page, "ec200404");
    await expect(page.getByTestId("reserved-note")).toContainText("cannot be deleted before the reserved period ends");
    await expect(page.getByTestId("delete-button")).toBeDisabled();
  });

  test("an unknown server is a clear not-found page", async ({ page }) => {
    await signIn(page, "/servers/ec999999");
    await expect(page.getByTestId("server-missing")).toContainText("no server called “ec999999”");
  });
});
