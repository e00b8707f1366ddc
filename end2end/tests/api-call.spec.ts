import { test, expect } from "./fixtures";
import { SIM, signIn, simReset, waitForHydration } from "./helpers";
import { advance, card, expectReceived, received, shownCall, toast } from "./api-call-helpers";

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

test.describe("the API call behind the server page's other dialogs", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await request.delete(`${SIM}/__sim/requests`);
  });

  test("console, support and a reservation show the request the simulator then receives", async ({ page, request }) => {
    await signIn(page, "/servers/ec200402");
    await waitForHydration(page);
    await page.getByTestId("console-button").click();
    const dialog = page.getByTestId("console-dialog");
    await expect(dialog.getByTestId("console-key")).toBeVisible();
    const console = await shownCall(dialog);
    expect(console).toEqual({ method: "POST", path: "/ecs/v2/servers/ec200402/actions", body: { type: "console" } });
    await expectReceived(request, console);
    await page.keyboard.press("Escape");

    await page.goto("/servers/ec200401?tab=settings");
    await waitForHydration(page);
    const support = page.getByTestId("support-card");
    await support.getByLabel(/Basic/).check();
    const basic = await shownCall(support);
    expect(basic).toEqual({ method: "POST", path: "/ecs/v2/servers/ec200401/support", body: { code: "basic" } });
    await page.getByTestId("support-save").click();
    await expect(toast(page, "Support plan is now Basic")).toBeVisible();
    await expectReceived(request, basic);

    await page.goto("/servers/ec200402?tab=settings");
    await waitForHydration(page);
    const reserved = page.getByTestId("reserved-card");
    await reserved.getByLabel("Period").selectOption("6");
    await expect(reserved).toContainText("Sent as M6PeCS4");
    const reserve = await shownCall(reserved);
    expect(reserve).toEqual({ method: "POST", path: "/ecs/v2/servers/ec200402/reserved", body: { reserved_plan: "M6PeCS4" } });
    await page.getByTestId("reserve-save").click();
    await expect(page.getByTestId("reserved-result")).toContainText("discount");
    await expectReceived(request, reserve);
  });

  test("snapshots: take, rename, delete and restore show the requests the simulator then receives", async ({ page, request }) => {
    test.slow();
    await signIn(page, "/servers/ec200401?tab=snapshots");
    await waitForHydration(page);
    await expect(page.locator('[data-testid="snapshots"] [data-ready="true"]')).toBeVisible();
    const snapRow = (name: string) => page.locator(`[data-testid="snapshot-row"][data-name="${name}"]`);

    const take = card(page, "Take a snapshot");
    await take.getByLabel("Description").fill("api call check");
    const taken = await shownCall(take);
    expect(taken).toEqual({
      method: "POST",
      path: "/ecs/v2/servers/ec200401/snapshots",
      body: { description: "api call check", notes: "api call check" },
    });
    await page.getByTestId("snapshot-create").click();
    await expect(toast(page, "Taking snapshot “api call check”…")).toBeVisible();
    await expectReceived(request, taken);
    await advance(request, 60);
    await expect(page.getByTestId("server-busy")).toHaveCount(0, { timeout: 15_000 });

    await snapRow("ec200401-SNP-3").getByTestId("snapshot-rename").click();
    const rename = page.getByTestId("rename-snapshot-dialog");
    await rename.getByLabel("Description").fill("tuned");
    const renamed = await shownCall(rename);
    expect(renamed.method).toBe("PATCH");
    expect(renamed.path).toMatch(/^\/ecs\/v2\/servers\/ec200401\/snapshots\/\w+$/);
    expect(renamed.body.description).toBe("tuned");
    await page.getByTestId("rename-snapshot-confirm").click();
    await expect(toast(page, "Snapshot renamed to “tuned”")).toBeVisible();
    await expectReceived(request, renamed);

    await snapRow("ec200401-SNP-3").getByTestId("snapshot-delete").click();
    const del = page.getByTestId("delete-snapshot-dialog");
    const deleted = await shownCall(del);
    expect(deleted).toEqual({ method: "DELETE", path: renamed.path, body: null });
    await page.getByTestId("delete-snapshot-confirm").click();
    await expectReceived(request, deleted);
    await advance(request, 60);
    await expect(snapRow("ec200401-SNP-3")).toHaveCount(0, { timeout: 15_000 });

    await snapRow("ec200401-SNP-2").getByTestId("snapshot-restore").click();
    const restore = page.getByTestId("restore-dialog");
    await restore.getByRole("textbox", { name: "Server name" }).fill("ec200401");
    const restored = await shownCall(restore);
    expect(restored.method).toBe("POST");
    expect(restored.path).toBe("/ecs/v2/servers/ec200401/actions");
    expect(restored.body.type).toBe("rollback");
    await page.getByTestId("restore-confirm").click();
    await expect(toast(page, /Restoring ec200401/)).toBeVisible();
    await expectReceived(request, restored);
  });

  test("adding and removing a VLAN show the requests the simulator then receives", async ({ page, request }) => {
    test.slow();
    await signIn(page, "/servers/ec200403?tab=networks");
    await waitForHydration(page);
    await expect(page.locator('[data-testid="server-networks"] [data-ready="true"]')).toBeVisible();
    await page.getByLabel("Network").selectOption("net000015");
    await page.getByLabel("VLAN id or range").fill("300");
    const form = page.locator("form").filter({ has: page.getByTestId("vlan-add") });
    const added = await shownCall(form);
    expect(added.method).toBe("POST");
    expect(added.path).toBe("/ecs/v2/servers/ec200403/networks/net000015/vlans");
    expect(added.body.vlan_id).toBe(300);
    await page.getByTestId("vlan-add").click();
    // A new interface reboots the server: the confirmation shows the same call.
    const confirm = page.getByTestId("vlan-reboot-dialog");
    expect(await shownCall(confirm)).toEqual(added);
    await page.getByTestId("vlan-reboot-confirm").click();
    await expect(toast(page, "Adding VLAN 300…")).toBeVisible();
    await expectReceived(request, added);
    await advance(request, 60);
    const iface = page.locator('[data-testid="interface"][data-network="net000015"]');
    await expect(iface.locator('[data-testid="vlan-row"][data-vlan="300"]')).toBeVisible({ timeout: 15_000 });

    await iface.getByLabel("Remove VLANs (id or range)").fill("300");
    const removed = await shownCall(iface);
    expect(removed).toEqual({ method: "DELETE", path: "/ecs/v2/servers/ec200403/networks/net000015/vlans/300", body: null });
    await iface.getByTestId("vlan-remove").click();
    await page.getByTestId("vlan-remove-confirm").click();
    await expect(toast(page, "Removing the VLANs…")).toBeVisible();
    await expectReceived(request, removed);
  });
});
