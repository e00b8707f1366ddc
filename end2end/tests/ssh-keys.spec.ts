import { test, expect } from "./fixtures";
import type { Page, APIRequestContext } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_API_TOKEN, SIM, signIn, simReset, waitForHydration } from "./helpers";

/// A fresh Ed25519 key and the fingerprint `ssh-keygen -lf` prints for it.
function freshKey(): { line: string; fingerprint: string } {
  const dir = mkdtempSync(join(tmpdir(), "ecs-panel-key-"));
  try {
    const file = join(dir, "id_ed25519");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "e2e@laptop", "-f", file]);
    const line = readFileSync(`${file}.pub`, "utf8").trim();
    // "256 SHA256:… e2e@laptop (ED25519)"
    const fingerprint = execFileSync("ssh-keygen", ["-lf", `${file}.pub`], { encoding: "utf8" }).split(" ")[1];
    return { line, fingerprint };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function open(page: Page) {
  await signIn(page, "/ssh-keys");
  await waitForHydration(page);
  // The table hydrates once its data is in: wait for it before clicking its buttons.
  await expect(page.locator('[data-testid="keys"][data-ready="true"]')).toBeVisible();
}

/// The `POST /sshkeys` requests the simulator received.
async function keyPosts(request: APIRequestContext) {
  const { requests } = await (await request.get(`${SIM}/__sim/requests`)).json();
  return requests.filter((r: any) => r.method === "POST" && r.path.endsWith("/sshkeys"));
}

const row = (page: Page, label: string) => page.locator(`[data-testid="key-row"][data-label="${label}"]`);
const addForm = (page: Page) => page.getByTestId("add-key-form");
const fieldError = (page: Page, field: string) => addForm(page).locator(`.field-error[data-field="${field}"]`);

test.describe("SSH keys", () => {
  test.beforeEach(async ({ request }) => {
    await simReset(request);
    await request.delete(`${SIM}/__sim/requests`);
  });

  test("add a key: its fingerprint is ssh-keygen's; rename it; delete it", async ({ page, request }) => {
    const key = freshKey();
    await open(page);
    await addForm(page).getByLabel("Label").fill("e2e-laptop");
    // Pasted with stray blank space around it, as from a terminal.
    await addForm(page).getByLabel("Public key").fill(`  ${key.line}\n`);
    await expect(page.getByTestId("preview-fingerprint")).toHaveText(key.fingerprint);
    await expect(page.getByTestId("preview-type")).toHaveText("ED25519 · 256 bits");
    await page.getByTestId("add-key-submit").click();

    await expect(page.getByTestId("toast").filter({ hasText: "Added “e2e-laptop”" })).toBeVisible();
    await expect(row(page, "e2e-laptop").getByTestId("fingerprint")).toHaveText(key.fingerprint);
    await expect(addForm(page).getByLabel("Public key")).toHaveValue("");
    const sent = await keyPosts(request);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toEqual({ label: "e2e-laptop", key: key.line });

    await row(page, "e2e-laptop").getByRole("button", { name: "Rename" }).click();
    const rename = page.getByTestId("rename-key");
    await rename.getByLabel("Label").fill("e2e-desktop");
    await rename.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Renamed to “e2e-desktop”" })).toBeVisible();
    await expect(row(page, "e2e-desktop").getByTestId("fingerprint")).toHaveText(key.fingerprint);
    await expect(row(page, "e2e-laptop")).toHaveCount(0);

    await row(page, "e2e-desktop").getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByTestId("delete-key");
    await expect(confirm).toContainText("Delete the key “e2e-desktop”?");
    await expect(confirm).toContainText(key.fingerprint);
    await confirm.getByTestId("confirm-delete").click();
    await expect(page.getByTestId("toast").filter({ hasText: "Deleted “e2e-desktop”" })).toBeVisible();
    await expect(row(page, "e2e-desktop")).toHaveCount(0);
    await expect(page.getByTestId("result-count")).toHaveText("1 key");
  });

  test("a malformed key is refused at its field, and nothing is sent", async ({ page, request }) => {
    const calls: string[] = [];
    page.on("request", (r) => r.url().includes("/api/ssh_keys_add") && calls.push(r.url()));
    await open(page);
    await addForm(page).getByLabel("Label").fill("broken");
    // An Ed25519 key cut short while copying.
    await addForm(page).getByLabel("Public key").fill("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGqH9vfhYfmtN99qecO9XVLMZ+fQ user@host");
    await expect(fieldError(page, "key")).toContainText("copy the line again from the .pub file");
    await expect(page.getByTestId("key-preview")).toContainText("Not a key yet");
    await page.getByTestId("add-key-submit").click();
    await expect(fieldError(page, "key")).toBeVisible();
    await expect(addForm(page).getByLabel("Label")).toHaveValue("broken");
    expect(calls).toHaveLength(0);
    expect(await keyPosts(request)).toHaveLength(0);
    await expect(row(page, "broken")).toHaveCount(0);
  });

  test("a label already in use, in other capitals, is refused at the label field", async ({ page, request }) => {
    const key = freshKey();
    await open(page);
    await addForm(page).getByLabel("Label").fill("Demo-Laptop");
    await addForm(page).getByLabel("Public key").fill(key.line);
    await expect(fieldError(page, "label")).toContainText("You already have a key labelled “demo-laptop”");
    await page.getByTestId("add-key-submit").click();
    expect(await keyPosts(request)).toHaveLength(0);

    // Taken since the page loaded (another tab): the server's own check answers at the field.
    const res = await request.post(`${SIM}/ecs/v2/sshkeys`, {
      headers: { "X-APITOKEN": DEMO_API_TOKEN },
      data: { label: "work", key: key.line },
    });
    expect(res.ok()).toBeTruthy();
    await addForm(page).getByLabel("Label").fill("work");
    await expect(fieldError(page, "label")).toHaveCount(0);
    await page.getByTestId("add-key-submit").click();
    await expect(fieldError(page, "label")).toContainText("You already have a key labelled “work”");
    await expect(addForm(page).getByLabel("Public key")).toHaveValue(key.line);
    expect(await keyPosts(request)).toHaveLength(1);
  });

  test("a stored text that is not a key is listed as such; search lives in the URL", async ({ page, request }) => {
    // ECS stores whatever it is given.
    await request.post(`${SIM}/ecs/v2/sshkeys`, {
      headers: { "X-APITOKEN": DEMO_API_TOKEN },
      data: { label: "legacy", key: "ssh-rsa AAAA not-a-key" },
    });
    await open(page);
    await expect(row(page, "legacy").getByTestId("not-a-key")).toHaveText("not a valid OpenSSH key");
    await expect(row(page, "demo-laptop").getByTestId("fingerprint")).toHaveText(/^SHA256:/);
    await page.getByRole("searchbox").fill("ED25519");
    await expect(page).toHaveURL(/\/ssh-keys\?q=ED25519$/);
    await expect(page.getByTestId("result-count")).toHaveText("1 of 2 keys match");
    await expect(row(page, "legacy")).toHaveCount(0);
  });
});
