import { test, expect } from "./fixtures";
import type { Page, APIRequestContext } from "@playwright/test";
import { DEMO_API_TOKEN, SIM, signIn, simReset, waitForHydration } from "./helpers";

const API = { "X-APITOKEN": DEMO_API_TOKEN };

async function open(page: Page, path = "/scripts") {
  await signIn(page, path);
  await waitForHydration(page);
}

/// The editor's part hydrates once its data is in: wait for it before typing.
async function formReady(page: Page) {
  await expect(page.locator('[data-testid="script-form"][data-ready="true"]')).toBeVisible();
}

/// Adds scripts straight to the simulator, as another tab or tool would.
async function addScripts(request: APIRequestContext, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await request.post(`${SIM}/ecs/v2/scripts`, {
      headers: API,
      data: { title: `bulk-${i}`, content: "#!/bin/bash\necho bulk", windows: false },
    });
    expect(res.ok()).toBeTruthy();
  }
}

/// The `POST /scripts` requests the simulator received.
async function scriptPosts(request: APIRequestContext) {
  const { requests } = await (await request.get(`${SIM}/__sim/requests`)).json();
  return requests.filter((r: any) => r.method === "POST" && r.path.endsWith("/scripts"));
}

const row = (page: Page, title: string) => page.locator(`[data-testid="script-row"][data-title="${title}"]`);
const fieldError = (page: Page, field: string) => page.getByTestId("script-form").locator(`.field-error[data-field="${field}"]`);
const editor = (page: Page) => page.locator('textarea[name="content"]');

