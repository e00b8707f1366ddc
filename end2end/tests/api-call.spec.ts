import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect } from "./fixtures";
import { SIM, signIn, simReset, waitForHydration } from "./helpers";

/// What "Show the API call" prints in `scope` (a dialog, card or form): method, URL path and JSON
/// body (none for a DELETE). A secret shows as `"'"$VAR"'"` (the shell puts the variable's value
/// in): read back as the string "$VAR", as the shell would with VAR=VAR.
async function shownCall(scope: Locator) {
  const toggle = scope.getByRole("button", { name: /^(Show|Hide) the API call$/ });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const curl = await scope.getByTestId("curl").innerText();
  expect(curl).toContain('-H "X-APITOKEN: $ECS_TOKEN"');
  const [, method, url] = curl.match(/^curl -X (\w+) '([^']+)'/)!;
  const data = curl.indexOf("--data '");
  const quoted = data < 0 ? null : curl.slice(data + 8, curl.lastIndexOf("'"));
  const text = quoted?.replace(/'"\$(\w+)"'/g, "$$$1").replace(/'\\''/g, "'");
  const body = text == null ? null : JSON.parse(text);
  return { method, path: new URL(url).pathname, body };
}

/// The command as printed (after `shownCall` opened it).
const curlText = (scope: Locator) => scope.getByTestId("curl").innerText();

/// The simulator's newest request with this method and path.
async function received(request: APIRequestContext, method: string, path: string) {
  const { requests } = await (await request.get(`${SIM}/__sim/requests`)).json();
  return requests.filter((r: any) => r.method === method && r.path === path).at(-1);
}

/// Waits until the simulator has accepted the call shown, and checks it got that very body.
async function expectReceived(request: APIRequestContext, shown: { method: string; path: string; body: unknown }) {
  await expect.poll(async () => (await received(request, shown.method, shown.path))?.status ?? 0).toBeGreaterThanOrEqual(200);
  const got = await received(request, shown.method, shown.path);
  expect(got.status).toBeLessThan(300);
  expect(got.body).toEqual(shown.body);
  return got;
}

/// The simulator keeps a digest of a secret, never the value.
const sha256 = (text: string) => "sha256:" + createHash("sha256").update(text, "utf8").digest("hex");

async function advance(request: APIRequestContext, seconds: number) {
  const res = await request.post(`${SIM}/__sim/clock/advance`, { data: { seconds } });
  expect(res.ok()).toBeTruthy();
}

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text });
const card = (page: Page, heading: string) =>
  page.locator("section.card").filter({ has: page.getByRole("heading", { name: heading, exact: true }) });

/// A fresh Ed25519 public key line.
function freshKey(): string {
  const dir = mkdtempSync(join(tmpdir(), "ecs-panel-key-"));
  try {
    const file = join(dir, "id_ed25519");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "api@laptop", "-f", file]);
    return readFileSync(`${file}.pub`, "utf8").trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
