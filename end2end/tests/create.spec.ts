import { test, expect } from "./fixtures";
import type { Page, APIRequestContext } from "@playwright/test";
import { createHash } from "node:crypto";
import { DEMO, DEMO_API_TOKEN, SIM, fillAndSubmit, signIn, simReset, waitForHydration } from "./helpers";

const API = { "X-APITOKEN": DEMO_API_TOKEN };

async function openForm(page: Page) {
  await signIn(page, "/servers/new");
  await waitForHydration(page);
  await expect(page.getByTestId("plan-table")).toBeVisible();
  // The form's own part hydrates once its data is in: wait for it before clicking.
  await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
}

/// The simulator's log of accepted `POST /servers` requests (a refused one created nothing).
async function creates(request: APIRequestContext) {
  const res = await request.get(`${SIM}/__sim/requests`);
  const { requests } = await res.json();
  return requests.filter((r: any) => r.method === "POST" && r.path.endsWith("/servers") && r.status < 300);
}

const section = (page: Page, name: string) => page.locator("section.create-section").filter({ has: page.getByRole("heading", { name, exact: true }) });

test.describe("create a server", () => {
  test.beforeEach(async ({ page, request }) => {
    await simReset(request);
    await request.delete(`${SIM}/__sim/requests`);
  });

  test("with the defaults, followed to Booted", async ({ page }) => {
    test.slow();
    await openForm(page);
    await expect(page.getByTestId("summary")).toContainText("ubuntu-2404-eCS1-it-fr2-");
    await expect(page.getByTestId("price")).toContainText("€14");
    await page.getByTestId("create-submit").click();
    await expect(page).toHaveURL(/\/servers\/ec\d+$/);
    await expect(page.getByTestId("server-title")).toContainText("ubuntu-2404-eCS1-it-fr2-");
    await expect(page.getByTestId("toast").filter({ hasText: "is ready" })).toBeVisible({ timeout: 25_000 });
    await expect(page.getByTestId("status")).toContainText(/Running|Booted/);
  });

  test("everything the API offers arrives exactly as the curl shown", async ({ page, request }) => {
    await openForm(page);
    await page.locator('input[name="plan"][value="eCS2"]').check();
    await page.locator('input[name="image"][value="debian-12"]').check();
    await page.locator('input[name="notes"]').fill("api full");
    await page.locator('select[name="ssh_key"]').selectOption("demo-laptop");
    await page.getByRole("radio", { name: /From your library/ }).check();
    await page.locator('select[name="library_script"]').selectOption({ label: "install-nginx" });
    await page.getByRole("button", { name: "+ Add variable" }).click();
    await page.getByRole("button", { name: "+ Add variable" }).click();
    await page.getByLabel("Variable 1 name").fill("NAME");
    await page.getByLabel("Variable 1 value").fill("web two");
    await page.getByLabel("Variable 2 name").fill("WORK");
    await page.getByLabel("Variable 2 value").fill("s3cret-token");
    await page.locator('input[name="isolate_from"][value="ec200401"]').check();
    await page.locator('select[name="group"]').selectOption("eg100001");
    await page.locator('input[name="support"][value="basic"]').check();
    await page.locator('select[name="reserved"]').selectOption("12");

    await page.getByRole("button", { name: "Show the API call" }).click();
    const curl = await page.getByTestId("curl").innerText();
    expect(curl).toContain("$ECS_TOKEN");
    const shown = JSON.parse(curl.slice(curl.indexOf("--data '") + 8, curl.lastIndexOf("'")));

    await page.getByTestId("create-submit").click();
    await expect(page).toHaveURL(/\/servers\/ec\d+$/);
    const sent = await creates(request);
    expect(sent).toHaveLength(1);
    const body = sent[0].body;
    const env = 'NAME="web two"\nWORK="s3cret-token"';
    expect(shown.user_customize_env).toBe(env);
    // The simulator keeps a digest of the secret, never the value.
    expect(body.user_customize_env).toBe(`sha256:${createHash("sha256").update(env).digest("hex")}`);
    expect({ ...body, user_customize_env: env }).toEqual(shown);
    expect(shown).toEqual({
      plan: "eCS2", location: "it-fr2", image: "debian-12", notes: "api-full", ssh_key: "demo-laptop",
      group: "eg100001", support: "basic", reserved_plan: "M12PeCS2", user_customize: 1,
      user_customize_env: env, isolate_from: ["ec200401"],
    });
  });

  test("a plan that cannot be placed in a region is disabled, with the reason", async ({ page }) => {
    await openForm(page);
    await page.locator('input[name="region"][value="ch-lug1"]').check();
    const ecs6 = page.locator('tr[data-plan="eCS6"]');
    await expect(ecs6.locator('input[name="plan"]')).toBeDisabled();
    await expect(ecs6.getByTestId("plan-why")).toHaveText("sold out in Lugano");
    await page.locator('input[name="region"][value="bg-sof1"]').check();
    await expect(page.locator('tr[data-plan="eCS2"]').getByTestId("plan-why")).toHaveText("not offered in Sofia");
    // And the other way round: with eCS2 chosen, Sofia cannot be picked.
    await page.locator('input[name="region"][value="it-fr2"]').check();
    await page.locator('input[name="plan"][value="eCS2"]').check();
    await expect(page.locator('input[name="region"][value="bg-sof1"]')).toBeDisabled();
  });

  test("when availability cannot be read, plans stay choosable and the form says why", async ({ page, request }) => {
    await request.put(`${SIM}/__sim/faults`, { data: { error_rate: 1.0, path_prefix: "/plans/availables" } });
    try {
      await openForm(page);
      await expect(page.getByTestId("availability-unknown")).toContainText("What can be created right now is unknown");
      await page.locator('input[name="region"][value="ch-lug1"]').check();
      // Sold out there in fact, but nobody could tell: ECS would refuse it at create time.
      await expect(page.locator('tr[data-plan="eCS6"] input[name="plan"]')).toBeEnabled();
      // What the catalogue itself says still holds.
      await page.locator('input[name="region"][value="bg-sof1"]').check();
      await expect(page.locator('tr[data-plan="eCS2"]').getByTestId("plan-why")).toHaveText("not offered in Sofia");
    } finally {
      await request.put(`${SIM}/__sim/faults`, { data: {} });
    }
  });

  test("a create that fails for lack of capacity is explained", async ({ page, request }) => {
    test.slow();
    await openForm(page);
    await page.locator('input[name="plan"][value="eCS6"]').check();
    // Meanwhile another client takes the last eCS6 slots in Frosinone.
    for (let i = 0; i < 5; i++) {
      const res = await request.post(`${SIM}/ecs/v2/servers`, { headers: API, data: { plan: "eCS6", location: "it-fr2", image: "ubuntu-2404" } });
      expect(res.ok()).toBeTruthy();
    }
    await page.getByTestId("create-submit").click();
    await expect(page).toHaveURL(/\/servers\/ec\d+$/);
    await expect(page.getByTestId("toast").filter({ hasText: "could not be created" })).toContainText("Try another region or plan", { timeout: 25_000 });
    await expect(page.getByTestId("status")).toContainText("Failed");
  });

  test("each documented script error is shown at its field", async ({ page }) => {
    await openForm(page);
    await page.getByRole("radio", { name: /One-off script/ }).check();
    const script = page.locator('textarea[name="script"]');
    const error = page.locator('.field-error[data-field="script"]');
    await script.fill("#ps1\nRename-Computer web");
    await page.getByTestId("create-submit").click();
    await expect(error).toContainText("powershell script cannot be used in linux servers");
    await script.fill("#!/bin/bash\ncd /opt && ./install.sh");
    await expect(error).toContainText("“./install.sh” is a relative path");
    await script.fill("cat ~/.profile");
    await expect(error).toContainText("relative path");
    await script.fill("#!/bin/bash\n/usr/bin/apt-get update");
    await expect(error).toHaveCount(0);

    await page.getByRole("radio", { name: /From your library/ }).check();
    await page.locator('select[name="library_script"]').selectOption({ label: "install-nginx" });
    await page.getByRole("button", { name: "+ Add variable" }).click();
    await page.getByLabel("Variable 1 name").fill("1BAD");
    await page.getByLabel("Variable 1 value").fill("top-secret-value");
    const envError = page.locator('.field-error[data-field="env"]');
    await expect(envError).toContainText("Invalid env variable format");
    await expect(envError).not.toContainText("top-secret-value");
    await expect(page).toHaveURL(/\/servers\/new$/);
  });

  test("a double click creates one server", async ({ page, request }) => {
    await openForm(page);
    await page.getByTestId("create-submit").dblclick();
    await expect(page).toHaveURL(/\/servers\/ec\d+$/);
    await page.waitForTimeout(500);
    expect(await creates(request)).toHaveLength(1);
  });

  test("a session that ends mid-form keeps everything typed", async ({ page, request }) => {
    await openForm(page);
    await page.locator('input[name="plan"][value="eCS2"]').check();
    await page.locator('input[name="notes"]').fill("keep-me");
    await page.getByRole("radio", { name: /One-off script/ }).check();
    await page.locator('textarea[name="script"]').fill("#!/bin/bash\necho kept");
    await request.post(`${SIM}/__sim/expire-tokens`, { data: { username: "demo" } });
    // The submit finds the session ended, unless the page's activity poll found it first and
    // already took the page to sign-in (then there is no button left to click): either way the
    // draft must survive.
    await page
      .getByTestId("create-submit")
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await expect(page).toHaveURL(/\/login\?next=%2Fservers%2Fnew&reason=expired$/);
    await fillAndSubmit(page, DEMO.username, DEMO.password);
    await expect(page).toHaveURL(/\/servers\/new$/);
    await waitForHydration(page);
    await expect(page.locator('input[name="notes"]')).toHaveValue("keep-me");
    await expect(page.locator('input[name="plan"][value="eCS2"]')).toBeChecked();
    await expect(page.locator('textarea[name="script"]')).toHaveValue("#!/bin/bash\necho kept");
    expect(await creates(request)).toHaveLength(0);
  });
});
