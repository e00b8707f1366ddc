import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { DEMO_API_TOKEN, SIM, signIn, simReset, waitForHydration } from "./helpers";

// Text another client stored (Seeweb's panel, a script using the API) that looks like markup: it must
// stay text on every page, in dialogs and in toasts. The CSP would stop an injected script from
// running anyway, so these tests look for the elements themselves.
const MARKUP = `<b id="pwned">bold</b></script><script>window.__pwned=1</script>`;

async function storeAsAnotherClient(request: APIRequestContext, method: string, path: string, data?: object) {
  const res = await request.fetch(`${SIM}/ecs/v2${path}`, {
    method,
    data,
    headers: { "X-APITOKEN": DEMO_API_TOKEN },
  });
  expect(res.ok(), `${method} ${path}`).toBeTruthy();
  return res.json();
}

async function expectInert(page: Page, where: string) {
  await expect(page.locator("#pwned"), where).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned), where).toBeUndefined();
}

/// The markup shows as the characters typed, somewhere visible in `scope`.
async function expectShownAsText(scope: ReturnType<Page["locator"]>, where: string) {
  await expect(scope, where).toContainText(MARKUP, { useInnerText: true });
}

test.describe("stored markup", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await storeAsAnotherClient(request, "PUT", "/servers/ec200401", { note: MARKUP });
    await storeAsAnotherClient(request, "POST", "/groups", { notes: MARKUP, password: "x" });
    const { templates } = await storeAsAnotherClient(request, "GET", "/templates");
    await storeAsAnotherClient(request, "PUT", `/templates/${templates[0].id}`, { description: MARKUP });
    await storeAsAnotherClient(request, "POST", "/scripts", { title: MARKUP, content: "#!/bin/sh\necho hi\n" });
    await storeAsAnotherClient(request, "PATCH", "/servers/ec200401/snapshots/103", { description: MARKUP, notes: MARKUP });
  });

  test("is text on every page", async ({ page }) => {
    // A dozen page loads, each compiling the debug wasm: near the default 30 s on two cores.
    test.setTimeout(90_000);
    await signIn(page);
    for (const [path, shown] of [
      ["/", false],
      ["/servers", true],
      ["/servers/ec200401", true],
      ["/servers/ec200401?tab=snapshots", true],
      ["/servers/ec200401?tab=networks", true],
      ["/servers/ec200401/metrics", true],
      ["/servers/new", true],
      ["/groups", true],
      ["/templates", true],
      ["/scripts", true],
      ["/actions", false],
    ] as const) {
      await page.goto(path);
      await waitForHydration(page);
      await expectInert(page, path);
      if (shown) await expectShownAsText(page.locator("main"), path);
    }
  });

  test("is text in dialogs and toasts", async ({ page }) => {
    test.slow();
    await signIn(page, "/servers/ec200401");
    await waitForHydration(page);
    await page.getByTestId("delete-button").click();
    await expectShownAsText(page.getByTestId("delete-dialog"), "delete dialog");
    await expectInert(page, "delete dialog");
    await page.keyboard.press("Escape");

    await page.getByTestId("power-button").click();
    await expectInert(page, "power dialog");
    await page.getByTestId("power-confirm").click();
    const toast = page.getByTestId("toast").filter({ hasText: "is powered off" });
    await expect(toast).toBeVisible({ timeout: 20_000 });
    await expectShownAsText(toast, "toast");
    await expectInert(page, "toast");

    await page.goto("/groups");
    await waitForHydration(page);
    const group = page.getByTestId("group-row").filter({ hasText: "window.__pwned" });
    await group.getByTestId("delete-group").click();
    await expectShownAsText(page.getByTestId("delete-group-dialog"), "group dialog");
    await expectInert(page, "group dialog");
  });
});
