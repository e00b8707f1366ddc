import { expect, test, Page } from "@playwright/test";
import { row, signIn, simReset, waitForHydration } from "./helpers";

// Every page but sign-in is a lazy route (`cargo leptos --split`): a visit downloads the shell's
// wasm and that page's chunks, and the next page's chunk arrives when it is opened.

/// The wasm files the page has asked for so far (by name, without the hash).
function wasmLoads(page: Page) {
  const names: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/pkg/") && path.endsWith(".wasm")) names.push(path.slice(5));
  });
  return names;
}

test.describe("pages load only their own code", () => {
  test.beforeEach(async ({ request }) => simReset(request));
  test("sign-in loads no page chunk; the servers list loads its own and not the create form's", async ({ page }) => {
    const loads = wasmLoads(page);
    await page.goto("/login");
    await waitForHydration(page);
    expect(loads.some((n) => n.startsWith("ecs-panel")), "the shell's wasm").toBeTruthy();
    expect(loads.filter((n) => n.includes("_page_view_")), "no page chunk on sign-in").toEqual([]);

    await signIn(page, "/servers");
    await expect(row(page, "ec200401")).toBeVisible();
    const direct = [...loads];
    expect(direct.some((n) => n.includes("servers_page_view"))).toBeTruthy();
    expect(direct.some((n) => n.includes("create_page_view"))).toBeFalsy();
  });

  test("a page opened by a link arrives with its chunk, hydrated and working", async ({ page }) => {
    await signIn(page, "/servers");
    await waitForHydration(page);
    const loads = wasmLoads(page);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.getByRole("link", { name: "Create server" }).first().click();
    await expect(page).toHaveURL(/\/servers\/new$/);
    await expect(page.getByRole("heading", { name: "Create a server" })).toBeVisible();
    expect(loads.some((n) => n.includes("create_page_view"))).toBeTruthy();
    // The form is live: choosing a plan updates the summary without a reload.
    await expect(page.locator("form").first()).toBeVisible();
    await page.goBack();
    await expect(row(page, "ec200401")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("opening a lazy page directly (a reload) hydrates it: its buttons work", async ({ page }) => {
    await signIn(page, "/servers/ec200401");
    await page.reload();
    await waitForHydration(page);
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/tab=settings/);
    await expect(page.getByRole("heading", { name: "Settings" }).or(page.getByText("Display name").first())).toBeVisible();
  });
});
