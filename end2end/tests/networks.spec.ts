import { test, expect } from "./fixtures";
import type { Page, APIRequestContext } from "@playwright/test";
import { SIM, expectNoReload, markPage, signIn, simReset, waitForHydration } from "./helpers";

async function advance(request: APIRequestContext, seconds: number) {
  const res = await request.post(`${SIM}/__sim/clock/advance`, { data: { seconds } });
  expect(res.ok()).toBeTruthy();
}

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text });

async function openTab(page: Page, server: string) {
  await signIn(page, `/servers/${server}?tab=networks`);
  await waitForHydration(page);
  await expect(page.locator('[data-testid="server-networks"] [data-ready="true"]')).toBeVisible();
}

test.describe("private networks", () => {
  test.beforeEach(async ({ request }) => simReset(request));

  test("a network created, a VLAN added (reboot seen live), PVID changed, removed, the network deleted", async ({ page, request }) => {
    await signIn(page, "/networks");
    await waitForHydration(page);
    await expect(page.locator('[data-testid="networks"][data-ready="true"]')).toBeVisible();
    // The demo's network names its servers, with links to their tabs.
    const demo = page.locator('[data-testid="network-row"][data-name="net000015"]');
    await expect(demo.locator('[data-testid="attached"]')).toHaveCount(2);
    await expect(demo).toContainText("web-1");
    // Refused while attached: the servers are named, nothing is sent.
    await demo.getByTestId("network-delete").click();
    await expect(page.getByTestId("network-in-use")).toContainText("Remove the VLANs of these servers first");
    await expect(page.getByTestId("delete-network-dialog")).toContainText("db-1 (ec200402)");
    await page.getByTestId("delete-network-dialog").getByRole("button", { name: "OK" }).click();

    await page.getByTestId("network-create").click();
    await expect(toast(page, /Network net\d+ created/)).toBeVisible();
    const rows = page.getByTestId("network-row");
    await expect(rows).toHaveCount(2);
    const created = rows.nth(1);
    const name = (await created.getAttribute("data-name"))!;
    await expect(created).toContainText("None");

    // Attach staging to it: a new interface, so a reboot, confirmed first and seen live.
    await page.goto(`/servers/ec200403?tab=networks`);
    await waitForHydration(page);
    await expect(page.locator('[data-testid="server-networks"] [data-ready="true"]')).toBeVisible();
    await markPage(page);
    await page.getByLabel("Network").selectOption(name);
    await page.getByLabel("VLAN id or range").fill("300");
    await page.getByTestId("vlan-add").click();
    const confirm = page.getByTestId("vlan-reboot-dialog");
    await expect(confirm).toContainText("reboots the server");
    await page.getByTestId("vlan-reboot-confirm").click();
    await expect(toast(page, "Adding VLAN 300…")).toBeVisible();
    await expect(page.getByTestId("server-busy")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("vlan-add")).toBeDisabled();
    await advance(request, 60);
    await expect(toast(page, "The VLAN is ready on ec200403")).toBeVisible({ timeout: 15_000 });
    const iface = page.locator(`[data-testid="interface"][data-network="${name}"]`);
    await expect(iface.locator('[data-testid="vlan-row"][data-vlan="300"] [data-testid="pvid"]')).toBeVisible();
    await expect(iface.getByTestId("setup-commands")).toContainText("sudo ip link set dev");

    // A second VLAN on the same interface (no reboot), then made the PVID.
    await page.getByLabel("Network").selectOption(name);
    await page.getByLabel("VLAN id or range").fill("301");
    await page.getByTestId("vlan-add").click();
    await expect(confirm).toBeHidden();
    await advance(request, 60);
    const vlan301 = iface.locator('[data-testid="vlan-row"][data-vlan="301"]');
    await expect(vlan301).toBeVisible({ timeout: 15_000 });
    await expect(vlan301).toContainText("Ready", { timeout: 15_000 });
    await vlan301.getByTestId("vlan-pvid").click();
    await expect(toast(page, "Changing the PVID…")).toBeVisible();
    await advance(request, 60);
    await expect(vlan301.getByTestId("pvid")).toBeVisible({ timeout: 15_000 });

    // Remove both: the interface goes, with a reboot confirmed first.
    await iface.getByLabel("Remove VLANs (id or range)").fill("300-301");
    await iface.getByTestId("vlan-remove").click();
    await expect(page.getByTestId("vlan-remove-dialog")).toContainText("reboots the server");
    await page.getByTestId("vlan-remove-confirm").click();
    await expect(toast(page, "Removing the VLANs…")).toBeVisible();
    await advance(request, 60);
    await expect(page.getByTestId("no-interfaces")).toBeVisible({ timeout: 15_000 });
    await expectNoReload(page);

    // Now nothing is attached: the network goes.
    await page.goto("/networks");
    await waitForHydration(page);
    const row = page.locator(`[data-testid="network-row"][data-name="${name}"]`);
    await row.getByTestId("network-delete").click();
    await page.getByTestId("delete-network-confirm").click();
    await expect(toast(page, `Network ${name} deleted`)).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  test("a VLAN id the interface already has is refused at the field, keeping what was typed", async ({ page }) => {
    await openTab(page, "ec200401");
    await page.getByLabel("VLAN id or range").fill("100");
    await page.getByTestId("vlan-add").click();
    const error = page.locator('.field-error[data-field="vlans"]');
    await expect(error).toContainText("already on this interface");
    await expect(page.getByLabel("VLAN id or range")).toHaveValue("100");
    await page.getByLabel("VLAN id or range").fill("5000");
    await page.getByTestId("vlan-add").click();
    await expect(error).toContainText("from 1 to 4094");
  });

  test("a server created on a network has its interface from the first boot", async ({ page, request }) => {
    await signIn(page, "/servers/new");
    await waitForHydration(page);
    await expect(page.locator('form.create[data-ready="true"]')).toBeVisible();
    await page.locator('input[name="notes"]').fill("app-net");
    await page.locator('select[name="network"]').selectOption("net000015");
    await page.locator('input[name="network_vlans"]').fill("300");
    await expect(page.getByTestId("summary")).toContainText('"networks"');
    await page.getByTestId("create-submit").click();
    await expect(page).toHaveURL(/\/servers\/ec\d+$/);
    await advance(request, 600);
    const url = page.url();
    await page.goto(`${url}?tab=networks`);
    await waitForHydration(page);
    await expect(page.locator('[data-testid="interface"][data-network="net000015"] [data-testid="vlan-row"][data-vlan="300"]')).toBeVisible();
  });
});
