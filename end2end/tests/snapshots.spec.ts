import { test, expect } from "./fixtures";
import type { Page, APIRequestContext } from "@playwright/test";
import { DEMO_API_TOKEN, SIM, expectNoReload, markPage, signIn, simReset, waitForHydration } from "./helpers";

const TAB = "/servers/ec200401?tab=snapshots";

/// The row of snapshot `name`.
const snapRow = (page: Page, name: string) => page.locator(`[data-testid="snapshot-row"][data-name="${name}"]`);

async function open(page: Page, path = TAB, token = false) {
  if (token) {
    // An API-token session: a password session's token would expire when the clock moves a week.
    await page.goto(`/login?next=${encodeURIComponent(path)}`);
    await waitForHydration(page);
    await page.getByRole("tab", { name: "API token" }).click();
    await page.locator(`input[name="token"]`).fill(DEMO_API_TOKEN);
    await page.getByRole("button", { name: "Sign in with token" }).click();
    await expect(page).toHaveURL(new RegExp(path.replace(/[?]/g, "\\?")));
  } else {
    await signIn(page, path);
  }
  await waitForHydration(page);
  await expect(page.locator('[data-testid="snapshots"] [data-ready="true"]')).toBeVisible();
}

async function advance(request: APIRequestContext, seconds: number) {
  const res = await request.post(`${SIM}/__sim/clock/advance`, { data: { seconds } });
  expect(res.ok()).toBeTruthy();
}

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text });

