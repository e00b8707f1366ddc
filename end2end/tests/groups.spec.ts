import { test, expect } from "./fixtures";
import type { Page, APIRequestContext } from "@playwright/test";
import { createHash } from "node:crypto";
import { DEMO_API_TOKEN, SIM, expectNoReload, markPage, row, signIn, simReset, waitForHydration } from "./helpers";

const groupRow = (page: Page, name: string) => page.locator(`[data-testid="group-row"][data-name="${name}"]`);
const sha256 = (text: string) => "sha256:" + createHash("sha256").update(text, "utf8").digest("hex");

async function open(page: Page) {
  await signIn(page, "/groups");
  await waitForHydration(page);
  // The table and the form hydrate after the page: wait for both before clicking.
  await expect(page.locator('[data-testid="groups"][data-ready="true"]')).toBeVisible();
  await expect(page.locator('form[data-testid="new-group"][data-ready="true"]')).toBeVisible();
}

/// The bodies of the accepted `POST /groups` the simulator received (secrets as SHA-256 digests).
async function groupCreates(request: APIRequestContext) {
  const res = await request.get(`${SIM}/__sim/requests`);
  const { requests } = await res.json();
  return requests
    .filter((r: any) => r.method === "POST" && r.path.endsWith("/groups") && r.status < 300)
    .map((r: any) => r.body);
}

test.describe("groups", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await request.delete(`${SIM}/__sim/requests`);
  });

  test("create with a blank password: the panel sends a strong random one", async ({ page, request }) => {
    await open(page);
    await markPage(page);
    const form = page.getByTestId("new-group");
    await expect(form).toContainText("its API still requires one: leave it blank");
    await form.getByLabel("Name").fill("staging pool");
    await page.getByTestId("new-group-submit").click();
    await expect(page.getByTestId("toast").filter({ hasText: "Group “staging pool” created" })).toBeVisible();
    const created = page.getByTestId("group-row").filter({ hasText: "staging pool" });
    await expect(created).toHaveCount(1);
    await expect(created.getByTestId("group-servers")).toHaveText("No servers");
    await expect(form.getByLabel("Name")).toHaveValue("");
    await expectNoReload(page);

    const bodies = await groupCreates(request);
    expect(bodies).toHaveLength(1);
    expect(bodies[0].notes).toBe("staging pool");
    expect(bodies[0].password).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(bodies[0].password).not.toBe(sha256(""));
  });

  test("a name is required, at its field; a typed password is sent as typed", async ({ page, request }) => {
    await open(page);
    const form = page.getByTestId("new-group");
    await form.getByLabel(/Password/).fill("correct horse battery");
    await page.getByTestId("new-group-submit").click();
    await expect(form.locator('.field-error[data-field="notes"]')).toHaveText("Enter a name for the group.");
    // Nothing typed is lost on an error.
    await expect(form.getByLabel(/Password/)).toHaveValue("correct horse battery");
    await form.getByLabel("Name").fill("batch");
    await page.getByTestId("new-group-submit").click();
    await expect(page.getByTestId("toast").filter({ hasText: "Group “batch” created" })).toBeVisible();
    const bodies = await groupCreates(request);
    expect(bodies.map((b: any) => b.password)).toEqual([sha256("correct horse battery")]);
  });

  test("delete lists the group's servers first, and they stay", async ({ page }) => {
    await open(page);
    await expect(groupRow(page, "eg100001").getByTestId("group-servers")).toContainText("1 server");
    await groupRow(page, "eg100001").getByTestId("delete-group").click();
    const dialog = page.getByTestId("delete-group-dialog");
    await expect(dialog).toContainText("production");
    const members = dialog.getByTestId("group-members");
    await expect(members.getByRole("link", { name: "web-1" })).toHaveAttribute("href", "/servers/ec200401");
    await expect(members).toContainText("ec200401");
    await expect(dialog).toContainText("does not delete, stop or change these servers: they stay as they are, in no group");
    await page.getByTestId("delete-group-confirm").click();
    await expect(page.getByTestId("toast").filter({ hasText: "Group “production” deleted" })).toBeVisible();
    await expect(groupRow(page, "eg100001")).toHaveCount(0);
    await page.goto("/servers?group=none");
    await expect(row(page, "ec200401")).toBeVisible();
  });

  test("“Show servers” opens the servers list filtered to the group", async ({ page }) => {
    await open(page);
    await groupRow(page, "eg100001").getByTestId("group-servers-link").click();
    await expect(page).toHaveURL(/\/servers\?group=eg100001$/);
    await expect(page.getByTestId("server-row")).toHaveCount(1);
    await expect(row(page, "ec200401")).toBeVisible();
  });

  test("deleting a group already deleted elsewhere says so in plain words", async ({ page, request }) => {
    await open(page);
    // Someone deletes it meanwhile (another window, Seeweb's panel, a script).
    const gone = await request.delete(`${SIM}/ecs/v2/groups/eg100002`, { headers: { "X-APITOKEN": DEMO_API_TOKEN } });
    expect(gone.ok()).toBeTruthy();
    await groupRow(page, "eg100002").getByTestId("delete-group").click();
    await page.getByTestId("delete-group-confirm").click();
    const toast = page.getByTestId("toast").filter({ hasText: "This group no longer exists" });
    await expect(toast).toBeVisible();
    await expect(toast).toContainText("it was deleted already");
    await expect(page.getByTestId("delete-group-dialog")).toBeHidden();
    await expect(groupRow(page, "eg100002")).toHaveCount(0);
    await expect(groupRow(page, "eg100001")).toBeVisible();
  });
});
