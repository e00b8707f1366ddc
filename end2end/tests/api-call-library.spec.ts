import type { Page } from "@playwright/test";
import { appendFileSync, mkdirSync } from "node:fs";
import { test, expect } from "./fixtures";
import { SIM, signIn, simReset, waitForHydration } from "./helpers";
import { advance, curlText, expectReceived, freshKey, received, sha256, shownCall, toast } from "./api-call-helpers";

// "Show the API call" on the library and account pages: what each dialog prints is what the
// simulator then receives, secrets as shell variables in the print and as sent in the request.

// Tokens made by these journeys: `make e2e` sweeps the panel's log for them too.
const MADE = "test-results/made-tokens.txt";

async function open(page: Page, path: string, ready: string) {
  await signIn(page, path);
  await waitForHydration(page);
  await expect(page.locator(ready)).toBeVisible();
}

test.describe("the API call behind the library pages", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await request.delete(`${SIM}/__sim/requests`);
  });

  test("a group: its password is a variable in the print and sent as typed", async ({ page, request }) => {
    await open(page, "/groups", 'form[data-testid="new-group"][data-ready="true"]');
    const form = page.getByTestId("new-group");
    await form.getByLabel("Name").fill("api pool");
    await form.getByLabel(/Password/).fill("correct horse battery");
    const shown = await shownCall(form);
    expect(shown).toEqual({ method: "POST", path: "/ecs/v2/groups", body: { notes: "api pool", password: "$GROUP_PASSWORD" } });
    expect(await curlText(form)).not.toContain("correct horse battery");
    await page.getByTestId("new-group-submit").click();
    await expect(toast(page, "Group “api pool” created")).toBeVisible();
    // The simulator keeps a digest of the password: the typed one was sent.
    await expect.poll(async () => (await received(request, "POST", shown.path))?.body).toEqual({
      notes: "api pool",
      password: sha256("correct horse battery"),
    });

    const row = page.locator('[data-testid="group-row"][data-name="eg100002"]');
    await row.getByTestId("delete-group").click();
    const dialog = page.getByTestId("delete-group-dialog");
    const deleted = await shownCall(dialog);
    // ECS deletes a group by its numeric id (`DELETE /groups/{id}`), not its name.
    expect(deleted).toEqual({ method: "DELETE", path: "/ecs/v2/groups/2", body: null });
    await page.getByTestId("delete-group-confirm").click();
    await expectReceived(request, deleted);
  });

  test("an SSH key: add, rename and delete show the requests the simulator then receives", async ({ page, request }) => {
    const key = freshKey();
    await open(page, "/ssh-keys", '[data-testid="keys"][data-ready="true"]');
    const form = page.getByTestId("add-key-form");
    await form.getByLabel("Label").fill("api-laptop");
    await form.getByLabel("Public key").fill(`  ${key}\n`);
    const added = await shownCall(form);
    // Trimmed, as the panel sends it.
    expect(added).toEqual({ method: "POST", path: "/ecs/v2/sshkeys", body: { key, label: "api-laptop" } });
    await page.getByTestId("add-key-submit").click();
    await expect(toast(page, "Added “api-laptop”")).toBeVisible();
    await expectReceived(request, added);

    const row = (label: string) => page.locator(`[data-testid="key-row"][data-label="${label}"]`);
    await row("api-laptop").getByRole("button", { name: "Rename" }).click();
    const rename = page.getByTestId("rename-key");
    await rename.getByLabel("Label").fill("api-desktop");
    const renamed = await shownCall(rename);
    expect(renamed.method).toBe("PUT");
    expect(renamed.path).toMatch(/^\/ecs\/v2\/sshkeys\/[\w-]+$/);
    expect(renamed.body).toEqual({ label: "api-desktop" });
    await rename.getByRole("button", { name: "Rename" }).click();
    await expect(toast(page, "Renamed to “api-desktop”")).toBeVisible();
    await expectReceived(request, renamed);

    await row("api-desktop").getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByTestId("delete-key");
    const deleted = await shownCall(confirm);
    expect(deleted).toEqual({ method: "DELETE", path: renamed.path, body: null });
    await confirm.getByTestId("confirm-delete").click();
    await expect(toast(page, "Deleted “api-desktop”")).toBeVisible();
    await expectReceived(request, deleted);
  });

  test("a cloud script: create, update and delete show the requests the simulator then receives", async ({ page, request }) => {
    await open(page, "/scripts/new", '[data-testid="script-form"][data-ready="true"]');
    const form = page.getByTestId("script-form");
    await page.getByLabel("Title").fill("api-setup");
    await page.locator('textarea[name="content"]').fill("#!/bin/bash\necho 'it works'\n");
    const created = await shownCall(form);
    expect(created).toEqual({
      method: "POST",
      path: "/ecs/v2/scripts",
      body: { title: "api-setup", content: "#!/bin/bash\necho 'it works'\n", windows: false },
    });
    await page.getByTestId("script-save").click();
    await expect(toast(page, "Saved “api-setup”")).toBeVisible();
    await expectReceived(request, created);

    await page.locator('[data-testid="script-row"][data-title="api-setup"]').getByRole("link", { name: "api-setup" }).click();
    await expect(page.locator('[data-testid="script-form"][data-ready="true"]')).toBeVisible();
    await page.getByLabel("Title").fill("api-setup-2");
    const updated = await shownCall(page.getByTestId("script-form"));
    expect(updated.method).toBe("PUT");
    expect(updated.path).toMatch(/^\/ecs\/v2\/scripts\/\w+$/);
    expect(updated.body.title).toBe("api-setup-2");
    await page.getByTestId("script-save").click();
    await expect(toast(page, "Saved “api-setup-2”")).toBeVisible();
    await expectReceived(request, updated);

    await page.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByTestId("delete-script");
    const deleted = await shownCall(confirm);
    expect(deleted).toEqual({ method: "DELETE", path: updated.path, body: null });
    await confirm.getByTestId("confirm-delete").click();
    await expect(toast(page, "Deleted “api-setup-2”")).toBeVisible();
    await expectReceived(request, deleted);
  });

  test("a private network: create and delete show the requests the simulator then receives", async ({ page, request }) => {
    await open(page, "/networks", '[data-testid="networks"][data-ready="true"]');
    const created = await shownCall(page.locator(".page-head"));
    expect(created).toEqual({ method: "POST", path: "/ecs/v2/networks", body: {} });
    await page.getByTestId("network-create").click();
    await expect(toast(page, /Network net\d+ created/)).toBeVisible();
    await expectReceived(request, created);

    const row = page.getByTestId("network-row").nth(1);
    const name = (await row.getAttribute("data-name"))!;
    await row.getByTestId("network-delete").click();
    const dialog = page.getByTestId("delete-network-dialog");
    const deleted = await shownCall(dialog);
    expect(deleted).toEqual({ method: "DELETE", path: `/ecs/v2/networks/${name}`, body: null });
    await page.getByTestId("delete-network-confirm").click();
    await expect(toast(page, `Network ${name} deleted`)).toBeVisible();
    await expectReceived(request, deleted);
  });

  test("a template: edit and delete show the requests the simulator then receives", async ({ page, request }) => {
    await open(page, "/templates", '[data-ready="true"]');
    const row = (name: string) => page.locator(`[data-testid="template-row"][data-name="${name}"]`);
    await row("ei100001").getByTestId("edit-template").click();
    const edit = page.getByTestId("edit-template-dialog");
    await edit.getByLabel(/Notes/).fill("patched in November");
    const edited = await shownCall(edit);
    expect(edited.method).toBe("PUT");
    expect(edited.path).toMatch(/^\/ecs\/v2\/templates\/\w+$/);
    expect(edited.body.notes).toBe("patched in November");
    await page.getByTestId("edit-template-save").click();
    await expect(toast(page, "Template saved")).toBeVisible();
    await expectReceived(request, edited);

    await row("ei100002").getByTestId("delete-template").click();
    const del = page.getByTestId("delete-template-dialog");
    const deleted = await shownCall(del);
    expect(deleted.method).toBe("DELETE");
    expect(deleted.path).toMatch(/^\/ecs\/v2\/templates\/\w+$/);
    await page.getByTestId("delete-template-confirm").click();
    await expectReceived(request, deleted);
    await advance(request, 30);
    await expect(row("ei100002")).toHaveCount(0, { timeout: 15_000 });
  });
});