test.describe("snapshots", () => {
  test.beforeEach(async ({ request }) => simReset(request));

  test("take → restore → clone into template → create a server from it", async ({ page, request }) => {
    await open(page);
    await markPage(page);
    await expect(snapRow(page, "ec200401-SNP-1").getByTestId("snapshot-lock")).toBeVisible();
    await page.getByLabel("Description").first().fill("before the release");
    await page.getByTestId("snapshot-create").click();
    await expect(toast(page, "Taking snapshot “before the release”…")).toBeVisible();
    const row = snapRow(page, "ec200401-SNP-4");
    await expect(row.getByTestId("snapshot-status")).toContainText("Creating");
    // While it is taken ECS takes no new action: the panel says so and waits.
    await expect(page.getByTestId("server-busy")).toContainText("Taking a snapshot");
    await expect(snapRow(page, "ec200401-SNP-3").getByTestId("snapshot-restore")).toBeDisabled();
    await advance(request, 60);
    await expect(toast(page, "Snapshot “before the release” is ready")).toBeVisible({ timeout: 15_000 });
    await expect(row.getByTestId("snapshot-status")).toContainText("Ready");
    await expect(page.getByTestId("server-busy")).toHaveCount(0);

    // Restore: the server's name typed, then followed live.
    await row.getByTestId("snapshot-restore").click();
    const restore = page.getByTestId("restore-dialog");
    await expect(restore).toContainText("reboots");
    await expect(page.getByTestId("restore-confirm")).toBeDisabled();
    await restore.getByRole("textbox", { name: "Server name" }).fill("ec200401");
    await page.getByTestId("restore-confirm").click();
    await expect(restore).toBeHidden();
    await expect(toast(page, /Restoring ec200401/)).toBeVisible();
    await advance(request, 600);
    await expect(toast(page, /ec200401 is restored/)).toBeVisible({ timeout: 15_000 });
    await expect(row.getByTestId("last-restored")).toBeVisible();

    // Clone into a template, then create a server from it.
    await row.getByTestId("snapshot-template").click();
    const dialog = page.getByTestId("template-dialog");
    await dialog.getByLabel("Template description").fill("release baseline");
    await page.getByTestId("template-confirm").click();
    await expect(dialog.getByTestId("template-made")).toBeVisible();
    await advance(request, 600);
    await expect(toast(page, /Template .* is ready/)).toBeVisible({ timeout: 15_000 });
    await expectNoReload(page);
    await dialog.getByTestId("template-made-create").click();
    await expect(page).toHaveURL(/\/servers\/new\?image=ei/);
    await waitForHydration(page);
    await expect(page.locator("body")).toContainText("release baseline");
  });

  test("protect up to the limit, rename with markup kept as text, delete; a protected one is explained", async ({ page, request }) => {
    await open(page);
    // Rename: markup stays text.
    await snapRow(page, "ec200401-SNP-3").getByTestId("snapshot-rename").click();
    const rename = page.getByTestId("rename-snapshot-dialog");
    await rename.getByLabel("Description").fill("<b>tuned</b>");
    await page.getByTestId("rename-snapshot-confirm").click();
    await expect(toast(page, "Snapshot renamed to “<b>tuned</b>”")).toBeVisible();
    await expect(snapRow(page, "ec200401-SNP-3")).toContainText("<b>tuned</b>");
    await expect(page.locator("b", { hasText: "tuned" })).toHaveCount(0);

    // A protected snapshot is explained, not deleted.
    await snapRow(page, "ec200401-SNP-1").getByTestId("snapshot-delete").click();
    await expect(page.getByTestId("delete-protected")).toContainText("Unprotect it first");
    await page.getByTestId("delete-snapshot-dialog").getByRole("button", { name: "OK" }).click();
    // Unprotect, then delete.
    await snapRow(page, "ec200401-SNP-1").getByTestId("snapshot-protect").click();
    await expect(toast(page, "“before upgrade” is no longer protected")).toBeVisible();
    await expect(snapRow(page, "ec200401-SNP-1").getByTestId("snapshot-lock")).toHaveCount(0);
    await snapRow(page, "ec200401-SNP-1").getByTestId("snapshot-delete").click();
    await page.getByTestId("delete-snapshot-confirm").click();
    await expect(toast(page, "Deleting “before upgrade”…")).toBeVisible();
    await advance(request, 60);
    await expect(snapRow(page, "ec200401-SNP-1")).toHaveCount(0, { timeout: 15_000 });

    // Twelve protected: the thirteenth is said before it is asked for.
    for (let n = 0; n < 12; n++) {
      const res = await request.post(`${SIM}/ecs/v2/servers/ec200401/snapshots`, {
        headers: { "X-APITOKEN": DEMO_API_TOKEN },
        data: { description: `bulk ${n}` },
      });
      expect(res.ok()).toBeTruthy();
      await advance(request, 60);
    }
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByTestId("protected-count")).toHaveText("12 of 12 protected");
    await expect(page.getByTestId("protect-limit")).toContainText("the most ECS keeps");
    await expect(snapRow(page, "ec200401-SNP-3").getByTestId("snapshot-protect")).toBeDisabled();
  });

  test("a weekly schedule set, changed and removed; its retention deletes the oldest unprotected on the simulator's clock", async ({ page, request }) => {
    await open(page, TAB, true);
    const schedule = page.getByTestId("schedule");
    await expect(page.getByTestId("schedule-sentence")).toHaveText("Every Sunday at 00:00 UTC, keeping the newest 2 unprotected snapshots");
    await expect(snapRow(page, "ec200401-SNP-2").getByTestId("goes-next")).toBeVisible();
    // Changed: keep 3, on Wednesdays: then nothing goes at the next run.
    await schedule.getByLabel("Day").selectOption("3");
    await schedule.getByLabel("Unprotected snapshots to keep").fill("3");
    await page.getByTestId("schedule-save").click();
    await expect(page.getByTestId("schedule-sentence")).toHaveText("Every Wednesday at 00:00 UTC, keeping the newest 3 unprotected snapshots");
    await expect(page.getByTestId("goes-next")).toHaveCount(0);
    // A number it cannot keep is explained at the field, and what was typed stays.
    await schedule.getByLabel("Unprotected snapshots to keep").fill("0");
    await page.getByTestId("schedule-save").click();
    await expect(schedule.locator('.field-error[data-field="keep"]')).toContainText("between 1 and 30");
    await expect(schedule.getByLabel("Unprotected snapshots to keep")).toHaveValue("0");
    // Back to 2: the oldest unprotected goes at the next run; move the clock past it.
    await schedule.getByLabel("Unprotected snapshots to keep").fill("2");
    await page.getByTestId("schedule-save").click();
    await expect(snapRow(page, "ec200401-SNP-2").getByTestId("goes-next")).toBeVisible();
    await advance(request, 8 * 86_400);
    await page.reload();
    await waitForHydration(page);
    await expect(snapRow(page, "ec200401-SNP-2")).toHaveCount(0);
    await expect(snapRow(page, "ec200401-SNP-1")).toBeVisible();
    await expect(page.getByTestId("snapshot-row").filter({ hasText: "periodic snapshot - " }).first()).toBeVisible();
    // Removed: the snapshots stay.
    await page.getByTestId("schedule-remove").click();
    await expect(toast(page, "Schedule removed")).toBeVisible();
    await expect(page.getByTestId("schedule-none")).toBeVisible();
    await expect(snapRow(page, "ec200401-SNP-1")).toBeVisible();
  });

  test("keyboard only: the tab, the form and a dialog", async ({ page }) => {
    await signIn(page, "/servers/ec200401");
    await waitForHydration(page);
    await page.getByTestId("tab-snapshots").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/tab=snapshots/);
    await expect(page.locator('[data-testid="snapshots"] [data-ready="true"]')).toBeVisible();
    await snapRow(page, "ec200401-SNP-3").getByTestId("snapshot-rename").focus();
    await page.keyboard.press("Enter");
    const rename = page.getByTestId("rename-snapshot-dialog");
    await expect(rename).toBeVisible();
    // Focus starts inside the dialog (its close button); Tab reaches the field, Enter saves.
    await page.keyboard.press("Tab");
    const description = rename.getByLabel("Description");
    await expect(description).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("typed by keyboard");
    await page.keyboard.press("Enter");
    await expect(toast(page, "Snapshot renamed to “typed by keyboard”")).toBeVisible();
    await expect(rename).toBeHidden();
    // Esc closes a dialog and focus returns to the button that opened it.
    const restore = snapRow(page, "ec200401-SNP-3").getByTestId("snapshot-restore");
    await restore.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("restore-dialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("restore-dialog")).toBeHidden();
    await expect(restore).toBeFocused();
  });

  test("while an action runs, what ECS would refuse waits: power off, then Delete is disabled until it ends", async ({ page, request }) => {
    await signIn(page, "/servers/ec200401");
    await waitForHydration(page);
    await page.getByTestId("power-button").click();
    await page.getByTestId("power-confirm").click();
    const del = page.getByTestId("delete-button");
    await expect(del).toBeDisabled({ timeout: 10_000 });
    await expect(del).toHaveAttribute("title", /Wait until “powering off/);
    // The snapshots tab says what runs and waits too.
    await page.getByTestId("tab-snapshots").click();
    await expect(page.getByTestId("server-busy")).toContainText("Powering off");
    await expect(page.getByTestId("snapshot-create")).toBeDisabled();
    await advance(request, 60);
    await expect(toast(page, "web-1 is powered off")).toBeVisible({ timeout: 15_000 });
    await expect(del).toBeEnabled();
    await expect(page.getByTestId("server-busy")).toHaveCount(0);
    await expect(page.getByTestId("snapshot-create")).toBeEnabled();
  });
});
