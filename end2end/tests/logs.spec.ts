import { test, expect } from "./fixtures";
import { signIn, simReset, waitForHydration } from "./helpers";

test.describe("logs", () => {
  test.beforeEach(async ({ request }) => simReset(request));

  test("paged and filtered, state in the URL, an entry opened", async ({ page }) => {
    await signIn(page, "/logs");
    await waitForHydration(page);
    const rows = page.getByTestId("log-row");
    await expect(rows).toHaveCount(25);
    await expect(page.getByTestId("result-count")).toContainText(/Showing 1–25 of \d+ entries/);
    const firstId = await rows.first().getAttribute("data-id");

    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/\/logs\?page=2$/);
    await expect(page.getByTestId("result-count")).toContainText("Showing 26–");
    await expect(rows.first()).not.toHaveAttribute("data-id", firstId!);

    // Severity is filtered at once, and lands in the URL.
    await page.locator("#log-severity").selectOption("error");
    await expect(page).toHaveURL(/severity=error/);
    // The rows are replaced once the filtered page arrives: every one is an error.
    await expect
      .poll(async () => {
        const all = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")));
        return all.length > 0 && all.every((s) => s === "error");
      })
      .toBe(true);
    // A resource, typed: only its entries.
    await page.locator("#log-severity").selectOption("");
    await page.locator("#log-resource").fill("demo");
    await expect(page).toHaveURL(/resource=demo/);
    await expect(rows.first()).toBeVisible();
    // A resource that cannot be one: said at the field.
    await page.locator("#log-resource").fill("no/such");
    await expect(page.locator('.field-error[data-field="resource"]')).toContainText("letters, digits");

    // One entry, with everything recorded.
    await page.goto("/logs?resource=demo");
    await waitForHydration(page);
    const entry = rows.first();
    const id = await entry.getAttribute("data-id");
    await entry.getByRole("link", { name: `Entry ${id}: details` }).click();
    await expect(page).toHaveURL(new RegExp(`/logs/${id}$`));
    await expect(page.getByTestId("log-entry")).toContainText("IP address");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(`Entry ${id}`);
  });
});
