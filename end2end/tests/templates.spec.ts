import { test, expect } from "./fixtures";
import type { Page, APIRequestContext } from "@playwright/test";
import { SIM, expectNoReload, markPage, signIn, simReset, waitForHydration } from "./helpers";

/// The row of template `name`.
const templateRow = (page: Page, name: string) => page.locator(`[data-testid="template-row"][data-name="${name}"]`);

async function open(page: Page, path = "/templates") {
  await signIn(page, path);
  await waitForHydration(page);
  // The table hydrates once its data is in: wait for it before clicking.
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
}

/// Moves the simulator's clock past the template actions (15 s by default).
async function finishActions(request: APIRequestContext) {
  const res = await request.post(`${SIM}/__sim/clock/advance`, { data: { seconds: 30 } });
  expect(res.ok()).toBeTruthy();
}

test.describe("templates", () => {
  test.beforeEach(async ({ request }) => simReset(request));

  test("make a template from a server, followed live from Creating to Ready", async ({ page, request }) => {
    await open(page);
    await markPage(page);
    await page.getByTestId("new-template").click();
    const dialog = page.getByTestId("new-template-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Server").selectOption("ec200403");
    await dialog.getByLabel("Description").fill("staging baseline");
    await dialog.getByLabel(/Notes/).fill("AlmaLinux 9 with our agents");
    await page.getByTestId("new-template-submit").click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("toast").filter({ hasText: "Making template “staging baseline”…" })).toBeVisible();
    const row = page.getByTestId("template-row").filter({ hasText: "staging baseline" });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("template-status")).toContainText("Creating");
    await expect(row).toContainText("AlmaLinux 9 with our agents");
    // Not usable yet: no create-server link while it is being made.
    await expect(row.getByTestId("create-server-link")).toHaveCount(0);
    await finishActions(request);
    await expect(page.getByTestId("toast").filter({ hasText: "Template “staging baseline” is ready" })).toBeVisible({ timeout: 15_000 });
    await expect(row.getByTestId("template-status")).toHaveText("Ready");
    await expect(row.getByTestId("create-server-link")).toBeVisible();
    await expectNoReload(page);
  });

  test("a v1 server is refused at the server field, in plain words, keeping what was typed", async ({ page }) => {
    await open(page);
    await page.getByTestId("new-template").click();
    const dialog = page.getByTestId("new-template-dialog");
    const server = dialog.getByLabel("Server");
    await expect(server.locator('option[value="ec200399"]')).toContainText("v1 server, no templates");
    await server.selectOption("ec200399");
    await expect(dialog.getByTestId("server-refusal")).toContainText("Seeweb does not make templates of v1 servers");
    await dialog.getByLabel("Description").fill("old box");
    await page.getByTestId("new-template-submit").click();
    const error = dialog.locator('.field-error[data-field="server"]');
    await expect(error).toContainText("This is a v1 server: Seeweb makes templates only of newer servers.");
    await expect(error).toContainText("Template can't be created for v1 server");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Description")).toHaveValue("old box");
    await expect(page.getByTestId("template-row")).toHaveCount(2);
  });

  test("edit a template's notes", async ({ page }) => {
    await open(page);
    await templateRow(page, "ei100001").getByTestId("edit-template").click();
    const dialog = page.getByTestId("edit-template-dialog");
    await expect(dialog.getByLabel("Description")).toHaveValue("web-1 golden image");
    await dialog.getByLabel(/Notes/).fill("nginx + certbot, patched in November");
    await page.getByTestId("edit-template-save").click();
    await expect(page.getByTestId("toast").filter({ hasText: "Template saved" })).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(templateRow(page, "ei100001")).toContainText("nginx + certbot, patched in November");
    // The search finds it by its new notes.
    await page.goto("/templates?q=certbot");
    await expect(page.getByTestId("template-row")).toHaveCount(1);
    await expect(templateRow(page, "ei100001")).toBeVisible();
  });

  test("delete after a confirmation naming it, followed until it is gone", async ({ page, request }) => {
    await open(page);
    await markPage(page);
    await templateRow(page, "ei100002").getByTestId("delete-template").click();
    const dialog = page.getByTestId("delete-template-dialog");
    await expect(dialog).toContainText("db baseline");
    await expect(dialog).toContainText("ei100002");
    await page.getByTestId("delete-template-confirm").click();
    await expect(dialog).toBeHidden();
    await expect(templateRow(page, "ei100002").getByTestId("template-status")).toContainText("Deleting");
    await finishActions(request);
    await expect(page.getByTestId("toast").filter({ hasText: "Template “db baseline” is deleted" })).toBeVisible({ timeout: 15_000 });
    await expect(templateRow(page, "ei100002")).toHaveCount(0);
    await expect(templateRow(page, "ei100001")).toBeVisible();
    await expectNoReload(page);
  });

  test("“Create server” opens the create form with the template chosen, even over an older draft", async ({ page }) => {
    // An older draft in this tab (another image chosen) must not win over the link.
    await open(page, "/servers/new");
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await page.locator('label.choice[data-image="debian-12"]').click();
    await expect(page.locator('input[name="image"][value="debian-12"]')).toBeChecked();

    await page.goto("/templates");
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    await templateRow(page, "ei100001").getByTestId("create-server-link").click();
    await expect(page).toHaveURL(/\/servers\/new\?image=ei100001$/);
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await expect(page.getByRole("tab", { name: /Your templates/ })).toHaveAttribute("aria-selected", "true");
    await expect(page.locator('input[name="image"][value="ei100001"]')).toBeChecked();
    await expect(page.locator('input[name="image"][value="debian-12"]')).not.toBeChecked();
  });
});
