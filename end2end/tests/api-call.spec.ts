import type { APIRequestContext, Locator } from "@playwright/test";
import { test, expect } from "./fixtures";
import { SIM, signIn, simReset, waitForHydration } from "./helpers";

/// What a dialog's "Show the API call" prints: method, URL and JSON body (none for a DELETE).
async function shownCall(dialog: Locator) {
  await dialog.getByRole("button", { name: "Show the API call" }).click();
  const curl = await dialog.getByTestId("curl").innerText();
  expect(curl).toContain('-H "X-APITOKEN: $ECS_TOKEN"');
  const [, method, url] = curl.match(/^curl -X (\w+) '([^']+)'/)!;
  const data = curl.indexOf("--data '");
  const body = data < 0 ? null : JSON.parse(curl.slice(data + 8, curl.lastIndexOf("'")));
  return { method, path: new URL(url).pathname, body };
}

/// The simulator's newest request with this method and path.
async function received(request: APIRequestContext, method: string, path: string) {
  const { requests } = await (await request.get(`${SIM}/__sim/requests`)).json();
  return requests.filter((r: any) => r.method === method && r.path === path).at(-1);
}

test.describe("the API call behind an action", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await request.delete(`${SIM}/__sim/requests`);
  });

  test("power and delete show the very request the simulator then receives", async ({ page, request }) => {
    test.slow();
    await signIn(page, "/servers/ec200403");
    await waitForHydration(page);
    await page.getByTestId("power-button").click();
    const power = await shownCall(page.getByTestId("power-dialog"));
    expect(power).toEqual({ method: "POST", path: "/ecs/v2/servers/ec200403/actions", body: { type: "power_on" } });
    await page.getByTestId("power-confirm").click();
    await expect(page.getByTestId("power-button")).toBeDisabled();
    await expect.poll(async () => (await received(request, "POST", power.path))?.body).toEqual(power.body);

    await page.goto("/servers/ec200406");
    await waitForHydration(page);
    await page.getByTestId("delete-button").click();
    const dialog = page.getByTestId("delete-dialog");
    const del = await shownCall(dialog);
    expect(del).toEqual({ method: "DELETE", path: "/ecs/v2/servers/ec200406", body: null });
    await dialog.locator('input[name="confirm"]').fill("vpn-sofia");
    await dialog.getByTestId("delete-confirm").click();
    await expect(page).toHaveURL(/\/servers$/);
    await expect.poll(async () => (await received(request, "DELETE", del.path))?.status).toBeLessThan(300);
  });
});

test.describe("the API call behind a setting", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await request.delete(`${SIM}/__sim/requests`);
  });

  test("rename and group move show the request the simulator then receives", async ({ page, request }) => {
    await signIn(page, "/servers/ec200402?tab=settings");
    await waitForHydration(page);
    const rename = page.locator("section.card").filter({ has: page.getByRole("heading", { name: "Display name" }) });
    await rename.locator('input[name="notes"]').fill("db primary");
    const renamed = await shownCall(rename);
    expect(renamed).toEqual({ method: "PUT", path: "/ecs/v2/servers/ec200402", body: { note: "db-primary", notes: "db-primary" } });
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Display name saved" })).toBeVisible();
    expect((await received(request, "PUT", renamed.path))?.body).toEqual(renamed.body);

    const group = page.locator("section.card").filter({ has: page.getByRole("heading", { name: "Group", exact: true }) });
    await group.getByRole("combobox", { name: "Group" }).selectOption("eg100001");
    const moved = await shownCall(group);
    expect(moved).toEqual({ method: "PUT", path: "/ecs/v2/servers/ec200402", body: { group: "eg100001" } });
    await page.getByRole("button", { name: "Move" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Group changed" })).toBeVisible();
    expect((await received(request, "PUT", moved.path))?.body).toEqual(moved.body);
  });
});