test.describe("cloud scripts", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await request.delete(`${SIM}/__sim/requests`);
  });

  test("create a script, edit it, delete it", async ({ page }) => {
    await open(page);
    await expect(page.getByTestId("script-count")).toHaveText("2 of 20 scripts");
    await page.getByTestId("new-script").click();
    await expect(page).toHaveURL(/\/scripts\/new$/);
    await formReady(page);
    await page.getByLabel("Title").fill("e2e-setup");
    await editor(page).fill("#!/bin/bash\napt-get install -y htop\necho done > /root/done\n");
    await expect(page.locator(".editor .gutter")).toHaveText(/1\s+2\s+3\s+4/);
    await page.getByTestId("script-save").click();

    await expect(page).toHaveURL(/\/scripts$/);
    await expect(page.getByTestId("toast").filter({ hasText: "Saved “e2e-setup”" })).toBeVisible();
    await expect(page.getByTestId("script-count")).toHaveText("3 of 20 scripts");
    await expect(row(page, "e2e-setup")).toContainText("Linux");
    await expect(row(page, "e2e-setup")).toContainText("3 lines");
    await expect(row(page, "e2e-setup")).toContainText("apt-get install -y htop");

    await row(page, "e2e-setup").getByRole("link", { name: "e2e-setup" }).click();
    await expect(page.getByTestId("script-title")).toHaveText("e2e-setup");
    await formReady(page);
    await expect(editor(page)).toHaveValue("#!/bin/bash\napt-get install -y htop\necho done > /root/done\n");
    await page.getByLabel("Title").fill("e2e-setup-win");
    await page.getByLabel(/Windows \(PowerShell\)/).check();
    // A bash script flagged for Windows is noted, not refused.
    await expect(page.getByTestId("windows-hint")).toBeVisible();
    await editor(page).fill("#ps1\nNew-Item -Path C:\\done.txt\n");
    await expect(page.getByTestId("windows-hint")).toHaveCount(0);
    await expect(page.getByTestId("unsaved")).toBeVisible();
    await page.getByTestId("script-save").click();
    await expect(page.getByTestId("toast").filter({ hasText: "Saved “e2e-setup-win”" })).toBeVisible();
    await expect(page.getByTestId("script-title")).toHaveText("e2e-setup-win");
    await expect(page.getByTestId("unsaved")).toHaveCount(0);
    await page.reload();
    await formReady(page);
    await expect(editor(page)).toHaveValue("#ps1\nNew-Item -Path C:\\done.txt\n");
    await expect(page.getByLabel(/Windows \(PowerShell\)/)).toBeChecked();

    await page.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByTestId("delete-script");
    await expect(confirm).toContainText("Delete the script “e2e-setup-win”?");
    await confirm.getByTestId("confirm-delete").click();
    await expect(page).toHaveURL(/\/scripts$/);
    await expect(page.getByTestId("toast").filter({ hasText: "Deleted “e2e-setup-win”" })).toBeVisible();
    await expect(row(page, "e2e-setup-win")).toHaveCount(0);
    await expect(page.getByTestId("script-count")).toHaveText("2 of 20 scripts");
  });

  test("delete from the list, after confirming", async ({ page }) => {
    await open(page);
    await expect(page.locator('[data-testid="scripts"][data-ready="true"]')).toBeVisible();
    await row(page, "install-nginx").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("delete-script")).toContainText("“install-nginx”");
    await page.getByTestId("delete-script").getByRole("button", { name: "Cancel" }).click();
    await expect(row(page, "install-nginx")).toBeVisible();
    await row(page, "install-nginx").getByRole("button", { name: "Delete" }).click();
    await page.getByTestId("confirm-delete").click();
    await expect(row(page, "install-nginx")).toHaveCount(0);
    await expect(page.getByTestId("script-count")).toHaveText("1 of 20 scripts");
  });

  test("use in a new server preselects the script, and a Windows plan for a Windows script", async ({ page }) => {
    // A create form already under way in this tab (kept in its storage) gets the script too.
    await open(page, "/servers/new");
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await page.locator('input[name="plan"][value="eCS3"]').check();
    await page.locator('input[name="notes"]').fill("kept name");
    await page.goto("/scripts");
    await expect(page.locator('[data-testid="scripts"][data-ready="true"]')).toBeVisible();
    await row(page, "windows-hostname").getByTestId("use-script").click();
    await expect(page).toHaveURL(/\/servers\/new\?script=2$/);
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await expect(page.getByRole("radio", { name: /From your library/ })).toBeChecked();
    await expect(page.locator('select[name="library_script"]')).toHaveValue("2");
    await expect(page.locator('input[name="plan"][value="eCS2W"]')).toBeChecked();
    await expect(page.locator('input[name="image"]:checked')).toHaveValue(/^windows-/);
    await expect(page.locator('input[name="notes"]')).toHaveValue("kept name");

    await page.goto("/scripts");
    await expect(page.locator('[data-testid="scripts"][data-ready="true"]')).toBeVisible();
    await row(page, "install-nginx").getByTestId("use-script").click();
    await expect(page).toHaveURL(/\/servers\/new\?script=1$/);
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await expect(page.locator('select[name="library_script"]')).toHaveValue("1");
    // The plan chosen before fits a Linux script: it stays.
    await expect(page.locator('input[name="plan"][value="eCS3"]')).toBeChecked();
    await expect(page.locator('.field-error[data-field="library_script"]')).toHaveCount(0);
  });

  test("an empty title is refused at its field before anything is sent", async ({ page, request }) => {
    await open(page, "/scripts/new");
    await formReady(page);
    await editor(page).fill("echo hi > /root/hi");
    await page.getByTestId("script-save").click();
    await expect(fieldError(page, "title")).toHaveText("Give the script a title.");
    await expect(editor(page)).toHaveValue("echo hi > /root/hi");
    expect(await scriptPosts(request)).toHaveLength(0);
  });

  test("at 20 scripts the create button is off with the reason; a late 20th is refused for the form", async ({ page, request }) => {
    await addScripts(request, 17);
    await open(page, "/scripts/new");
    await formReady(page);
    await expect(page.getByTestId("script-count")).toHaveText("19 of 20 scripts");
    await page.getByLabel("Title").fill("one-too-many");
    await editor(page).fill("echo late");
    // Meanwhile another tab takes the last place.
    await addScripts(request, 1);
    await page.getByTestId("script-save").click();
    await expect(fieldError(page, "form")).toContainText("You already have 20 scripts, the most ECS allows: delete one before creating another");
    await expect(page.getByLabel("Title")).toHaveValue("one-too-many");
    await expect(editor(page)).toHaveValue("echo late");

    await page.goto("/scripts");
    await expect(page.getByTestId("script-count")).toHaveText("20 of 20 scripts");
    await expect(page.getByTestId("new-script")).toBeDisabled();
    await expect(page.getByTestId("limit-reason")).toHaveText("You have 20 scripts, the most ECS allows: delete one before creating another.");
  });
});