test.describe("the API call behind the account page", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await request.delete(`${SIM}/__sim/requests`);
  });

  test("an API token: make, rename and destroy show the requests the simulator then receives", async ({ page, request }) => {
    await open(page, "/account", '[data-testid="tokens"][data-ready="true"]');
    await page.locator('input[name="notes"]').first().fill("api deploys");
    const section = page.locator("section").filter({ has: page.getByTestId("token-create") });
    const made = await shownCall(section);
    expect(made).toEqual({ method: "POST", path: "/ecs/v2/keys", body: { notes: "api deploys" } });
    await page.getByTestId("token-create").click();
    const token = (await page.getByTestId("fresh-token-text").textContent())!.trim();
    mkdirSync("test-results", { recursive: true });
    appendFileSync(MADE, token + "\n");
    await expectReceived(request, made);
    await page.getByTestId("fresh-token-done").click();

    const row = page.locator('[data-testid="token-row"][data-notes="api deploys"]');
    await row.getByTestId("token-rename").click();
    const rename = page.getByTestId("rename-token");
    await rename.locator('input[name="notes"]').fill("api releases");
    const renamed = await shownCall(rename);
    expect(renamed.method).toBe("PUT");
    expect(renamed.path).toMatch(/^\/ecs\/v2\/keys\/[\w-]+$/);
    expect(renamed.body).toEqual({ notes: "api releases" });
    // The token itself is never in a shown call: only its id.
    expect(await curlText(rename)).not.toContain(token);
    await page.getByTestId("rename-token-confirm").click();
    await expectReceived(request, renamed);

    const renamedRow = page.locator('[data-testid="token-row"][data-notes="api releases"]');
    await renamedRow.getByTestId("token-destroy").click();
    const destroy = page.getByTestId("destroy-token");
    const destroyed = await shownCall(destroy);
    expect(destroyed).toEqual({ method: "DELETE", path: renamed.path, body: null });
    await page.getByTestId("destroy-token-confirm").click();
    await expect(renamedRow).toHaveCount(0);
    await expectReceived(request, destroyed);
  });
});
