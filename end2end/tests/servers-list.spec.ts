import { test, expect } from "./fixtures";
import { DEMO_API_TOKEN, SIM, expectNoReload, markPage, row, signIn, simFaults, simReset, waitForHydration } from "./helpers";

test.describe("servers list", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await simFaults(request, {});
  });

  test("search, filter and sort live in the URL and survive a reload", async ({ page }) => {
    await signIn(page, "/servers");
    await waitForHydration(page);
    await expect(page.getByTestId("server-row")).toHaveCount(7);

    await page.getByRole("searchbox").fill("db");
    await expect(page).toHaveURL(/\/servers\?q=db$/);
    await expect(page.getByTestId("server-row")).toHaveCount(1);
    await expect(row(page, "ec200402")).toContainText("db-1");
    await expect(page.getByTestId("result-count")).toHaveText("1 of 7 servers match");

    await page.reload();
    await expect(page.getByRole("searchbox")).toHaveValue("db");
    await expect(page.getByTestId("server-row")).toHaveCount(1);

    // An IP finds its server too.
    await waitForHydration(page);
    await page.getByRole("searchbox").fill("213.171.184.18");
    await expect(page.getByTestId("server-row")).toHaveCount(1);
    await expect(row(page, "ec200406")).toBeVisible();

    await page.goto("/servers");
    await waitForHydration(page);
    await page.getByRole("combobox", { name: "Region" }).selectOption("it-mi2");
    await expect(page).toHaveURL(/region=it-mi2/);
    await expect(page.getByTestId("server-row")).toHaveCount(2);

    const table = page.getByTestId("servers-table");
    await table.getByRole("link", { name: "Plan", exact: true }).click();
    await expect(page).toHaveURL(/region=it-mi2&sort=plan/);
    await expect(page.getByTestId("server-row").first()).toHaveAttribute("data-name", "ec200403");
    await table.getByRole("link", { name: "Plan", exact: true }).click();
    await expect(page).toHaveURL(/sort=plan&dir=desc/);
    await expect(page.getByTestId("server-row").first()).toHaveAttribute("data-name", "ec200405");

    // A bookmarked view renders on the server, before any script runs.
    await page.goto("/servers?status=Booted&group=eg100001");
    await expect(page.getByTestId("server-row")).toHaveCount(1);
    await expect(row(page, "ec200401")).toContainText("web-1");

    await page.goto("/servers?q=no-such-server");
    await expect(page.getByTestId("servers-no-match")).toBeVisible();
  });

  test("a power-off/on cycle shows up live, without a reload", async ({ page }) => {
    test.slow();
    await signIn(page, "/servers");
    await waitForHydration(page);
    await markPage(page);
    const web = row(page, "ec200401");
    await expect(web.getByTestId("status")).toContainText("Running");

    await web.getByRole("checkbox").check();
    await page.getByTestId("bulk-bar").getByRole("button", { name: "Power off" }).click();
    await page.getByTestId("bulk-confirm").getByRole("button", { name: "Power off 1" }).click();
    await page.getByTestId("bulk-results").getByRole("button", { name: "Close" }).click();
    await expect(web.getByTestId("status")).toContainText("Powering off");
    await expect(web.getByTestId("status")).toContainText("Stopped", { timeout: 20_000 });
    await expect(page.getByTestId("toast").filter({ hasText: "ec200401 is powered off" })).toBeVisible();

    await web.getByRole("checkbox").check();
    await page.getByTestId("bulk-bar").getByRole("button", { name: "Power on" }).click();
    await page.getByTestId("bulk-confirm").getByRole("button", { name: "Power on 1" }).click();
    await page.getByTestId("bulk-results").getByRole("button", { name: "Close" }).click();
    await expect(web.getByTestId("status")).toContainText("Powering on");
    await expect(web.getByTestId("status")).toContainText("Running", { timeout: 20_000 });
    await expectNoReload(page);
  });

  test("a change made elsewhere (another client of the API) shows up by itself", async ({ page, request }) => {
    test.slow();
    await signIn(page, "/servers");
    await waitForHydration(page);
    await markPage(page);
    const res = await request.post(`${SIM}/ecs/v2/servers/ec200406/actions`, {
      headers: { "X-APITOKEN": DEMO_API_TOKEN },
      data: { type: "power_off" },
    });
    expect(res.ok()).toBeTruthy();
    // Noticed at the next idle poll (15 s at most), then followed every 2 s.
    await expect(row(page, "ec200406").getByTestId("status")).toContainText("Stopped", { timeout: 30_000 });
    await expectNoReload(page);
  });

  test("bulk power-off reports each server, one failing", async ({ page, request }) => {
    test.slow();
    // The simulator answers 503 for this one server's actions.
    await simFaults(request, { maintenance: true, path_prefix: "/servers/ec200406/actions", method: "POST" });
    await signIn(page, "/servers");
    await waitForHydration(page);
    await row(page, "ec200401").getByRole("checkbox").check();
    await row(page, "ec200406").getByRole("checkbox").check();
    await expect(page.getByTestId("bulk-bar")).toContainText("2 selected");
    await page.getByTestId("bulk-bar").getByRole("button", { name: "Power off" }).click();
    const confirm = page.getByTestId("bulk-confirm");
    await expect(confirm).toContainText("ec200401");
    await expect(confirm).toContainText("ec200406");
    await confirm.getByRole("button", { name: "Power off 2" }).click();

    const results = page.getByTestId("bulk-results");
    await expect(results.locator('[data-name="ec200401"]')).toContainText("Started");
    await expect(results.locator('[data-name="ec200406"]')).toHaveClass(/result-error/);
    await expect(results.locator('[data-name="ec200406"]')).toContainText("unavailable for maintenance");
    await results.getByRole("button", { name: "Close" }).click();
    // The failed one stays selected, ready to retry.
    await expect(page.getByTestId("bulk-bar")).toContainText("1 selected");
    await expect(row(page, "ec200401").getByTestId("status")).toContainText("Stopped", { timeout: 20_000 });
  });

  test("a reserved server is refused in a bulk delete, with the reason", async ({ page }) => {
    await signIn(page, "/servers");
    await waitForHydration(page);
    await row(page, "ec200404").getByRole("checkbox").check();
    await page.getByTestId("bulk-bar").getByRole("button", { name: "Delete" }).click();
    await page.getByTestId("bulk-confirm").getByRole("button", { name: "Delete 1" }).click();
    await expect(page.getByTestId("bulk-results").locator('[data-name="ec200404"]')).toContainText("reserved");
  });

  test("dialogs close with Escape and keep focus inside", async ({ page }) => {
    await signIn(page, "/servers");
    await waitForHydration(page);
    await row(page, "ec200401").getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await page.getByTestId("bulk-bar").getByRole("button", { name: "Power off" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("bulk-confirm");
    await expect(dialog).toBeVisible();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBeTruthy();
    }
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });
});
