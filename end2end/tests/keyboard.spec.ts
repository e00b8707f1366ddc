import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { DEMO, simReset, waitForHydration } from "./helpers";

/// Presses Tab until `target` has the focus: it fails when the control cannot be reached with the
/// keyboard within `max` presses (the page's own order, no clicks).
async function tabTo(page: Page, target: Locator, max = 120) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${target} is not reachable with Tab`);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

test.describe("keyboard only", () => {
  test("sign in, create a server, power it off and delete it with keys alone", async ({ page, request }) => {
    test.setTimeout(180_000);
    await simReset(request);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/login");
    await waitForHydration(page);
    await tabTo(page, page.locator('input[name="username"]'));
    await page.keyboard.type(DEMO.username);
    await tabTo(page, page.locator('input[name="password"]'));
    await page.keyboard.type(DEMO.password);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("signed-in-user")).toContainText(DEMO.username);
    await waitForHydration(page);

    // The skip link comes first, then the navigation; following a link moves the focus to the
    // new page's heading and announces its title.
    await page.keyboard.press("Tab");
    await expect(page.locator(".skip-link")).toBeFocused();
    await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Create" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/servers\/new$/);
    await expect(page.getByRole("heading", { level: 1, name: "Create a server" })).toBeFocused();
    await expect(page.locator("#page-announcer")).toContainText("Create");

    // The defaults make a server: straight to the create button.
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await tabTo(page, page.getByTestId("create-submit"));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/servers\/ec\d+$/);
    const name = (await page.getByTestId("server-title").textContent())!.trim();
    await expect(page.getByTestId("toast").filter({ hasText: "is ready" })).toBeVisible({ timeout: 30_000 });

    // Power off: the button opens its dialog, whose confirm button is reached with Tab.
    await tabTo(page, page.getByTestId("power-button"));
    await expect(page.getByTestId("power-button")).toHaveText("Power off");
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByTestId("power-confirm"), 20);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("power-state")).toHaveText("Shut off", { timeout: 30_000 });

    // Delete: type the name in the dialog, then confirm.
    await expect(page.getByTestId("delete-button")).toBeEnabled({ timeout: 30_000 });
    await tabTo(page, page.getByTestId("delete-button"));
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("delete-dialog");
    await tabTo(page, dialog.locator('input[name="confirm"]'), 20);
    await page.keyboard.type(name);
    await tabTo(page, dialog.getByTestId("delete-confirm"), 20);
    expect(await focused(page)).toContain("Delete");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/servers$/);
    await expect(page.getByTestId("toast").filter({ hasText: `${name} is deleted` })).toBeVisible({ timeout: 30_000 });
  });
});
